import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallName, Result } from '@shared/contract'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import { fillLargeHistory } from '../../src/main/orders/history-generator/fill-large-history'
import { OrderHistoryRepository } from '../../src/main/orders/order-history-repository'
import { filterSql } from '../../src/main/orders/order-filter-sql'
import { createLogger } from '../../src/platform/logging/logger'
import { DownloadTickets } from '../../src/main/rpc/download-tickets'
import { heading, measure, measureAsync, reportRatio } from './bench-harness'

const ORDERS = Number(process.env.COMPTOIR_BENCH_ORDERS ?? 1_000_000)
const CLIENT = 'bench-admin'

async function call<T>(app: ComptoirApp, name: CallName, input: unknown): Promise<T> {
  const answer = (await app.router.dispatch(name, input, CLIENT)) as Result<T>
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`)
  return answer.value
}

/**
 * Prepares an export through the router and reads its stream whole in process (no HTTP: see
 * export-download.bench.ts for the browser's download), sampling the process's resident memory.
 */
async function timedExport(app: ComptoirApp, filters: object): Promise<{ ms: number; rows: number; peakRssMb: number; baseRssMb: number }> {
  global.gc?.()
  const baseRss = process.memoryUsage().rss
  let peak = baseRss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const started = performance.now()
  const { url } = await call<{ url: string }>(app, 'exports.prepare', { kind: 'orders', filters, locale: 'fr' })
  const redeemed = app.downloads.redeem(DownloadTickets.ticketOf(url)!, () => true)
  if (!redeemed.ok) throw new Error(redeemed.reason)
  let rows = -1
  const pieces = redeemed.download.pieces()
  for (let piece = await pieces.next(); !piece.done; piece = await pieces.next()) {
    const text = typeof piece.value === 'string' ? piece.value : new TextDecoder().decode(piece.value)
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) rows++
  }
  const ms = performance.now() - started
  clearInterval(sampler)
  return { ms, rows, peakRssMb: peak / 2 ** 20, baseRssMb: baseRss / 2 ** 20 }
}

export async function run(): Promise<void> {
  heading(`Back-office at ${ORDERS.toLocaleString('en')} orders (issue 6)`)
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-back-office-'))
  const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
  try {
    const generation = performance.now()
    fillLargeHistory(app.db, { orders: ORDERS, end: new Date('2026-01-01T00:00:00.000Z') })
    console.log(`generated in ${((performance.now() - generation) / 1000).toFixed(1)} s (seed:large's own generator)`)
    const users = await call<Array<{ id: number; displayName: string }>>(app, 'auth.listUsers', {})
    await call(app, 'auth.login', { userId: users.find((user) => user.displayName === 'Alex Dubois')!.id, pin: '4321' })
    const db = app.db
    const repository = new OrderHistoryRepository(db)
    const explain = (label: string, filters: object, after: { key: string; id: number } | null = null) => {
      const filter = filterSql(filters)
      if (!filter.ok) throw new Error(filter.error.message)
      const textPlan = repository.textPlan(filter.value)
      const { sql, params } = repository.pageQuery({ filter: filter.value, sort: 'date_desc', limit: 51, after, textPlan })
      console.log(`  plan of ${label}${filter.value.text ? ` (${textPlan})` : ''}: ${repository.explain(sql, params).join(' | ')}`)
    }

    // 1. First page of a status filter.
    const statusBaseline = db.prepare("SELECT * FROM orders WHERE status = 'declined' ORDER BY created_at DESC, id DESC LIMIT 50")
    const baseline1 = measure(() => statusBaseline.all(), 200)
    reportRatio('first page, status = declined (router)', await measureAsync(() => call(app, 'orders.search', { filters: { statuses: ['declined'] } }), 200), baseline1, 'direct SELECT')
    reportRatio('first page, 2 statuses + card brand (router)', await measureAsync(() => call(app, 'orders.search', { filters: { statuses: ['voided', 'refunded'], cardBrand: 'visa' } }), 200), baseline1, 'direct SELECT')
    explain('status page', { statuses: ['declined'] })

    // 2. A page ~500 pages deep, reached by following the cursor.
    let cursor: string | null = null
    for (let page = 0; page < 500; page++) {
      cursor = (await call<{ nextCursor: string | null }>(app, 'orders.search', { limit: 50, cursor })).nextCursor
    }
    const deepRow = db.prepare('SELECT created_at, id FROM orders ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 24999').get() as { created_at: string; id: number }
    const deepBaseline = db.prepare('SELECT * FROM orders WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT 50')
    reportRatio('page 501 via cursor (router)', await measureAsync(() => call(app, 'orders.search', { limit: 50, cursor }), 200), measure(() => deepBaseline.all(deepRow.created_at, deepRow.id), 200), 'direct keyset SELECT')
    const offsetQuery = db.prepare('SELECT * FROM orders ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 25000')
    reportRatio('  for comparison: the same page by OFFSET', measure(() => offsetQuery.all(), 50), measure(() => deepBaseline.all(deepRow.created_at, deepRow.id), 200), 'direct keyset SELECT')
    explain('deep page', {}, { key: deepRow.created_at, id: deepRow.id })

    // 3. Text search: a last four, a customer name.
    const lastFour = db.prepare("SELECT card_last_four FROM orders WHERE card_last_four IS NOT NULL AND id >= 777 LIMIT 1").pluck().get() as string
    const ftsBaseline = db.prepare(
      `SELECT o.* FROM order_search CROSS JOIN orders o ON o.id = order_search.rowid WHERE order_search MATCH ?
        ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    )
    const baseline3 = measure(() => ftsBaseline.all(`"${lastFour}"*`), 100)
    reportRatio(`text search "${lastFour}" (router)`, await measureAsync(() => call(app, 'orders.search', { filters: { text: lastFour } }), 100), baseline3, 'direct FTS5 SELECT')
    reportRatio('text search "martin jea" (router)', await measureAsync(() => call(app, 'orders.search', { filters: { text: 'martin jea' } }), 50), baseline3, 'direct FTS5 SELECT')
    // Broad texts: the year of every order number, a common first name.
    reportRatio('text search "2025", ~all orders (router)', await measureAsync(() => call(app, 'orders.search', { filters: { text: '2025' } }), 100), baseline3, 'direct FTS5 SELECT')
    reportRatio('text search "jeanne" (router)', await measureAsync(() => call(app, 'orders.search', { filters: { text: 'jeanne' } }), 50), baseline3, 'direct FTS5 SELECT')
    reportRatio('text search "jea" + status declined (router)', await measureAsync(() => call(app, 'orders.search', { filters: { text: 'jea', statuses: ['declined'] } }), 50), baseline3, 'direct FTS5 SELECT')
    explain('text search', { text: lastFour })
    explain('broad text search', { text: '2025' })

    // 4. Filtered totals.
    const month = { from: '2025-06-01', to: '2025-07-01' }
    const totalsBaseline = db.prepare(
      "SELECT count(*), sum(total_ttc) FROM orders WHERE status IN ('delivered', 'completed') AND created_at >= ? AND created_at < ?",
    )
    const baseline4 = measure(() => totalsBaseline.get(month.from, month.to), 20)
    reportRatio('totals, 2 statuses over a month (router, daily tables)', await measureAsync(() => call(app, 'orders.summary', { filters: { statuses: ['delivered', 'completed'], ...month } }), 100), baseline4, 'direct count/sum over orders')
    reportRatio('totals, declined with code 51, all time (router)', await measureAsync(() => call(app, 'orders.summary', { filters: { statuses: ['declined'], declineCode: '51' } }), 20), baseline4, 'direct count/sum over orders')
    reportRatio('totals, cash over a month (router, from orders)', await measureAsync(() => call(app, 'orders.summary', { filters: { paymentMethod: 'cash', ...month } }), 20), baseline4, 'direct count/sum over orders')

    // 5. The dashboard for a month.
    const dashboardBaseline = db.prepare(
      `SELECT substr(created_at, 1, 10) AS day, count(*), sum(total_ttc) FROM orders
        WHERE created_at >= ? AND created_at < ? AND status NOT IN ('declined', 'voided', 'abandoned', 'pending_payment') GROUP BY day`,
    )
    reportRatio('dashboard, June 2025 (router)', await measureAsync(() => call(app, 'dashboard.period', { from: '2025-06-01', to: '2025-06-30' }), 50), measure(() => dashboardBaseline.all(month.from, month.to), 10), 'direct per-day GROUP BY over orders')

    // 6. CSV export: the whole table, and about 100k rows, time and peak memory.
    const iterateBaseline = db.prepare('SELECT * FROM orders ORDER BY created_at DESC, id DESC')
    const iterateStarted = performance.now()
    let iterated = 0
    for (const row of iterateBaseline.iterate()) if (row) iterated++
    const iterateMs = performance.now() - iterateStarted
    const partial = await timedExport(app, { from: '2025-11-22' })
    const whole = await timedExport(app, {})
    console.log(
      `CSV export, ${whole.rows.toLocaleString('en')} rows: ${(whole.ms / 1000).toFixed(1)} s = ${(whole.ms / iterateMs).toFixed(2)} x baseline ` +
        `(iterating ${iterated.toLocaleString('en')} rows with a prepared statement: ${(iterateMs / 1000).toFixed(1)} s); ` +
        `peak RSS ${whole.peakRssMb.toFixed(0)} MB (from ${whole.baseRssMb.toFixed(0)} MB)`,
    )
    console.log(
      `CSV export, ${partial.rows.toLocaleString('en')} rows: ${(partial.ms / 1000).toFixed(1)} s; peak RSS ${partial.peakRssMb.toFixed(0)} MB ` +
        `(from ${partial.baseRssMb.toFixed(0)} MB): peak growth ${(whole.peakRssMb - whole.baseRssMb).toFixed(0)} MB for all rows vs ` +
        `${(partial.peakRssMb - partial.baseRssMb).toFixed(0)} MB for ${partial.rows.toLocaleString('en')}`,
    )
  } finally {
    app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
