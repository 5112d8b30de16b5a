/**
 * `npm run seed:large -- --orders 1000000 [--data-dir X] [--seed N]`: a realistic year of orders
 * in a merchant database, for the back-office benchmarks and for trying the history screens at
 * scale. The database is created (and the demo shop seeded) by the app itself, then bulk-loaded
 * in one transaction (see `fillLargeHistory`) with durability relaxed for the duration.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createApp } from '../src/main/app/create-app'
import { fillLargeHistory } from '../src/main/orders/history-generator/fill-large-history'
import { createLogger } from '../src/platform/logging/logger'

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string', default: join(process.cwd(), 'data-large') },
    seed: { type: 'string' },
  },
})
const orders = Number(values.orders)
if (!Number.isSafeInteger(orders) || orders < 1) throw new Error('--orders must be a positive whole number')
const dataDir = values['data-dir']

const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
try {
  const started = performance.now()
  let lastPrinted = 0
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1)
  const written = fillLargeHistory(app.db, {
    orders,
    onPhase: (phase) => process.stdout.write(`  ${phase} (${elapsed()} s)\n`),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    onProgress: (done, total) => {
      if (done === total || performance.now() - lastPrinted > 2000) {
        lastPrinted = performance.now()
        process.stdout.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} orders (${elapsed()} s)\n`)
      }
    },
  })
  const count = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  console.log(`Wrote ${written.toLocaleString('en')} orders in ${elapsed()} s; the database now holds ${count.toLocaleString('en')} orders.`)
  console.log(`Data folder: ${dataDir}`)
} finally {
  app.close()
}
