/**
 * Runs the bench's till sale a number of times, between two markers written on stdout, so that
 * `strace` (see sale-io.ts) can count the disk syncs and WAL bytes of exactly those sales.
 *   tsx test/bench/sale-io-probe.ts <in-process|http|raw> <sales>
 * `raw` counts the baseline: one real sale's rows written again in one raw transaction each time.
 */
import { writeSync } from 'node:fs'
import { openSaleBench, type Transport } from './sale-scenario'
import { openRawSale, readSaleRows } from './raw-sale'

export const START_MARKER = 'COMPTOIR-SALES-START'
export const END_MARKER = 'COMPTOIR-SALES-END'

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'in-process'
  const sales = Number(process.argv[3] ?? 100)
  const bench = await openSaleBench(mode === 'raw' ? 'in-process' : (mode as Transport))
  try {
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
