import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Failpoint } from '../../src/platform/diagnostics/failpoint'
import { connectAsPage } from './support/api-client'
import { expectLedgersAgree, expectNoMoneyLost, merchantRows } from './support/ledger-agreement'
import { startBrowserMode, startIssuerProcess, type BrowserModeProcess, type IssuerProcess } from './support/browser-mode-process'

/**
 * The server and the issuer are two processes; each is killed (SIGKILL, from inside, at a named
 * step: see src/platform/diagnostics/failpoint.ts) at every step of a card payment and of a capture,
 * restarted, and the two ledgers must then agree. Then a random kill loop over 200 checkouts.
 */

const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const MASTERCARD_2 = { number: '2223003122003222', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const LYON = { recipient: 'J C', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: BrowserModeProcess | undefined
let issuer: IssuerProcess | undefined
afterEach(async () => {
  await server?.stop()
  await issuer?.stop()
  server = undefined
  issuer = undefined
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

const armed = (point?: Failpoint): NodeJS.ProcessEnv => ({ ...process.env, COMPTOIR_CRASH_AT: point ?? '' })

/** Polls until nothing is owed to the issuer and both ledgers agree (or fails with the last difference). */
async function waitForAgreement(dataDir: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const owed = merchantRows(dataDir, "SELECT id FROM money_steps WHERE status = 'pending' UNION ALL SELECT id FROM payment_attempts WHERE outcome = 'pending'")
      expect(owed).toEqual([])
      expectLedgersAgree(dataDir)
      expectNoMoneyLost(dataDir)
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await sleep(150)
    }
  }
}

async function pages(url: string) {
  const cashier = await connectAsPage(url)
  await cashier.loginAs('Camille', '1234')
  const admin = await connectAsPage(url)
  await admin.loginAs('Alex', '4321')
  return { cashier, admin }
}

type Page = Awaited<ReturnType<typeof connectAsPage>>

/** One card checkout; a shipped one is then handed to the carrier (which captures). */
async function checkout(cashier: Page, admin: Page, kind: 'pickup' | 'ship', productId: number, card = VISA): Promise<boolean> {
  await cashier.call('cart.clear', {})
  await cashier.call('cart.addProduct', { productId })
  const delivery = kind === 'pickup' ? { option: 'pickup' as const } : { option: 'standard' as const, address: LYON }
  const order = await cashier.call('checkout.begin', { customerId: null, delivery })
  if (!order.ok) return false
  const paid = await cashier.call('checkout.payByCard', { orderId: order.value.id, card })
  if (!paid.ok) return false
  if (kind === 'ship') {
    await admin.call('orders.markShipped', { orderId: order.value.id, carrier: 'Colissimo', trackingNumber: `6A${order.value.id}0000` })
  }
  return true
}

const SCENARIOS: Array<{ point: Failpoint; flow: 'pickup' | 'ship' }> = [
  { point: 'authorization-recorded', flow: 'pickup' },
  { point: 'authorization-answered', flow: 'pickup' },
  { point: 'sale-committed', flow: 'pickup' },
  { point: 'step-written', flow: 'pickup' },
  { point: 'step-answered', flow: 'pickup' },
  { point: 'step-recorded', flow: 'pickup' },
  { point: 'issuer-message-received', flow: 'pickup' },
  { point: 'issuer-authorization-committed', flow: 'pickup' },
  { point: 'issuer-capture-committed', flow: 'pickup' },
  { point: 'step-written', flow: 'ship' },
  { point: 'step-answered', flow: 'ship' },
  { point: 'step-recorded', flow: 'ship' },
  { point: 'issuer-message-received', flow: 'ship' },
  { point: 'issuer-capture-committed', flow: 'ship' },
]

describe('a kill at every step of a payment and of a capture', () => {
  it('after the server or the issuer dies at each step and comes back, both ledgers agree', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-steps-'))
    const issuerArgs = ['--port', String(await freePort())]
    issuer = await startIssuerProcess(dataDir, issuerArgs)
    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    let { cashier } = await pages(server.url)
    const [mug] = await cashier.value('catalogue.search', { query: 'MAI-MUG-01' })

    for (const { point, flow } of SCENARIOS) {
      const issuerSide = point.startsWith('issuer-')
      // A shipped flow's failpoint is armed only once the sale is paid: the capture is the step under test.
      if (flow === 'ship') {
        const ready = await pages(server.url)
        const order = await ready.cashier.call('cart.addProduct', { productId: mug!.id }).then(() =>
          ready.cashier.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: LYON } }),
        )
        await ready.cashier.value('checkout.payByCard', { orderId: order.id, card: VISA })
        if (issuerSide) {
          await issuer.stop()
          issuer = await startIssuerProcess(dataDir, issuerArgs, armed(point))
        } else {
          await server.stop()
          server = await startBrowserMode(dataDir, ['--issuer', 'https'], armed(point))
        }
        const { admin } = await pages(server.url)
        void admin.call('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A123456' }).catch(() => undefined)
      } else {
        if (issuerSide) {
          await issuer.stop()
          issuer = await startIssuerProcess(dataDir, issuerArgs, armed(point))
        } else {
          await server.stop()
          server = await startBrowserMode(dataDir, ['--issuer', 'https'], armed(point))
        }
        cashier = (await pages(server.url)).cashier
        void checkout(cashier, cashier, 'pickup', mug!.id).catch(() => undefined)
      }
      const victim = issuerSide ? issuer : server
      const died = await Promise.race([victim.exited.then(() => true), sleep(15_000).then(() => false)])
      expect(died, `${flow}: nothing reached ${point}`).toBe(true)
      if (issuerSide) issuer = await startIssuerProcess(dataDir, issuerArgs)
      else {
        await server.stop()
        server = await startBrowserMode(dataDir, ['--issuer', 'https'])
      }
      try {
        await waitForAgreement(dataDir)
      } catch (error) {
        throw new Error(`after a kill at ${point} (${flow}): ${(error as Error).message}`)
      }
    }
    const sold = merchantRows<{ n: number }>(dataDir, "SELECT count(*) AS n FROM orders WHERE status IN ('delivered', 'shipped')")
    expect(sold[0]!.n).toBeGreaterThan(5)
  })
})

