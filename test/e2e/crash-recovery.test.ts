import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
import { expectLedgersAgree, issuerAuthorizations, merchantRows } from './support/ledger-agreement'
import { startBrowserMode, startIssuerProcess, type BrowserModeProcess, type IssuerProcess } from './support/browser-mode-process'

let server: BrowserModeProcess | undefined
let issuer: IssuerProcess | undefined
afterEach(async () => {
  await server?.stop()
  await issuer?.stop()
  server = undefined
  issuer = undefined
})

const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits for a state of the ledgers, not for a time: polls until `reached` holds (or gives up). */
async function until(what: string, reached: () => boolean): Promise<void> {
  for (let poll = 0; poll < 300; poll++) {
    if (reached()) return
    await sleep(100)
  }
  throw new Error(`${what} never happened`)
}

async function settleReversals(dataDir: string): Promise<void> {
  for (let poll = 0; poll < 100; poll++) {
    const pending = merchantRows(dataDir, "SELECT id FROM payment_attempts WHERE reversal_status = 'pending' OR outcome = 'pending'")
    if (pending.length === 0) return
    await sleep(100)
  }
  throw new Error('reversals were never acknowledged')
}

describe('the till dies in the middle of a card payment', () => {
  it('the issuer placed a hold after the till died: the next start reverses it and the cart is still there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-crash-'))
    issuer = await startIssuerProcess(dataDir, ['--latency-ms', '1500'])
    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    let page = await connectAsPage(server.url)
    await page.loginAs('Camille', '1234')
    const [teapot] = await page.value('catalogue.search', { query: 'théière' })
    await page.value('cart.addProduct', { productId: teapot!.id })
    const order = await page.value('checkout.begin', {
      customerId: null,
      delivery: { option: 'standard', address: { recipient: 'J C', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' } },
    })
    void page.call('checkout.payByCard', { orderId: order.id, card: VISA }).catch(() => undefined)
    // Killed once the till has recorded the attempt and sent it, while the issuer (1.5 s of
    // latency) has not answered yet; the issuer then places the hold with no till to hear it.
    await until('the till recording its attempt', () => merchantRows(dataDir, "SELECT id FROM payment_attempts WHERE outcome = 'pending'").length === 1)
    await server.kill()
    expect(merchantRows(dataDir, "SELECT id FROM payment_attempts WHERE outcome <> 'pending'")).toEqual([])
    await until('the issuer placing its hold', () => issuerAuthorizations(dataDir).length > 0)
    expect(issuerAuthorizations(dataDir).map((authorization) => authorization.state)).toEqual(['held'])

    server = await startBrowserMode(dataDir, ['--issuer', 'https'])
    await settleReversals(dataDir)
    expect(issuerAuthorizations(dataDir).map((authorization) => authorization.state)).toEqual(['reversed'])
    page = await connectAsPage(server.url)
    await page.loginAs('Camille', '1234')
    expect((await page.value('cart.get', {})).lines).toHaveLength(1)
    expect((await page.value('orders.get', { orderId: order.id })).status).toBe('pending_payment')
    expectLedgersAgree(dataDir)
  })

  it('after being killed at random moments of many checkouts, the issuer and the orders always agree', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-chaos-'))
    const address = { recipient: 'J C', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }
    for (let round = 0; round < 4; round++) {
      server = await startBrowserMode(dataDir)
      await settleReversals(dataDir)
      expectLedgersAgree(dataDir)
      const page = await connectAsPage(server.url)
      await page.loginAs('Camille', '1234')
      const [mug] = await page.value('catalogue.search', { query: 'MAI-MUG-01' })
      // The kill lands after round + 1 payments have been answered, at a moment of the next
      // checkout that varies with the round: counted in payments, not timed.
      let answered = 0
      const checkouts = (async () => {
        for (;;) {
          await page.call('cart.addProduct', { productId: mug!.id })
          const order = await page.call('checkout.begin', { customerId: null, delivery: { option: 'standard', address } })
          if (!order.ok) continue
          await page.call('checkout.payByCard', { orderId: order.value.id, card: VISA })
          answered++
        }
      })().catch(() => undefined)
      const killAfter = round + 1
      await until(`${killAfter} payments answered`, () => answered >= killAfter)
      await sleep(round * 40)
      await server.kill()
      await checkouts
    }
    server = await startBrowserMode(dataDir)
    await settleReversals(dataDir)
    expectLedgersAgree(dataDir)
    const orders = merchantRows<{ n: number }>(dataDir, "SELECT count(*) AS n FROM orders WHERE status = 'awaiting_shipment'")
    expect(orders[0]!.n).toBeGreaterThan(0)
  })
})
