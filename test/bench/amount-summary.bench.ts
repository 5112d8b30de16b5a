import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { OrderFilters, Result } from '@shared/contract'
import { DEFAULT_TIME_ZONE } from '@shared/time/shop-time-zone'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import { filterSql } from '../../src/main/orders/order-filter-sql'
import { OrderHistoryService } from '../../src/main/orders/order-history-service'
import { createLogger } from '../../src/platform/logging/logger'
import { heading } from './bench-harness'

/**
 * Issue 13: the order list's summary of an amount range at a million orders, through the router
 * (migration 026's totals per amount), beside the summary read from the orders as the app did
 * before (`OrderSummaryRepository`, same run) and the honest baseline: the same count, sales,
 * VAT and refunds written directly over the orders, the way a person would. Needs a `seed:large`
 * folder: `COMPTOIR_BENCH_DATA_DIR=<folder> npm run bench -- amount-summary`. Medians and p95 of
 * up to `COMPTOIR_BENCH_SAMPLES` runs (a run of seconds is timed twice only).
 */
const DATA_DIR = process.env.COMPTOIR_BENCH_DATA_DIR
const SAMPLES = Number(process.env.COMPTOIR_BENCH_SAMPLES ?? 20)
const SOLD = "('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')"

interface Timing {
  medianMs: number
  p95Ms: number
}

function time(fn: () => unknown): Timing {
  const warm = performance.now()
  fn()
  const durations: number[] = []
  if (performance.now() - warm > 1000) {
    const start = performance.now()
    fn()
    durations.push(performance.now() - start)
  } else {
    const started = performance.now()
    while (durations.length < SAMPLES && (durations.length < 3 || performance.now() - started < 2500)) {
      const start = performance.now()
      fn()
      durations.push(performance.now() - start)
    }
  }
  durations.sort((a, b) => a - b)
  return {
    medianMs: durations[Math.floor(durations.length / 2)]!,
    p95Ms: durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!,
  }
}

/** The summary written directly over the orders: count and sales, VAT per rate, refunds per rate. */
function directSummary(app: ComptoirApp, filters: OrderFilters, timeZone: string): void {
  const filter = filterSql(filters, timeZone)
  if (!filter.ok) throw new Error(filter.error.message)
  const conditions = [...filter.value.rowConditions]
  const params: Record<string, string | number> = { ...filter.value.params }
  if (filter.value.statuses.length > 0) {
    conditions.push(`o.status IN (${filter.value.statuses.map((status, index) => `@s${index}`).join(', ')})`)
    filter.value.statuses.forEach((status, index) => (params[`s${index}`] = status))
  }
  const where = (extra: string[]) => ([...conditions, ...extra].length > 0 ? `WHERE ${[...conditions, ...extra].join(' AND ')}` : '')
  app.db.prepare(`SELECT count(*), count(*) FILTER (WHERE o.status IN ${SOLD}), sum(o.total_ttc) FILTER (WHERE o.status IN ${SOLD}) FROM orders o ${where([])}`).get(params)
  app.db.prepare(`SELECT v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc) FROM orders o JOIN order_vat v ON v.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
  app.db.prepare(`SELECT r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc) FROM orders o JOIN order_refund_vat r ON r.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
}

export async function run(): Promise<void> {
  if (DATA_DIR === undefined || !existsSync(join(DATA_DIR, 'comptoir.sqlite'))) {
    console.log('\namount-summary: set COMPTOIR_BENCH_DATA_DIR to a seed:large folder (skipped)')
    return
  }
  const migrating = performance.now()
  const app = createApp({ dataDir: DATA_DIR, logger: createLogger(undefined, { quiet: true }) })
  const openMs = performance.now() - migrating
  try {
    await app.start()
    const total = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number
    heading(`Amount summaries at ${total.toLocaleString('en')} orders (issue 13), opened and migrated in ${(openMs / 1000).toFixed(1)} s`)
    const users = (await app.router.dispatch('auth.listUsers', {}, 'bench-amount')) as Result<Array<{ id: number; displayName: string }>>
    if (!users.ok) throw new Error(users.error.message)
    await app.router.dispatch('auth.login', { userId: users.value.find((user) => user.displayName === 'Alex Dubois')!.id, pin: '4321' }, 'bench-amount')
    const newest = app.db.prepare('SELECT max(created_at) FROM orders').pluck().get() as string
    const day = (offset: number) => new Date(Date.parse(newest.slice(0, 10)) + offset * 86_400_000).toISOString().slice(0, 10)
    // seed:large keeps the demo shop's zone.
    const timeZone = DEFAULT_TIME_ZONE
    // The summary read from the orders, as the service answered an amount before migration 026.
    const fromOrders = new OrderHistoryService(app.db, () => 'EUR', () => timeZone).repository
    const cases: Array<{ label: string; filters: OrderFilters }> = [
      { label: 'amount <= 5.00', filters: { maxTotal: 500 } },
      { label: 'amount >= 400.00', filters: { minTotal: 40_000 } },
      { label: 'amount 100.00-100.50', filters: { minTotal: 10_000, maxTotal: 10_050 } },
      { label: 'amount 10.50-200.49', filters: { minTotal: 1_050, maxTotal: 20_049 } },
      { label: 'declined + amount <= 5.00', filters: { statuses: ['declined'], maxTotal: 500 } },
      { label: 'completed + amount >= 400.00', filters: { statuses: ['completed'], minTotal: 40_000 } },
      { label: 'last week + amount <= 5.00', filters: { from: day(-7), to: day(1), maxTotal: 500 } },
      { label: 'one day + amount >= 400.00', filters: { from: day(-100), to: day(-99), minTotal: 40_000 } },
      { label: '10 weeks + amount 10.50-200.49', filters: { from: day(-80), to: day(-10), minTotal: 1_050, maxTotal: 20_049 } },
    ]
    console.log('summary                          through the router (totals)   before (from the orders)   direct SQL over the orders')
    for (const { label, filters } of cases) {
      const filter = filterSql(filters, timeZone)
      if (!filter.ok) throw new Error(filter.error.message)
      const after = time(() => app.router.dispatch('orders.summary', { filters }, 'bench-amount'))
      const before = time(() => fromOrders.summary(filter.value))
      const direct = time(() => directSummary(app, filters, timeZone))
      console.log(
        `${label.padEnd(32)} ${after.medianMs.toFixed(2).padStart(8)} ms (p95 ${after.p95Ms.toFixed(2).padStart(7)})` +
          `  ${before.medianMs.toFixed(1).padStart(9)} ms  ${direct.medianMs.toFixed(1).padStart(9)} ms` +
          `  = ${(after.medianMs / before.medianMs).toFixed(4)} x before, ${(after.medianMs / direct.medianMs).toFixed(4)} x direct SQL`,
      )
    }
  } finally {
    app.close()
  }
}
