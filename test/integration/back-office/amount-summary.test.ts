import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters } from '@shared/contract'
import { writeOrderRefundVat } from '../../../src/main/migrations/008-refunds-by-rate'
import { catchUpAmountTotals } from '../../../src/main/migrations/026-amount-totals'
import { amountPieces, AmountSummaryRepository } from '../../../src/main/orders/amount-summary-repository'
import { generateHistory } from '../../../src/main/orders/history-generator/history-generator'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryService } from '../../../src/main/orders/order-history-service'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'

/**
 * Issue 13: migration 026's totals per UTC day, month and year, per amount (in cents and in whole
 * euros), status and decline code equal the GROUP BY over the orders (and their VAT and refund
 * rows) after any mix of sales, refunds, status, date, decline code and total changes; and the
 * order list's summary of an amount range read from them equals the summary read from the
 * orders, for random ranges, statuses and bounds.
 */
let subject: TempApp
let orderIds: number[] = []
let codes: string[] = []

const STATUSES = ['pending_payment', 'authorized', 'paid', 'declined', 'awaiting_shipment', 'delivered', 'shipped', 'completed', 'voided', 'refunded', 'abandoned'] as const
const ZONES = ['UTC', 'Europe/Paris', 'Asia/Kathmandu'] as const
const DAYS = ['2024-12-31', '2025-01-01', '2025-01-31', '2025-02-01', '2025-03-30', '2025-06-15', '2025-07-01', '2025-10-26', '2025-12-31', '2026-01-01']
const TIMES = ['T00:00:00.000Z', 'T00:00:00.001Z', 'T23:59:59.999Z', 'T22:00:00.000Z', 'T03:30:00.000Z', 'T12:34:56.789Z']
const bound = fc.oneof(
  fc.constantFrom(...DAYS),
  fc.record({ day: fc.constantFrom(...DAYS), time: fc.constantFrom(...TIMES) }).map(({ day, time }) => `${day}${time}`),
)
/** Amounts around euro boundaries, so that every kind of piece is tried. */
const amount = fc.oneof(fc.nat({ max: 200_000 }), fc.integer({ min: 0, max: 2_000 }).map((euros) => euros * 100), fc.constantFrom(0, 1, 99, 100, 101, 9_999, 10_000, 10_050))
/** A bound: an amount, or an order's own total (picked when the check runs) give or take a cent, so that bounds fall on real orders. */
const amountBound = fc.oneof(amount, fc.record({ pick: fc.nat(), offset: fc.constantFrom(-1, 0, 1) }))
type AmountBound = number | { pick: number; offset: number }

const SOLD = "('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')"
const PLACES = `(SELECT 'day' AS span, 10 AS length UNION ALL SELECT 'month', 7 UNION ALL SELECT 'year', 4) p,
  (SELECT 1 AS divisor UNION ALL SELECT 100) d`
const KEYED = `p.span, d.divisor, substr(o.created_at, 1, p.length) AS period, o.total_ttc / d.divisor AS amount, o.status,
  coalesce(o.last_decline_code, '') AS code`
const ORDER_TABLE = `SELECT span, divisor, period, amount, status, decline_code, orders, total_ttc FROM amount_order_totals
  WHERE orders <> 0 OR total_ttc <> 0 ORDER BY 1, 2, 3, 4, 5, 6`
const ORDER_TRUTH = `SELECT ${KEYED}, count(*), sum(o.total_ttc) FROM orders o, ${PLACES} WHERE o.training = 0 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`
const VAT_TABLE = `SELECT span, divisor, period, amount, status, decline_code, rate_basis_points, vat_rows, ht, vat, ttc, refund_ht, refund_vat, refund_ttc
  FROM amount_vat_totals WHERE vat_rows <> 0 OR ht <> 0 OR vat <> 0 OR ttc <> 0 OR refund_ht <> 0 OR refund_vat <> 0 OR refund_ttc <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7`
