import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, startOfShopDay } from '@shared/time/shop-time-zone'
import { writeOrderRefundVat } from '../../../src/main/migrations/008-refunds-by-rate'
import { catchUpQuarterTotals } from '../../../src/main/migrations/018-quarter-hour-totals'
import { DashboardService } from '../../../src/main/orders/dashboard-service'
import { generateHistory } from '../../../src/main/orders/history-generator/history-generator'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryService } from '../../../src/main/orders/order-history-service'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'

/**
 * Issue 13: migration 018's `quarter_order_totals` (per UTC quarter of an hour, status and
 * cashier) equals the sums over the orders after any mix of sales, refunds, status changes,
 * new dates (around the DST days) and cashier changes; and the dashboard it feeds, with the daily
 * tables for VAT and products, equals the orders' own sums by day and hour of the shop's clock,
 * in Paris on both DST days and in zones a quarter or a half hour off UTC.
 */
let subject: TempApp
let orderIds: number[] = []
let cashierIds: number[] = []

const STATUSES = ['pending_payment', 'authorized', 'paid', 'declined', 'awaiting_shipment', 'delivered', 'shipped', 'completed', 'voided', 'refunded', 'abandoned'] as const
const SOLD = ['authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded']

const QUARTER = `substr(created_at, 1, 14) || printf('%02d', (CAST(substr(created_at, 15, 2) AS INTEGER) / 15) * 15)`
const TABLE = `SELECT quarter, status, cashier_id, orders, total_ttc, refunded_ttc FROM quarter_order_totals
                WHERE orders <> 0 OR total_ttc <> 0 OR refunded_ttc <> 0 ORDER BY 1, 2, 3`
const TRUTH = `SELECT ${QUARTER}, status, cashier_id, count(*), sum(total_ttc), sum(refunded_amount) FROM orders GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`

/** Instants in the hours around Paris's DST changes of 2025 (30 March, 26 October), often right on a day's edge. */
const DAYS = ['2025-03-29T', '2025-03-30T', '2025-03-31T', '2025-10-25T', '2025-10-26T', '2025-10-27T'] as const
// UTC midnight, and midnight in Paris (22:00/23:00 UTC), Kathmandu (18:15 UTC) and St John's (02:30/03:30 UTC).
const EDGES = ['00:00:00.000', '00:14:59.999', '23:59:59.999', '21:59:59.999', '22:00:00.000', '22:59:59.999', '23:00:00.000', '18:14:59.999', '18:15:00.000', '02:29:59.999', '02:30:00.000', '03:29:59.999', '03:30:00.000']
const instant = fc.oneof(
  fc
    .record({ day: fc.constantFrom(...DAYS), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }), second: fc.integer({ min: 0, max: 59 }) })
    .map(({ day, minute, second }) => `${day}${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}.000Z`),
  { arbitrary: fc.record({ day: fc.constantFrom(...DAYS), time: fc.constantFrom(...EDGES) }).map(({ day, time }) => `${day}${time}Z`), weight: 3 },
)

const step = fc.oneof(
  fc.record({ kind: fc.constant('sell' as const) }),
  fc.record({ kind: fc.constant('redate' as const), pick: fc.nat(), at: instant }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cashier' as const), pick: fc.nat(), cashier: fc.nat() }),
)

beforeAll(async () => {
  subject = await backOfficeApp()
  generateHistory(subject.app.db, { orders: 300, seed: 13, end: new Date('2026-01-01T00:00:00.000Z'), customers: 50, baskets: 50, batchSize: 1000 })
  orderIds = subject.app.db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[]
  cashierIds = subject.app.db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[]
}, 60_000)
afterAll(() => subject?.dispose())

type Step = { kind: 'sell' } | { kind: 'redate'; pick: number; at: string } | { kind: 'status'; pick: number; status: string } | { kind: 'refund'; pick: number; share: number } | { kind: 'cashier'; pick: number; cashier: number }

async function apply(next: Step): Promise<void> {
  const db = subject.app.db
  const id = 'pick' in next ? orderIds[next.pick % orderIds.length]! : 0
  switch (next.kind) {
    case 'sell':
      orderIds.push((await sellAtTill(subject, { cash: true })).id)
      break
    case 'redate':
      db.prepare('UPDATE orders SET created_at = ? WHERE id = ?').run(next.at, id)
      break
    case 'status':
      db.prepare('UPDATE orders SET status = ? WHERE id = ?').run(next.status, id)
      break
    case 'refund':
      // As the refund action does: the amount (it only grows), then its parts per rate.
      db.transaction(() => {
        db.prepare('UPDATE orders SET refunded_amount = max(refunded_amount, CAST(total_ttc * ? AS INTEGER)) WHERE id = ?').run(next.share, id)
        writeOrderRefundVat(db, id)
      })()
      break
    case 'cashier':
      db.prepare('UPDATE orders SET cashier_id = ? WHERE id = ?').run(cashierIds[next.cashier % cashierIds.length]!, id)
      break
  }
}


function clockIn(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
  return (at: string) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]))
    return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
  }
}

