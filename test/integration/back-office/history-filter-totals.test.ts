import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters } from '@shared/contract'
import { writeOrderRefundVat } from '../../../src/main/migrations/008-refunds-by-rate'
import { catchUpFilterTotals } from '../../../src/main/migrations/020-history-filter-totals'
import { FilterTotalsRepository, rangePieces } from '../../../src/main/orders/filter-totals-repository'
import { generateHistory } from '../../../src/main/orders/history-generator/history-generator'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryService } from '../../../src/main/orders/order-history-service'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'
import { ORDER_TABLE, ORDER_TRUTH, VAT_TABLE, VAT_TRUTH } from './filter-totals-truth'

/**
 * Issue 13: migration 020's totals per UTC day and month, status, cashier, till, payment method,
 * card brand and decline code equal the GROUP BY over the orders (and their VAT and refund rows)
 * after any mix of sales, refunds, status, date, cashier, till, method, brand and decline code
 * changes; and the order list's summary read from them equals the summary read from the orders
 * for random filters (every filter but a text or an amount, bounds on days of several zones and
 * on instants right at a day's or a month's edge).
 */
let subject: TempApp
let orderIds: number[] = []
let cashierIds: number[] = []
let tills: string[] = []
let codes: string[] = []

const STATUSES = ['pending_payment', 'authorized', 'paid', 'declined', 'awaiting_shipment', 'delivered', 'shipped', 'completed', 'voided', 'refunded', 'abandoned'] as const
const BRANDS = ['visa', 'mastercard', 'amex', 'cb'] as const
const METHODS = ['card', 'saved_card', 'cash'] as const
const ZONES = ['UTC', 'Europe/Paris', 'Asia/Kathmandu', 'America/St_Johns'] as const


/** Days across the generated year (2025), month ends and the DST days among them. */
const DAYS = ['2024-12-31', '2025-01-01', '2025-01-31', '2025-02-01', '2025-03-30', '2025-03-31', '2025-06-15', '2025-07-01', '2025-10-26', '2025-11-30', '2025-12-31', '2026-01-01']
const TIMES = ['T00:00:00.000Z', 'T00:00:00.001Z', 'T23:59:59.999Z', 'T22:00:00.000Z', 'T18:15:00.000Z', 'T03:30:00.000Z', 'T12:34:56.789Z']
const bound = fc.oneof(
  fc.constantFrom(...DAYS),
  fc.record({ day: fc.constantFrom(...DAYS), time: fc.constantFrom(...TIMES) }).map(({ day, time }) => `${day}${time}`),
)

