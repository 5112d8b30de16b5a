/**
 * Runs the bench's till sale a number of times, between two markers written on stdout, so that
 * `strace` (see sale-io.ts) can count the disk syncs and WAL bytes of exactly those sales.
 *   tsx test/bench/sale-io-probe.ts <in-process|http|raw|ship> <sales>
 * `raw` counts the baseline: one real sale's rows written again in one raw transaction each time.
 * `ship` counts a later change of state instead: each sale's parcel marked shipped (and captured)
 * by an administrator, what rewrites the orders row after the sale.
 */
import { writeSync } from 'node:fs'
import { openSaleBench, type Transport } from './sale-scenario'
import { openRawSale, readSaleRows } from './raw-sale'

export const START_MARKER = 'COMPTOIR-SALES-START'
export const END_MARKER = 'COMPTOIR-SALES-END'

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'in-process'
  const sales = Number(process.argv[3] ?? 100)
  const bench = await openSaleBench(mode === 'raw' || mode === 'ship' ? 'in-process' : (mode as Transport))
  try {
    if (mode === 'ship') {
      const orderIds: number[] = []
      for (let index = 0; index < sales + 5; index++) orderIds.push(await bench.sale())
      const { router } = bench.app
      const admin = async (name: string, input: unknown) => {
        const answer = (await router.dispatch(name, input, 'bench-admin')) as { ok: boolean; value?: unknown; error?: { code: string } }
        if (!answer.ok) throw new Error(`${name}: ${answer.error?.code}`)
        return answer.value
      }
      const users = (await admin('auth.listUsers', {})) as Array<{ id: number; role: string }>
      await admin('auth.login', { userId: users.find((user) => user.role === 'admin')!.id, pin: '4321' })
      const ship = (orderId: number) => admin('orders.markShipped', { orderId, carrier: 'Colissimo', trackingNumber: `6A${orderId}0000` })
      for (const orderId of orderIds.slice(0, 5)) await ship(orderId)
      await bench.app.payments.settleSteps()
      writeSync(1, `${START_MARKER}\n`)
      for (const orderId of orderIds.slice(5)) {
        await ship(orderId)
        await bench.app.payments.settleSteps()
      }
      writeSync(1, `${END_MARKER}\n`)
      return
    }
    if (mode === 'raw') {
      const raw = openRawSale(readSaleRows(bench, await bench.sale()))
      for (let index = 0; index < 5; index++) raw.once()
      writeSync(1, `${START_MARKER}\n`)
      for (let index = 0; index < sales; index++) raw.once()
      writeSync(1, `${END_MARKER}\n`)
      raw.close()
      return
    }
    for (let index = 0; index < 5; index++) await bench.sale()
    writeSync(1, `${START_MARKER}\n`)
    for (let index = 0; index < sales; index++) await bench.sale()
    writeSync(1, `${END_MARKER}\n`)
  } finally {
    await bench.close()
  }
}

if (process.argv[1]?.endsWith('sale-io-probe.ts')) void main()
