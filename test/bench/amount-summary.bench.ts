import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { OrderFilters, Result } from '@shared/contract'
import { DEFAULT_TIME_ZONE } from '@shared/time/shop-time-zone'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import { AmountSummaryRepository } from '../../src/main/orders/amount-summary-repository'
import { filterSql, statusCondition } from '../../src/main/orders/order-filter-sql'
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

async function time(fn: () => unknown): Promise<Timing> {
  const warm = performance.now()
  await fn()
  const durations: number[] = []
  if (performance.now() - warm > 1000) {
    const start = performance.now()
    await fn()
    durations.push(performance.now() - start)
  } else {
    const started = performance.now()
    while (durations.length < SAMPLES && (durations.length < 3 || performance.now() - started < 2500)) {
      const start = performance.now()
      await fn()
      durations.push(performance.now() - start)
    }
  }
  durations.sort((a, b) => a - b)
  return {
    medianMs: durations[Math.floor(durations.length / 2)]!,
    p95Ms: durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!,
  }
}

/**
 * The summary written directly over the orders (a text's matches from the search index first):
 * count and sales, VAT per rate, refunds per rate, with the order list's own status condition
 * (declined includes the checkouts abandoned after a decline).
 */
function directSummary(app: ComptoirApp, filters: OrderFilters, timeZone: string): void {
  const filter = filterSql(filters, timeZone)
  if (!filter.ok) throw new Error(filter.error.message)
  const params: Record<string, string | number> = { ...filter.value.params }
  const status = statusCondition(filter.value.branches, params)
  const conditions = [...filter.value.conditions, ...(status === null ? [] : [status])]
  const where = (extra: string[]) => ([...conditions, ...extra].length > 0 ? `WHERE ${[...conditions, ...extra].join(' AND ')}` : '')
  const source = filter.value.source
  app.db.prepare(`SELECT count(*), count(*) FILTER (WHERE o.status IN ${SOLD}), sum(o.total_ttc) FILTER (WHERE o.status IN ${SOLD}) FROM ${source} ${where([])}`).get(params)
  app.db.prepare(`SELECT v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc) FROM ${source} JOIN order_vat v ON v.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
  app.db.prepare(`SELECT r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc) FROM ${source} JOIN order_refund_vat r ON r.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
}

/**
 * A summary read from the orders as the app read it before c65c153 (and an amount's before
 * migration 026): three statements, each finding the matches again (a text's status and amount
 * from the sort-keys index), the VAT and refunds only when a sale matched.
 */
function threeStatementSummary(app: ComptoirApp, filters: OrderFilters, timeZone: string): void {
  const filter = filterSql(filters, timeZone)
  if (!filter.ok) throw new Error(filter.error.message)
  const params: Record<string, string | number> = { ...filter.value.params }
  const status = statusCondition(filter.value.branches, params)
  const conditions = [...filter.value.conditions, ...(status === null ? [] : [status])]
  const where = (extra: string[]) => ([...conditions, ...extra].length > 0 ? `WHERE ${[...conditions, ...extra].join(' AND ')}` : '')
  const covered = filter.value.sortKeysCover && filter.value.branches.every((branch) => branch.condition === null)
  const source = filter.value.text !== null && covered ? 'order_search CROSS JOIN orders o INDEXED BY orders_sort_keys ON o.id = order_search.rowid' : filter.value.source
  const sold = app.db
    .prepare(`SELECT count(*) FILTER (WHERE o.status IN ${SOLD}) FROM ${source} ${where([])}`)
    .pluck()
    .get(params) as number
  if (sold === 0) return
  app.db.prepare(`SELECT v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc) FROM ${source} JOIN order_vat v ON v.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
  app.db.prepare(`SELECT r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc) FROM ${source} JOIN order_refund_vat r ON r.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`).all(params)
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
    const report = (label: string, after: Timing, before: Timing, direct: Timing) =>
      console.log(
        `${label.padEnd(32)} ${after.medianMs.toFixed(2).padStart(8)} ms (p95 ${after.p95Ms.toFixed(2).padStart(7)})` +
          `  ${before.medianMs.toFixed(1).padStart(9)} ms  ${direct.medianMs.toFixed(1).padStart(9)} ms` +
          `  = ${(after.medianMs / before.medianMs).toFixed(4)} x before, ${(after.medianMs / direct.medianMs).toFixed(4)} x direct SQL`,
      )
    const only = process.env.COMPTOIR_BENCH_CASES
    const amountTotals = new AmountSummaryRepository(app.db)
    console.log('summary                          through the router (totals)   before (from the orders)   direct SQL over the orders')
    for (const { label, filters } of cases.filter((item) => !only || item.label.includes(only))) {
      const filter = filterSql(filters, timeZone)
      if (!filter.ok) throw new Error(filter.error.message)
      const after = await time(() => app.router.dispatch('orders.summary', { filters }, 'bench-amount'))
      const before = await time(() => threeStatementSummary(app, filters, timeZone))
      const direct = await time(() => directSummary(app, filters, timeZone))
      report(label, after, before, direct)
      // The totals' own part, without what the service adds around them (the training sales' count).
      report('  its totals alone', await time(() => amountTotals.summary(filter.value)), before, direct)
    }
    const firstName = (app.db.prepare("SELECT customer_name FROM orders WHERE customer_name IS NOT NULL AND id >= ? LIMIT 1").pluck().get(Math.floor(total / 5)) as string)
      .split(' ')[0]!
      .toLowerCase()
    const texts: Array<{ label: string; filters: OrderFilters }> = [
      { label: `"${firstName}"`, filters: { text: firstName } },
      { label: '"jea"', filters: { text: 'jea' } },
      { label: '"martin jea"', filters: { text: 'martin jea' } },
      { label: `"${newest.slice(0, 4)}"`, filters: { text: newest.slice(0, 4) } },
      { label: `declined + "${newest.slice(0, 4)}"`, filters: { statuses: ['declined'], text: newest.slice(0, 4) } },
    ]
    console.log('\ntext summary                     through the router (one pass) before (three statements) direct SQL over the search index')
    for (const { label, filters } of texts.filter((item) => !only || item.label.includes(only))) {
      const after = await time(() => app.router.dispatch('orders.summary', { filters }, 'bench-amount'))
      report(label, after, await time(() => threeStatementSummary(app, filters, timeZone)), await time(() => directSummary(app, filters, timeZone)))
    }
  } finally {
    app.close()
  }
}
