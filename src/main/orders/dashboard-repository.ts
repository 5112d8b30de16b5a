import type { VatByRate } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { AttemptTotal, ProductTotal } from './daily-totals-repository'
import { SOLD_CONDITION } from './sold-orders'

/** Instants `[start, end)` in UTC ISO form, as the orders store them. */
export interface InstantRange {
  start: string
  end: string
}

/**
 * The sales of one quarter of an hour (UTC) by one cashier. Every time zone's offset is a whole
 * number of quarters, so each quarter lies in one of the shop's hours and days whatever its zone.
 */
export interface QuarterTotal {
  /** `YYYY-MM-DDTHH:MM`, the quarter's first minute in UTC. */
  quarter: string
  cashierId: number
  cashierName: string
  orders: number
  totalTtc: number
  refundedTtc: number
}

type Range = { start: string; end: string }

/**
 * The dashboard's figures read from the orders of an instant range: the shop's days do not fall on
 * the daily tables' UTC days (a Paris day starts at 23:00 or 22:00 UTC), so the orders themselves
 * are read, through their creation-date index. "Sold" is `sold-orders`' one condition.
 */
export class DashboardRepository {
  private readonly statements

  constructor(private readonly db: SqliteDatabase) {
    // Migration 017's index: a period is one range of it; left to itself SQLite would take the
    // status index (one range per sold status) and visit each order's row.
    const inRange = `o.created_at >= @start AND o.created_at < @end AND ${SOLD_CONDITION}`
    this.statements = {
      quarters: db.prepare<Range, QuarterTotal>(
        `SELECT q.quarter, q.cashierId, coalesce(u.display_name, '') AS cashierName, q.orders, q.totalTtc, q.refundedTtc
           FROM (SELECT substr(o.created_at, 1, 14) || printf('%02d', (CAST(substr(o.created_at, 15, 2) AS INTEGER) / 15) * 15) AS quarter,
                        o.cashier_id AS cashierId, count(*) AS orders, sum(o.total_ttc) AS totalTtc, sum(o.refunded_amount) AS refundedTtc
                   FROM orders o INDEXED BY orders_by_created_sales WHERE ${inRange} GROUP BY 1, 2) q
           LEFT JOIN users u ON u.id = q.cashierId
          ORDER BY q.quarter`,
      ),
      totals: db.prepare<Range, { count: number; totalTtc: number; refundedTtc: number }>(
        `SELECT count(*) AS count, coalesce(sum(o.total_ttc), 0) AS totalTtc, coalesce(sum(o.refunded_amount), 0) AS refundedTtc
           FROM orders o INDEXED BY orders_by_created_sales WHERE ${inRange}`,
      ),
      vat: db.prepare<Range, VatByRate>(
        `SELECT v.rate_basis_points AS rateBasisPoints, sum(v.ht) AS ht, sum(v.vat) AS vat, sum(v.ttc) AS ttc
           FROM orders o INDEXED BY orders_by_created_sales JOIN order_vat v ON v.order_id = o.id WHERE ${inRange}
          GROUP BY v.rate_basis_points HAVING sum(v.ttc) <> 0 OR sum(v.vat) <> 0 ORDER BY v.rate_basis_points DESC`,
      ),
      refundVat: db.prepare<Range, VatByRate>(
        `SELECT r.rate_basis_points AS rateBasisPoints, sum(r.ht) AS ht, sum(r.vat) AS vat, sum(r.ttc) AS ttc
           FROM orders o INDEXED BY orders_by_created_sales JOIN order_refund_vat r ON r.order_id = o.id WHERE ${inRange}
          GROUP BY r.rate_basis_points HAVING sum(r.ttc) <> 0 OR sum(r.vat) <> 0 ORDER BY r.rate_basis_points DESC`,
      ),
      topProducts: db.prepare<Range & { limit: number }, ProductTotal>(
        `SELECT t.product_id AS productId, p.sku, p.name_fr AS nameFr, p.name_en AS nameEn, t.quantity, t.totalTtc
           FROM (SELECT l.product_id, sum(l.quantity) AS quantity, sum(l.line_total) AS totalTtc
                   FROM orders o INDEXED BY orders_by_created_sales JOIN order_lines l ON l.order_id = o.id WHERE ${inRange} GROUP BY l.product_id) t
           JOIN products p ON p.id = t.product_id
          WHERE t.quantity > 0 ORDER BY t.totalTtc DESC, t.product_id LIMIT @limit`,
      ),
      attempts: db.prepare<Range, AttemptTotal>(
        `SELECT outcome, response_code AS responseCode, count(*) AS count FROM payment_attempts
          WHERE started_at >= @start AND started_at < @end GROUP BY outcome, response_code`,
      ),
    }
  }

  /** The query plans of the period's sales, for the tests that keep them on migration 017's index. */
  plans(range: InstantRange): { quarters: string[]; totals: string[] } {
    const explain = (statement: { source: string }) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(range) as Array<{ detail: string }>).map((row) => row.detail)
    return { quarters: explain(this.statements.quarters), totals: explain(this.statements.totals) }
  }

  /** Sold orders per UTC quarter of an hour and cashier, oldest first. */
  quarters(range: InstantRange): QuarterTotal[] {
    return this.statements.quarters.all(range)
  }

  /** How many sales, their TTC and what was refunded on them. */
  totals(range: InstantRange): { count: number; totalTtc: number; refundedTtc: number } {
    return this.statements.totals.get(range)!
  }

  vatByRate(range: InstantRange): VatByRate[] {
    return this.statements.vat.all(range)
  }

  refundVatByRate(range: InstantRange): VatByRate[] {
    return this.statements.refundVat.all(range)
  }

  topProducts(range: InstantRange, limit: number): ProductTotal[] {
    return this.statements.topProducts.all({ ...range, limit })
  }

  /** Payment attempts started in the range, by outcome and response code (null for none). */
  attempts(range: InstantRange): AttemptTotal[] {
    return this.statements.attempts.all(range)
  }
}
