import type { VatByRate } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { AttemptTotal, ProductTotal } from './daily-totals-repository'
import { cashierSalesSql } from './filter-totals-repository'
import { SOLD_CONDITION, SOLD_STATUSES } from './sold-orders'

/** Instants `[start, end)` in UTC ISO form, as the orders store them. */
export interface InstantRange {
  start: string
  end: string
}

/**
 * The sales of one quarter of an hour (UTC). Every time zone's offset is a whole number of
 * quarters, so each quarter lies in one of the shop's hours and days whatever its zone.
 */
export interface QuarterTotal {
  /** `YYYY-MM-DDTHH:MM`, the quarter's first minute in UTC. */
  quarter: string
  orders: number
  totalTtc: number
  refundedTtc: number
}

/** The sales of one cashier over a range. */
export interface CashierTotal {
  cashierId: number
  cashierName: string
  orders: number
  totalTtc: number
  refundedTtc: number
}

type Range = { start: string; end: string }

/**
 * A range cut for the tables that hold it: its whole UTC days (`[dayFrom, dayTo)`, read from the
 * daily tables) and the instants on either side (`[start, headEnd)` and `[tailStart, end)`, read
 * from the orders: less than a day each).
 */
type SplitRange = Range & {
  dayFrom: string
  dayTo: string
  headEnd: string
  tailStart: string
  quarterFrom: string
  quarterTo: string
  headQuarter: string
  tailQuarter: string
}

const SOLD_IN = (alias: string) => `${alias}.status IN (${SOLD_STATUSES.map((status) => `'${status}'`).join(', ')})`

/** Cuts a range of instants into whole UTC days and the parts of days around them. */
export function splitRange(range: InstantRange): SplitRange {
  const midnight = (day: string) => `${day}T00:00:00.000Z`
  const startDay = range.start.slice(0, 10)
  const dayFrom = range.start === midnight(startDay) ? startDay : new Date(Date.parse(midnight(startDay)) + 86_400_000).toISOString().slice(0, 10)
  const dayTo = range.end.slice(0, 10)
  const quarters = { quarterFrom: range.start.slice(0, 16), quarterTo: range.end.slice(0, 16) }
  const edges = (headEnd: string, tailStart: string) => ({ headEnd, tailStart, headQuarter: headEnd.slice(0, 16), tailQuarter: tailStart.slice(0, 16) })
  if (dayFrom >= dayTo) return { ...range, ...quarters, dayFrom, dayTo: dayFrom, ...edges(range.end, range.end) }
  return { ...range, ...quarters, dayFrom, dayTo, ...edges(midnight(dayFrom), midnight(dayTo)) }
}

/**
 * The dashboard's figures for a range of instants (the shop's days do not fall on UTC days: a
 * Paris day starts at 23:00 or 22:00 UTC). "Sold" is `sold-orders`' statuses.
 *
 * - Counts, TTC and refunds per quarter of an hour come from migration 018's
 *   `quarter_order_totals`: every zone's day and hour is a whole range of UTC quarters; per
 *   cashier, from migration 020's totals per year, month and day (`cashierSalesSql`).
 * - VAT, refunds per rate and products come from the daily tables for the range's whole UTC days,
 *   and from the orders (migration 017's index) for the less-than-a-day on either side.
 *
 * So a year is a few tens of thousands of rows whatever the number of orders.
 */
export class DashboardRepository {
  private readonly statements