/** The dashboard of `[from, to]` in `timeZone`, beside the same figures summed here over the orders. */
function expectDashboardMatchesOrders(timeZone: string, from: string, to: string): void {
  const db = subject.app.db
  const dashboard = new DashboardService(db, () => 'EUR', () => timeZone).period(from, to)
  if (!dashboard.ok) throw new Error(dashboard.error.message)
  const start = startOfShopDay(from, timeZone)
  const end = startOfShopDay(addDays(to, 1), timeZone)
  const sold = (
    db
      .prepare('SELECT id, status, created_at AS at, total_ttc AS ttc, refunded_amount AS refunded, cashier_id AS cashier FROM orders WHERE created_at >= ? AND created_at < ?')
      .all(start, end) as Array<{ id: number; at: string; status: string; ttc: number; refunded: number; cashier: number }>
  ).filter((row) => SOLD.includes(row.status))
  const clock = clockIn(timeZone)
  const days = new Map<string, { orders: number; totalTtc: number; refundedTtc: number; netTtc: number }>()
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, totalTtc: 0, refundedTtc: 0, netTtc: 0 }))
  const cashiers = new Map<number, number>()
  for (const row of sold) {
    const { day, hour } = clock(row.at)
    const entry = days.get(day) ?? { orders: 0, totalTtc: 0, refundedTtc: 0, netTtc: 0 }
    for (const slice of [entry, hours[hour]!]) {
      slice.orders++
      slice.totalTtc += row.ttc
      slice.refundedTtc += row.refunded
      slice.netTtc += row.ttc - row.refunded
    }
    days.set(day, entry)
    cashiers.set(row.cashier, (cashiers.get(row.cashier) ?? 0) + row.ttc - row.refunded)
  }
  const figures = dashboard.value
  expect(figures.soldCount).toBe(sold.length)
  expect(figures.days).toEqual([...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, slice]) => ({ day, ...slice })))
  expect(figures.hours).toEqual(hours)
  expect(new Map(figures.cashiers.map((cashier) => [cashier.cashierId, cashier.netTtc]))).toEqual(cashiers)

  const length = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1
  const before = db
    .prepare(
      `SELECT count(*) AS soldCount, coalesce(sum(total_ttc), 0) AS totalTtc, coalesce(sum(refunded_amount), 0) AS refundedTtc FROM orders
        WHERE created_at >= ? AND created_at < ? AND status IN (SELECT value FROM json_each(?))`,
    )
    .get(startOfShopDay(addDays(from, -length), timeZone), start, JSON.stringify(SOLD)) as { soldCount: number; totalTtc: number; refundedTtc: number }
  expect(figures.previous).toMatchObject(before)

  const ids = JSON.stringify(sold.map((row) => row.id))
  const byRate = (table: string) =>
    db
      .prepare(
        `SELECT rate_basis_points AS rateBasisPoints, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc FROM ${table}
          WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY 1 HAVING sum(ttc) <> 0 OR sum(vat) <> 0 ORDER BY 1 DESC`,
      )
      .all(ids)
  expect(figures.vat).toEqual(byRate('order_vat'))
  expect(figures.refundVat).toEqual(byRate('order_refund_vat'))
  const products = db
    .prepare(
      `SELECT product_id AS productId, sum(quantity) AS quantity, sum(line_total) AS totalTtc FROM order_lines
        WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY 1 HAVING sum(quantity) > 0 ORDER BY 3 DESC, 1 LIMIT 10`,
    )
    .all(ids)
  expect(figures.topProducts.map(({ productId, quantity, totalTtc }) => ({ productId, quantity, totalTtc }))).toEqual(products)
}

/** The order list's summary of bare shop days (quarter-hour and daily totals) beside the same summary read from the orders. */
function expectSummaryMatchesOrders(timeZone: string, filters: { from?: string; to?: string; statuses?: string[] }): void {
  const service = new OrderHistoryService(subject.app.db, () => 'EUR', () => timeZone)
  const summary = service.summary(filters as never)
  const filter = filterSql(filters as never, timeZone)
  if (!summary.ok || !filter.ok) throw new Error('invalid filters')
  expect(summary.value).toEqual({ ...service.repository.summary(filter.value), currency: 'EUR' })
}

describe('migration 018’s quarter-hour totals', () => {
  it('were filled from the orders already there', () => {
    const db = subject.app.db
    expect(db.prepare(TABLE).raw().all()).toEqual(db.prepare(TRUTH).raw().all())
  })

  it('equal the sums over the orders after random sales, refunds, status, date and cashier changes; so do the dashboard and the order list’s summary of the DST days', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        for (const next of steps) await apply(next)
        const db = subject.app.db
        expect(db.prepare(TABLE).raw().all()).toEqual(db.prepare(TRUTH).raw().all())
        expectDashboardMatchesOrders('Europe/Paris', '2025-03-30', '2025-03-30')
        expectDashboardMatchesOrders('Europe/Paris', '2025-10-26', '2025-10-26')
        expectDashboardMatchesOrders('Europe/Paris', '2025-03-29', '2025-10-27')
        expectDashboardMatchesOrders('Asia/Kathmandu', '2025-10-25', '2025-10-27')
        expectDashboardMatchesOrders('America/St_Johns', '2025-03-29', '2025-03-31')
        expectDashboardMatchesOrders('UTC', '2025-10-26', '2025-10-26')
        expectSummaryMatchesOrders('Europe/Paris', { from: '2025-10-26', to: '2025-10-27' })
        expectSummaryMatchesOrders('Europe/Paris', { from: '2025-03-30', to: '2025-03-31', statuses: ['declined', 'refunded', 'completed'] })
        expectSummaryMatchesOrders('Europe/Paris', { from: '2025-03-29', to: '2025-10-28', statuses: ['delivered'] })
        expectSummaryMatchesOrders('Asia/Kathmandu', { to: '2025-10-26' })
        expectSummaryMatchesOrders('America/St_Johns', { from: '2025-03-30' })
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it('the migration’s fill from existing orders (also the bulk load’s catching up) gives the same table as the triggers', () => {
    const db = subject.app.db
    const kept = db.prepare(TABLE).raw().all()
    db.transaction(() => {
      db.exec('DELETE FROM quarter_order_totals')
      catchUpQuarterTotals(db, 0)
    })()
    expect(db.prepare(TABLE).raw().all()).toEqual(kept)
    expect(kept).toEqual(db.prepare(TRUTH).raw().all())
  })
})
