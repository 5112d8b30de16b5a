import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Failpoint } from '../../src/platform/diagnostics/failpoint'
import { connectAsPage } from './support/api-client'
import { merchantRows } from './support/ledger-agreement'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'

const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const ROOT = join(import.meta.dirname, '..', '..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: BrowserModeProcess | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const armed = (point: Failpoint | ''): NodeJS.ProcessEnv => ({ ...process.env, COMPTOIR_CRASH_AT: point })

/** One pickup sale at the till: by card, or in cash. */
async function sell(url: string, cash: boolean): Promise<unknown> {
  const cashier = await connectAsPage(url)
  await cashier.loginAs('Camille', '1234')
  const [mug] = await cashier.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
  await cashier.value('cart.addProduct', { productId: mug!.id, quantity: 1 })
  const order = await cashier.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  return cash ? cashier.value('checkout.payCash', { orderId: order.id, tendered: 5000 }) : cashier.value('checkout.payByCard', { orderId: order.id, card: VISA })
}

describe('the fiscal journal through kills of the server (kill -9 at the steps of a sale)', () => {
  it('every sold order has exactly one ticket, the numbers follow without gaps and fiscal:verify passes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-fiscal-crash-'))
    server = await startBrowserMode(dataDir)
    await sell(server.url, true)
    for (const point of ['authorization-answered', 'sale-committed', 'step-written'] as const) {
      await server.stop()
      server = await startBrowserMode(dataDir, [], armed(point))
      void sell(server.url, false).catch(() => undefined)
      const died = await Promise.race([server.exited.then(() => true), sleep(15_000).then(() => false)])
      expect(died, `nothing reached ${point}`).toBe(true)
      // Back up: the start-up recovery completes what the issuer approved, with its ticket.
      server = await startBrowserMode(dataDir)
      await sell(server.url, true)
    }
    await server.stop()
    server = undefined

    const sold = merchantRows<{ id: number }>(dataDir, 'SELECT id FROM orders WHERE number IS NOT NULL ORDER BY id')
    const tickets = merchantRows<{ order_id: number; sequence: number }>(
      dataDir,
      "SELECT order_id, sequence FROM fiscal_records WHERE kind = 'ticket' AND chain = 'real' ORDER BY sequence",
    )
    expect(sold.length).toBeGreaterThanOrEqual(5)
    expect(tickets.map((ticket) => ticket.order_id).sort((a, b) => a - b)).toEqual(sold.map((order) => order.id))
    const sequences = merchantRows<{ sequence: number }>(dataDir, "SELECT sequence FROM fiscal_records WHERE chain = 'real' ORDER BY sequence")
    expect(sequences.map((row) => row.sequence)).toEqual(sequences.map((_, index) => index + 1))
    const verify = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/fiscal-verify.ts', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(verify.stdout).toMatch(/^OK: /m)
    expect(verify.status).toBe(0)
  })
})