  constructor(private readonly db: SqliteDatabase) {
    const quarterRange = `q.quarter >= @quarterFrom AND q.quarter < @quarterTo AND ${SOLD_IN('q')}`
    // Migration 017's index: each edge is one range of it.
    const edges = (select: string, join: string) =>
      [`@start`, `@tailStart`]
        .map(
          (from, index) =>
            `SELECT ${select} FROM orders o INDEXED BY orders_by_created_sales ${join}
              WHERE o.created_at >= ${from} AND o.created_at < ${index === 0 ? '@headEnd' : '@end'} AND ${SOLD_CONDITION}`,
        )
        .join(' UNION ALL ')
    const days = `d.day >= @dayFrom AND d.day < @dayTo AND ${SOLD_IN('d')}`
    const byRate = (table: string, join: string) =>
      `SELECT rate_basis_points AS rateBasisPoints, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc
         FROM (SELECT d.rate_basis_points, d.ht, d.vat, d.ttc FROM ${table} d WHERE ${days}
               UNION ALL ${edges('v.rate_basis_points, v.ht, v.vat, v.ttc', join)})
        GROUP BY rate_basis_points HAVING sum(ttc) <> 0 OR sum(vat) <> 0 ORDER BY rate_basis_points DESC`
    this.statements = {
      // The key's order: one range, grouped as it is read.
      quarters: db.prepare<SplitRange, QuarterTotal>(
        `SELECT q.quarter, sum(q.orders) AS orders, sum(q.total_ttc) AS totalTtc, sum(q.refunded_ttc) AS refundedTtc
           FROM quarter_order_totals q WHERE ${quarterRange} GROUP BY q.quarter HAVING sum(q.orders) <> 0 ORDER BY q.quarter`,
      ),
      // Whole UTC days from the daily tables (refunds as `daily_refund_totals` holds them, the sum
      // of `order_refund_vat`, which is `refunded_amount`), the edges from the quarters.
      totals: db.prepare<SplitRange, { count: number; totalTtc: number; refundedTtc: number }>(
        `SELECT coalesce(sum(c), 0) AS count, coalesce(sum(t), 0) AS totalTtc, coalesce(sum(r), 0) AS refundedTtc
           FROM (SELECT sum(d.orders) AS c, sum(d.total_ttc) AS t, 0 AS r FROM daily_order_totals d WHERE ${days}
                 UNION ALL SELECT 0, 0, sum(d.ttc) FROM daily_refund_totals d WHERE ${days}
                 UNION ALL SELECT sum(q.orders), sum(q.total_ttc), sum(q.refunded_ttc) FROM quarter_order_totals q
                            WHERE q.quarter >= @quarterFrom AND q.quarter < @headQuarter AND ${SOLD_IN('q')}
                 UNION ALL SELECT sum(q.orders), sum(q.total_ttc), sum(q.refunded_ttc) FROM quarter_order_totals q
                            WHERE q.quarter >= @tailQuarter AND q.quarter < @quarterTo AND ${SOLD_IN('q')})`,
      ),
      vat: db.prepare<SplitRange, VatByRate>(byRate('daily_vat_totals', 'JOIN order_vat v ON v.order_id = o.id')),
      refundVat: db.prepare<SplitRange, VatByRate>(byRate('daily_refund_totals', 'JOIN order_refund_vat v ON v.order_id = o.id')),
      topProducts: db.prepare<SplitRange & { limit: number }, ProductTotal>(
        `SELECT t.product_id AS productId, p.sku, p.name_fr AS nameFr, p.name_en AS nameEn, t.quantity, t.totalTtc
           FROM (SELECT product_id, sum(quantity) AS quantity, sum(line_total) AS totalTtc
                   FROM (SELECT d.product_id, d.quantity, d.line_total FROM daily_product_totals d WHERE ${days}
                         UNION ALL ${edges('l.product_id, l.quantity, l.line_total', 'JOIN order_lines l ON l.order_id = o.id')})
                  GROUP BY product_id) t
           JOIN products p ON p.id = t.product_id
          WHERE t.quantity > 0 ORDER BY t.totalTtc DESC, t.product_id LIMIT @limit`,
      ),
      // Whole UTC days from 007's daily table, the edges from the attempts' time index.
      attempts: db.prepare<SplitRange, AttemptTotal>(
        `SELECT outcome, nullif(response_code, '') AS responseCode, sum(attempts) AS count
           FROM (SELECT d.outcome, d.response_code, d.attempts FROM daily_attempt_totals d WHERE d.day >= @dayFrom AND d.day < @dayTo
                 UNION ALL SELECT outcome, coalesce(response_code, ''), 1 FROM payment_attempts WHERE started_at >= @start AND started_at < @headEnd
                 UNION ALL SELECT outcome, coalesce(response_code, ''), 1 FROM payment_attempts WHERE started_at >= @tailStart AND started_at < @end)
          GROUP BY outcome, response_code HAVING sum(attempts) > 0`,
      ),
    }
  }

  /** The query plans of the period's sales, for the tests that keep them on migration 017's index. */
  plans(range: InstantRange): { quarters: string[]; totals: string[]; vat: string[]; topProducts: string[] } {
    const explain = (statement: { source: string }, extra = {}) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all({ ...splitRange(range), ...extra }) as Array<{ detail: string }>).map((row) => row.detail)
    return {
      quarters: explain(this.statements.quarters),
      totals: explain(this.statements.totals),
      vat: explain(this.statements.vat),
      topProducts: explain(this.statements.topProducts, { limit: 10 }),
    }
  }

  /** Sold orders per UTC quarter of an hour, oldest first (quarters with none left out). */
  quarters(range: InstantRange): QuarterTotal[] {
    return this.statements.quarters.all(splitRange(range))
  }

  /**
   * Sold orders per cashier (cashiers with none left out), from migration 020's totals per year,
   * month and day and the orders within the hours of either end: a year reads a few thousand
   * rows instead of its 175k rows of quarters.
   */
  cashiers(range: InstantRange): CashierTotal[] {
    const query = cashierSalesSql(range.start, range.end)
    if (query === null) return []
    let statement = this.cashierStatements.get(query.sql)
    if (!statement) {
      statement = this.db.prepare(
        `SELECT g.cashierId, coalesce(u.display_name, '') AS cashierName, g.orders, g.totalTtc, g.refundedTtc
           FROM (${query.sql}) g LEFT JOIN users u ON u.id = g.cashierId`,
      )
      this.cashierStatements.set(query.sql, statement)
    }
    return statement.all(query.params) as CashierTotal[]
  }

  /** The per-cashier statements, one per shape of range (a handful). */
  private readonly cashierStatements = new Map<string, Statement>()

  /** How many sales, their TTC and what was refunded on them. */
  totals(range: InstantRange): { count: number; totalTtc: number; refundedTtc: number } {
    return this.statements.totals.get(splitRange(range))!
  }

  vatByRate(range: InstantRange): VatByRate[] {
    return this.statements.vat.all(splitRange(range))
  }

  refundVatByRate(range: InstantRange): VatByRate[] {
    return this.statements.refundVat.all(splitRange(range))
  }

  topProducts(range: InstantRange, limit: number): ProductTotal[] {
    return this.statements.topProducts.all({ ...splitRange(range), limit })
  }

  /** Payment attempts started in the range, by outcome and response code (null for none). */
  attempts(range: InstantRange): AttemptTotal[] {
    return this.statements.attempts.all(splitRange(range))
  }
}