const VAT_TRUTH = `SELECT span, divisor, period, amount, status, code, rate, sum(n), sum(ht), sum(vat), sum(ttc), sum(rht), sum(rvat), sum(rttc) FROM (
    SELECT ${KEYED}, v.rate_basis_points AS rate, 1 AS n, v.ht, v.vat, v.ttc, 0 AS rht, 0 AS rvat, 0 AS rttc
      FROM order_vat v JOIN orders o ON o.id = v.order_id AND o.status IN ${SOLD} AND o.training = 0, ${PLACES}
    UNION ALL SELECT ${KEYED}, r.rate_basis_points, 0, 0, 0, 0, r.ht, r.vat, r.ttc
      FROM order_refund_vat r JOIN orders o ON o.id = r.order_id AND o.status IN ${SOLD} AND o.training = 0, ${PLACES})
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(n) <> 0 OR sum(ht) <> 0 OR sum(vat) <> 0 OR sum(ttc) <> 0 OR sum(rht) <> 0 OR sum(rvat) <> 0 OR sum(rttc) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7`

const step = fc.oneof(
  fc.record({ kind: fc.constant('sell' as const), cash: fc.boolean() }),
  fc.record({ kind: fc.constant('redate' as const), pick: fc.nat(), at: fc.record({ day: fc.constantFrom(...DAYS), time: fc.constantFrom(...TIMES) }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), value: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('decline' as const), pick: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('total' as const), pick: fc.nat(), value: amount }),
)
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

/** An amount range, alone or with statuses and dates. */
const filters = fc
  .record(
    { statuses: fc.subarray([...STATUSES], { minLength: 1, maxLength: 3 }), from: bound, to: bound, minTotal: amountBound, maxTotal: amountBound },
    { requiredKeys: [] },
  )
  .filter((chosen) => chosen.minTotal !== undefined || chosen.maxTotal !== undefined)

/** The filters with each picked bound read from the orders as they are now. */
function resolved(chosen: Omit<OrderFilters, 'minTotal' | 'maxTotal'> & { minTotal?: AmountBound; maxTotal?: AmountBound }): OrderFilters {
  const totalOf = (value: AmountBound | undefined) => {
    if (value === undefined || typeof value === 'number') return value
    const id = orderIds[value.pick % orderIds.length]!
    return Math.max(0, (subject.app.db.prepare('SELECT total_ttc FROM orders WHERE id = ?').pluck().get(id) as number) + value.offset)
  }
  const { minTotal, maxTotal, ...rest } = chosen
  const low = totalOf(minTotal)
  const high = totalOf(maxTotal)
  return { ...rest, ...(low === undefined ? {} : { minTotal: low }), ...(high === undefined ? {} : { maxTotal: high }) }
}

beforeAll(async () => {
  subject = await backOfficeApp()
  generateHistory(subject.app.db, { orders: 400, seed: 23, end: new Date('2026-01-01T00:00:00.000Z'), customers: 50, baskets: 50, batchSize: 1000 })
  const db = subject.app.db
  orderIds = db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[]
  codes = db.prepare('SELECT DISTINCT last_decline_code FROM orders WHERE last_decline_code IS NOT NULL ORDER BY 1').pluck().all() as string[]
  if (codes.length === 0) codes = ['51']
}, 60_000)
afterAll(() => subject?.dispose())

async function apply(next: Step): Promise<void> {
  const db = subject.app.db
  const id = 'pick' in next ? orderIds[next.pick % orderIds.length]! : 0
  const set = (column: string, value: unknown) => db.prepare(`UPDATE orders SET ${column} = ? WHERE id = ?`).run(value, id)
  switch (next.kind) {
    case 'sell':
      orderIds.push((await sellAtTill(subject, { cash: next.cash })).id)
      break
    case 'redate':
      set('created_at', `${next.at.day}${next.at.time}`)
      break
    case 'status':
      set('status', next.value)
      break
    case 'refund':
      // As the refund action does: the amount (it only grows), then its parts per rate.
      db.transaction(() => {
        db.prepare('UPDATE orders SET refunded_amount = max(refunded_amount, CAST(total_ttc * ? AS INTEGER)) WHERE id = ?').run(next.share, id)
        writeOrderRefundVat(db, id)
      })()
      break
    case 'decline':
      set('last_decline_code', next.value % 3 === 0 ? null : codes[next.value % codes.length]!)
      break
    case 'total':
      // Never below what was refunded (the table's CHECK).
      db.prepare('UPDATE orders SET total_ttc = max(?, refunded_amount) WHERE id = ?').run(next.value, id)
      break
  }
}

function rows(sql: string): unknown[][] {
  return subject.app.db.prepare(sql).raw().all() as unknown[][]
}