const step = fc.oneof(
  fc.record({ kind: fc.constant('sell' as const) }),
  fc.record({ kind: fc.constant('redate' as const), pick: fc.nat(), at: fc.record({ day: fc.constantFrom(...DAYS), time: fc.constantFrom(...TIMES) }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), value: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cashier' as const), pick: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('till' as const), pick: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('method' as const), pick: fc.nat(), value: fc.constantFrom(null, ...METHODS) }),
  fc.record({ kind: fc.constant('brand' as const), pick: fc.nat(), value: fc.constantFrom(null, ...BRANDS) }),
  fc.record({ kind: fc.constant('decline' as const), pick: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('total' as const), pick: fc.nat(), value: fc.nat({ max: 100_000 }) }),
)
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

/** A filter set without text nor amount, from values found in the data. */
const filters = fc
  .record(
    {
      statuses: fc.subarray([...STATUSES], { minLength: 1, maxLength: 3 }),
      from: bound,
      to: bound,
      cashier: fc.nat(),
      till: fc.nat(),
      paymentMethod: fc.constantFrom(...METHODS),
      cardBrand: fc.constantFrom(...BRANDS),
      code: fc.nat(),
    },
    { requiredKeys: [] },
  )
  .map(({ cashier, till, code, ...rest }): OrderFilters => ({
    ...rest,
    ...(cashier !== undefined ? { cashierId: cashierIds[cashier % cashierIds.length]! } : {}),
    ...(till !== undefined ? { tillId: tills[till % tills.length]! } : {}),
    ...(code !== undefined ? { declineCode: codes[code % codes.length]! } : {}),
  }))

beforeAll(async () => {
  subject = await backOfficeApp()
  generateHistory(subject.app.db, { orders: 400, seed: 20, end: new Date('2026-01-01T00:00:00.000Z'), customers: 50, baskets: 50, batchSize: 1000 })
  const db = subject.app.db
  orderIds = db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[]
  cashierIds = db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[]
  tills = db.prepare('SELECT DISTINCT till_id FROM orders ORDER BY 1').pluck().all() as string[]
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
      orderIds.push((await sellAtTill(subject, { cash: orderIds.length % 2 === 0 })).id)
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
    case 'cashier':
      set('cashier_id', cashierIds[next.value % cashierIds.length]!)
      break
    case 'till':
      set('till_id', tills[next.value % tills.length]!)
      break
    case 'method':
      set('payment_method', next.value)
      break
    case 'brand':
      set('card_brand', next.value)
      break
    case 'decline':
      set('last_decline_code', next.value % 3 === 0 ? null : codes[next.value % codes.length]!)
      break
    case 'total':
      // Never below what was refunded (the table's CHECK, and the refund rows' shares).
      db.prepare('UPDATE orders SET total_ttc = max(?, refunded_amount) WHERE id = ?').run(next.value, id)
      break
  }
}

function rows(sql: string): unknown[][] {
  return subject.app.db.prepare(sql).raw().all() as unknown[][]
}

/** The summary read from the totals (and through the service) beside the same summary read from the orders. */
function expectSummaryMatchesOrders(timeZone: string, chosen: OrderFilters): void {
  const service = new OrderHistoryService(subject.app.db, () => 'EUR', () => timeZone)
  const filter = filterSql(chosen, timeZone)
  if (!filter.ok) return
  const fromOrders = service.repository.summary(filter.value)
  const fromTotals = new FilterTotalsRepository(subject.app.db).summary(filter.value)
  expect(fromTotals, JSON.stringify({ timeZone, chosen })).toEqual(fromOrders)
  const summary = service.summary(chosen)
  if (!summary.ok) throw new Error(summary.error.message)
  expect(summary.value, JSON.stringify({ timeZone, chosen })).toEqual({ ...fromOrders, currency: 'EUR' })
}

describe('migration 020’s filter totals', () => {
  it('were filled from the orders already there', () => {
    expect(rows(ORDER_TABLE)).toEqual(rows(ORDER_TRUTH))
    expect(rows(VAT_TABLE)).toEqual(rows(VAT_TRUTH))
    expect(rows(ORDER_TABLE).length).toBeGreaterThan(100)
  })

  it('split a range into months, days and the orders at its ends', () => {
    expect(rangePieces('2025-01-15T22:00:00.000Z', '2025-12-31T23:00:00.000Z')).toEqual({
      periods: [
        { span: 'day', from: '2025-01-16', to: '2025-02-01' },
        { span: 'month', from: '2025-02', to: '2026-01' },
      ],
      edges: [
        { from: '2025-01-15T22:00:00.000Z', to: '2025-01-16', sign: 1 },
        { from: '2025-12-31T23:00:00.000Z', to: '2026-01-01', sign: -1 },
      ],
    })
    // A Paris day: a UTC day, the hour before added, the hour at its end taken out.
    expect(rangePieces('2025-06-14T22:00:00.000Z', '2025-06-15T22:00:00.000Z')).toEqual({
      periods: [{ span: 'day', from: '2025-06-15', to: '2025-06-16' }],
      edges: [
        { from: '2025-06-14T22:00:00.000Z', to: '2025-06-15', sign: 1 },
        { from: '2025-06-15T22:00:00.000Z', to: '2025-06-16', sign: -1 },
      ],
    })
    expect(rangePieces('2025-06-15T03:30:00.000Z', '2025-06-17T03:30:00.000Z')).toEqual({
      periods: [{ span: 'day', from: '2025-06-15', to: '2025-06-17' }],
      edges: [
        { from: '2025-06-15', to: '2025-06-15T03:30:00.000Z', sign: -1 },
        { from: '2025-06-17', to: '2025-06-17T03:30:00.000Z', sign: 1 },
      ],
    })
    expect(rangePieces('2025-03-01', undefined)).toEqual({
      periods: [
        { span: 'month', from: '2025-03', to: '2026-01' },
        { span: 'year', from: '2026', to: '~' },
      ],
      edges: [],
    })
    expect(rangePieces(undefined, '2025-03-10')).toEqual({
      periods: [
        { span: 'year', from: '', to: '2025' },
        { span: 'month', from: '2025-01', to: '2025-03' },
        { span: 'day', from: '2025-03-01', to: '2025-03-10' },
      ],
      edges: [],
    })
    expect(rangePieces(undefined, undefined)).toEqual({ periods: [{ span: 'year', from: '', to: '~' }], edges: [] })
    expect(rangePieces('2024-12-31T23:00:00.000Z', '2026-02-01')).toEqual({
      periods: [
        { span: 'year', from: '2025', to: '2026' },
        { span: 'month', from: '2026-01', to: '2026-02' },
      ],
      edges: [{ from: '2024-12-31T23:00:00.000Z', to: '2025-01-01', sign: 1 }],
    })
    expect(rangePieces('2025-03-10T05:00:00.000Z', '2025-03-10T06:00:00.000Z')).toEqual({
      periods: [],
      edges: [{ from: '2025-03-10T05:00:00.000Z', to: '2025-03-10T06:00:00.000Z', sign: 1 }],
    })
    expect(rangePieces('2025-03-10', '2025-03-09')).toEqual({ periods: [], edges: [] })
  })

  it('equal the sums over the orders after random changes, and the summaries read from them equal the summaries read from the orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.constantFrom(...ZONES), filters), { minLength: 8, maxLength: 8 }),
        async (steps, checks) => {
          for (const next of steps) await apply(next)
          expect(rows(ORDER_TABLE)).toEqual(rows(ORDER_TRUTH))
          expect(rows(VAT_TABLE)).toEqual(rows(VAT_TRUTH))
          for (const [timeZone, chosen] of checks) expectSummaryMatchesOrders(timeZone, chosen)
          expectSummaryMatchesOrders('Europe/Paris', { cardBrand: 'visa' })
          expectSummaryMatchesOrders('Europe/Paris', { statuses: ['declined'], declineCode: codes[0]! })
          expectSummaryMatchesOrders('UTC', { cashierId: cashierIds[0]!, from: '2025-02-01', to: '2025-12-01' })
        },
      ),
      { numRuns: 30 },
    )
  }, 180_000)

  it('reads each period as one range of the totals’ key and each edge as one range of the date index, never a scan', () => {
    const db = subject.app.db
    const filter = filterSql({ cashierId: cashierIds[0]!, cardBrand: 'visa', statuses: ['declined', 'paid'], from: '2025-01-15', to: '2025-11-20' }, 'Europe/Paris')
    if (!filter.ok) throw new Error(filter.error.message)
    const queries = new FilterTotalsRepository(db).queries(filter.value)
    for (const sql of [queries.totals, queries.byRate]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(queries.params) as Array<{ detail: string }>).map((row) => row.detail)
      expect(plan.filter((detail) => /^SCAN (f|o|v|r)\b/.test(detail)), plan.join('\n')).toEqual([])
      expect(plan.some((detail) => /SEARCH f USING PRIMARY KEY \(span=\? AND period>\? AND period<\?\)/.test(detail)), plan.join('\n')).toBe(true)
      expect(plan.some((detail) => /SEARCH o USING (COVERING )?INDEX orders_by_created \(created_at>\? AND created_at<\?\)/.test(detail)), plan.join('\n')).toBe(true)
    }
  })

  it('the migration’s fill from existing orders (also the bulk load’s catching up) gives the same tables as the triggers', () => {
    const db = subject.app.db
    const kept = [rows(ORDER_TABLE), rows(VAT_TABLE)]
    db.transaction(() => {
      db.exec('DELETE FROM filter_order_totals; DELETE FROM filter_vat_totals')
      catchUpFilterTotals(db, 0)
    })()
    expect([rows(ORDER_TABLE), rows(VAT_TABLE)]).toEqual(kept)
  })
})