describe('a random kill loop', () => {
  it('200 checkouts with shipping and captures while the server and the issuer are killed at random: no disagreement', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-kill-loop-'))
    // The cards' velocity limit (20 a window) would decline a test that pays 200 times in a minute.
    const issuerArgs = ['--port', String(await freePort()), '--max-attempts', '100000']
    issuer = await startIssuerProcess(dataDir, issuerArgs)
    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    // A seeded draw, so that a failing run can be replayed.
    let seed = 20261207
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const [mug] = await (await pages(server.url)).cashier.value('catalogue.search', { query: 'MAI-MUG-01' })

    let paid = 0
    let kills = 0
    let restarting: Promise<void> = Promise.resolve()
    const worker = (async () => {
      let session: Awaited<ReturnType<typeof pages>> | null = null
      while (paid < 200) {
        try {
          await restarting
          session ??= await pages(server!.url)
          const card = paid % 2 === 0 ? VISA : MASTERCARD_2
          if (await checkout(session.cashier, session.admin, random() < 0.5 ? 'pickup' : 'ship', mug!.id, card)) paid++
        } catch {
          session = null
          await sleep(50)
        }
      }
    })()
    const chaos = (async () => {
      while (paid < 200) {
        // Every few sales or a little over a second, whichever comes first, then a random instant
        // inside a checkout: enough kills on a fast machine as on a slow one.
        const from = paid
        const every = 2 + Math.floor(random() * 12)
        const deadline = Date.now() + 150 + random() * 1_050
        while (paid < from + every && Date.now() < deadline) await sleep(10)
        await sleep(random() * 60)
        if (paid >= 200) break
        kills++
        const killIssuer = random() < 0.35
        restarting = (async () => {
          if (killIssuer) {
            await issuer!.kill()
            await sleep(random() * 400)
            issuer = await startIssuerProcess(dataDir, issuerArgs)
          } else {
            await server!.kill()
            server = await startBrowserMode(dataDir, ['--issuer', 'https'])
          }
        })()
        await restarting
      }
    })()
    const progress = setInterval(() => console.warn(`kill loop: ${paid} paid, ${kills} kills`), 10_000)
    await Promise.all([worker, chaos]).finally(() => clearInterval(progress))
    // A last orderly restart, as the next morning would be.
    await server.stop()
    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    await waitForAgreement(dataDir, 30_000)
    console.warn(`kill loop: ${paid} paid, ${kills} kills of the server or the issuer`)
    expect(kills).toBeGreaterThan(10)
    const figures = merchantRows<{ shipped: number; delivered: number; awaiting: number }>(
      dataDir,
      `SELECT sum(status = 'shipped') AS shipped, sum(status = 'delivered') AS delivered,
              sum(status = 'awaiting_shipment') AS awaiting FROM orders`,
    )[0]!
    expect(figures.shipped + figures.delivered + figures.awaiting).toBeGreaterThanOrEqual(200)
    expect(figures.shipped).toBeGreaterThan(0)
    expect(figures.delivered).toBeGreaterThan(0)
  })
})

describe("issue 9's reproduction", () => {
  it('a pickup sale paid over a 1.5 s issuer, the server killed 2.3 s later: after restart it is captured and refundable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-issue9-'))
    issuer = await startIssuerProcess(dataDir, ['--port', String(await freePort()), '--latency-ms', '1500'])
    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    let { cashier, admin } = await pages(server.url)
    const [mug] = await cashier.value('catalogue.search', { query: 'MAI-MUG-01' })
    await cashier.value('cart.addProduct', { productId: mug!.id })
    const order = await cashier.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
    void cashier.call('checkout.payByCard', { orderId: order.id, card: VISA }).catch(() => undefined)
    await sleep(2_300)
    await server.kill()

    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    await waitForAgreement(dataDir)
    ;({ cashier, admin } = await pages(server.url))
    const detail = await admin.value('orders.detail', { orderId: order.id })
    console.warn(`issue 9: ${detail.status}, captured ${detail.capturedAmount}`)
    // On a machine slow enough for the kill to come before the approval, the sale is simply unpaid.
    if (detail.status !== 'pending_payment') {
      expect(detail).toMatchObject({ status: 'delivered', capturedAmount: detail.quote.totals.ttc, actions: { canRefund: true } })
      expect(detail.attempts.at(-1)).toMatchObject({ capturedAmount: detail.quote.totals.ttc })
    }
  })
})