/** The summary read from the amount totals (and through the service) beside the same summary read from the orders. */
function expectSummaryMatchesOrders(timeZone: string, chosen: OrderFilters): void {
  const service = new OrderHistoryService(subject.app.db, () => 'EUR', () => timeZone)
  const filter = filterSql(chosen, timeZone)
  if (!filter.ok) return
  const fromOrders = service.repository.summary(filter.value)
  const fromTotals = new AmountSummaryRepository(subject.app.db).summary(filter.value)
  expect(fromTotals, JSON.stringify({ timeZone, chosen })).toEqual(fromOrders)
  const summary = service.summary(chosen)
  if (!summary.ok) throw new Error(summary.error.message)
  expect(summary.value, JSON.stringify({ timeZone, chosen })).toEqual({ ...fromOrders, currency: 'EUR' })
}

describe('the amount totals (migration 026)', () => {
  it('were filled from the orders already there', () => {
    expect(rows(ORDER_TABLE)).toEqual(rows(ORDER_TRUTH))
    expect(rows(VAT_TABLE)).toEqual(rows(VAT_TRUTH))
    expect(rows(ORDER_TABLE).length).toBeGreaterThan(100)
  })

  it('split an amount range into whole euros and the cents at either end', () => {
    expect(amountPieces(undefined, 500)).toEqual([
      { divisor: 100, from: 0, to: 5 },
      { divisor: 1, from: 500, to: 501 },
    ])
    expect(amountPieces(40_000, undefined)).toEqual([{ divisor: 100, from: 400, to: null }])
    expect(amountPieces(10_000, 10_050)).toEqual([{ divisor: 1, from: 10_000, to: 10_051 }])
    expect(amountPieces(1_050, 2_049)).toEqual([
      { divisor: 1, from: 1_050, to: 1_100 },
      { divisor: 100, from: 11, to: 20 },
      { divisor: 1, from: 2_000, to: 2_050 },
    ])
    expect(amountPieces(99, 250)).toEqual([
      { divisor: 1, from: 99, to: 100 },
      { divisor: 100, from: 1, to: 2 },
      { divisor: 1, from: 200, to: 251 },
    ])
    expect(amountPieces(1_050, 1_049)).toEqual([])
    expect(amountPieces(-5, 99)).toEqual([{ divisor: 100, from: 0, to: 1 }])
  })

  it('equal the sums over the orders after random changes, and the amount summaries read from them equal the summaries read from the orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.constantFrom(...ZONES), filters), { minLength: 8, maxLength: 8 }),
        async (steps, checks) => {
          for (const next of steps) await apply(next)
          expect(rows(ORDER_TABLE)).toEqual(rows(ORDER_TRUTH))
          expect(rows(VAT_TABLE)).toEqual(rows(VAT_TRUTH))
          for (const [timeZone, chosen] of checks) expectSummaryMatchesOrders(timeZone, resolved(chosen))
          expectSummaryMatchesOrders('UTC', { maxTotal: 500 })
          expectSummaryMatchesOrders('Europe/Paris', { statuses: ['declined'], minTotal: 10_000, from: '2025-02-01', to: '2025-06-15' })
        },
      ),
      { numRuns: 30 },
    )
  }, 180_000)

  it('reads each amount and period piece as seeks of the totals’ key, never a scan', () => {
    const db = subject.app.db
    const filter = filterSql({ statuses: ['declined', 'paid'], from: '2025-01-15', to: '2025-11-20', minTotal: 1_050, maxTotal: 20_049 }, 'Europe/Paris')
    if (!filter.ok) throw new Error(filter.error.message)
    const queries = new AmountSummaryRepository(db).queries(filter.value)!
    for (const sql of [queries.totals, queries.byRate]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(queries.params) as Array<{ detail: string }>).map((row) => row.detail)
      expect(plan.filter((detail) => /^SCAN (f|o|v|r)\b/.test(detail)), plan.join('\n')).toEqual([])
      expect(plan.some((detail) => /SEARCH f USING PRIMARY KEY \(span=\? AND divisor=\? AND period=\? AND amount>\? AND amount<\?\)/.test(detail)), plan.join('\n')).toBe(true)
    }
  })

  it('the migration’s fill from existing orders (also the bulk load’s catching up) gives the same tables as the triggers', () => {
    const db = subject.app.db
    const kept = [rows(ORDER_TABLE), rows(VAT_TABLE)]
    db.transaction(() => {
      db.exec('DELETE FROM amount_order_totals; DELETE FROM amount_vat_totals')
      catchUpAmountTotals(db, 0)
    })()
    expect([rows(ORDER_TABLE), rows(VAT_TABLE)]).toEqual(kept)
  })
})
