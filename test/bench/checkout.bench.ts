import { heading, reportRatio, type Measurement } from './bench-harness'
import { openSaleBench } from './sale-scenario'
import { openRawSale, readSaleRows } from './raw-sale'
import { measureSaleIo, straceAvailable, type SaleIo } from './sale-io'

const SALES = Number(process.env.COMPTOIR_BENCH_CHECKOUTS ?? 300)
/** Sales counted under strace (slow: every traced call stops the process). */
const TRACED_SALES = Number(process.env.COMPTOIR_BENCH_TRACED_SALES ?? 100)

/** The median of `values` (milliseconds). */
function medianOf(values: number[]): Measurement {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return { medianMs: sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, samples: values.length }
}

async function elapsed(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * Times the sale in process, over HTTP and the raw transaction in turn, one of each per round, so
 * that all three meet the same load of the machine (other work, the disk's own queue).
 */
async function timeSales(): Promise<{ inProcess: Measurement; http: Measurement; raw: Measurement }> {
  const inProcess = await openSaleBench('in-process')
  const http = await openSaleBench('http')
  const raw = openRawSale(readSaleRows(inProcess, await inProcess.sale()))
  try {
    const samples = { inProcess: [] as number[], http: [] as number[], raw: [] as number[] }
    for (let round = 0; round < SALES + 20; round++) {
      const times = [await elapsed(() => inProcess.sale()), await elapsed(() => http.sale()), await elapsed(() => raw.once())]
      if (round < 20) continue
      samples.inProcess.push(times[0]!)
      samples.http.push(times[1]!)
      samples.raw.push(times[2]!)
    }
    return { inProcess: medianOf(samples.inProcess), http: medianOf(samples.http), raw: medianOf(samples.raw) }
  } finally {
    raw.close()
    await inProcess.close()
    await http.close()
  }
}

function printIo(label: string, io: SaleIo): void {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  console.log(
    `${label.padEnd(48)} ${io.shopSyncs.toFixed(2).padStart(9)} syncs/sale (shop)  + ${io.issuerSyncs.toFixed(2)} (issuer)  ` +
      `WAL ${kib(io.shopWalBytes)}/sale (shop) + ${kib(io.issuerWalBytes)} (issuer)  [strace, ${io.sales} sales]`,
  )
}

export async function run(): Promise<void> {
  heading(`Complete till sale: clear, 5 products on 2 VAT rates, delivery, begin, pay by card (issue 13), ${SALES} sales`)
  const { inProcess, http, raw } = await timeSales()
  const floorLabel = 'one raw transaction, same rows'
  reportRatio('sale through the router, in process (IPC path)', inProcess, raw, floorLabel)
  reportRatio("sale over browser mode's HTTP", http, raw, floorLabel)
  console.log(`${'targets'.padEnd(48)} in process within 5 x (moonshot 3 x), HTTP within 15 x`)
  if (!straceAvailable()) {
    console.log('strace is not installed: syncs and WAL bytes per sale are not counted')
    return
  }
  printIo('disk work per sale, in process', measureSaleIo('in-process', TRACED_SALES))
  printIo("disk work per sale, browser mode's HTTP", measureSaleIo('http', TRACED_SALES))
  printIo('disk work of the raw transaction (one file)', measureSaleIo('raw', TRACED_SALES))
  printIo('a later change: the parcel shipped and captured', measureSaleIo('ship', TRACED_SALES))
  console.log(`${'targets'.padEnd(48)} at most 3 durable syncs per sale`)
}
