import { heading, measure, measureAsync, reportRatio, type Measurement } from './bench-harness'
import { openSaleBench, type Transport } from './sale-scenario'
import { openRawSale, readSaleRows, type SaleRows } from './raw-sale'
import { measureSaleIo, straceAvailable, type SaleIo } from './sale-io'

const SALES = Number(process.env.COMPTOIR_BENCH_CHECKOUTS ?? 300)
/** Sales counted under strace (slow: every traced call stops the process). */
const TRACED_SALES = Number(process.env.COMPTOIR_BENCH_TRACED_SALES ?? 100)

async function timeSales(transport: Transport): Promise<{ measurement: Measurement; rows: SaleRows }> {
  const bench = await openSaleBench(transport)
  try {
    let last = 0
    const measurement = await measureAsync(async () => (last = await bench.sale()), SALES, 20)
    return { measurement, rows: readSaleRows(bench, last) }
  } finally {
    await bench.close()
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
  const inProcess = await timeSales('in-process')
  const raw = openRawSale(inProcess.rows)
  const baseline = measure(raw.once, SALES, 20)
  const http = await timeSales('http')
  const baselineAfter = measure(raw.once, SALES, 20)
  raw.close()
  // The baseline's median over both of its runs, measured around the two transports.
  const floor = { medianMs: (baseline.medianMs + baselineAfter.medianMs) / 2, samples: baseline.samples + baselineAfter.samples }
  const floorLabel = 'one raw transaction, same rows'
  reportRatio('sale through the router, in process (IPC path)', inProcess.measurement, floor, floorLabel)
  reportRatio("sale over browser mode's HTTP", http.measurement, floor, floorLabel)
  console.log(`${'targets'.padEnd(48)} in process within 5 x (moonshot 3 x), HTTP within 15 x`)
  if (!straceAvailable()) {
    console.log('strace is not installed: syncs and WAL bytes per sale are not counted')
    return
  }
  printIo('disk work per sale, in process', measureSaleIo('in-process', TRACED_SALES))
  printIo("disk work per sale, browser mode's HTTP", measureSaleIo('http', TRACED_SALES))
  printIo('disk work of the raw transaction (one file)', measureSaleIo('raw', TRACED_SALES))
  console.log(`${'targets'.padEnd(48)} at most 3 durable syncs per sale`)
}
