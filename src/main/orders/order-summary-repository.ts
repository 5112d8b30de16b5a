import type { VatByRate } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { statusCondition, type FilterSql } from './order-filter-sql'
import { salesFigures, SOLD_CONDITION, type SalesFigures } from './sold-orders'

type Params = Record<string, string | number>

/**
 * The order history's summaries read from the orders themselves (the count, sales, refunds and
 * VAT of any filter), and the values the filters offer. The service reads migration 020's and
 * the daily totals first; this is the answer for a text or an amount, and the truth the tests
 * compare the totals with. Split out of `order-history-repository.ts`, which finds pages.
 */
export class OrderSummaryRepository {
  private readonly cache = new Map<string, Statement>()

  constructor(private readonly db: SqliteDatabase) {}

  private statement(sql: string): Statement {
    let statement = this.cache.get(sql)
    if (!statement) {
      if (this.cache.size > 200) this.cache.clear()
      statement = this.db.prepare(sql)
      this.cache.set(sql, statement)
    }
    return statement
  }

  private where(filter: FilterSql, params: Params, extra: string[] = []): string {
    const status = statusCondition(filter.branches, params)
    const conditions = [...filter.conditions, ...extra, ...(status === null ? [] : [status])]
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
  }

  /**
   * How many orders match, and how many of them are sales with their TTC (see `sold-orders`),
   * read from the orders themselves.
   */
  totals(filter: FilterSql): { count: number; soldCount: number; totalTtc: number } {
    const params: Params = { ...filter.params }
    const sql = `SELECT count(*) AS count, count(*) FILTER (WHERE ${SOLD_CONDITION}) AS soldCount,
        coalesce(sum(o.total_ttc) FILTER (WHERE ${SOLD_CONDITION}), 0) AS totalTtc
      FROM ${this.summarySource(filter)} ${this.where(filter, params)}`
    return this.statement(sql).get(params) as { count: number; soldCount: number; totalTtc: number }
  }

  /**
   * A text's matches read with their status and amount from the small sort-keys index, when every
   * other filter is a date, an amount or a whole status: no page of the orders table is read.
   */
  private summarySource(filter: FilterSql): string {
    const covered = filter.sortKeysCover && filter.branches.every((branch) => branch.condition === null)
    return filter.text !== null && covered
      ? 'order_search CROSS JOIN orders o INDEXED BY orders_sort_keys ON o.id = order_search.rowid'
      : filter.source
  }

  /** Sales per VAT rate of the matching orders, highest rate first. */
  vatByRate(filter: FilterSql): VatByRate[] {
    const params: Params = { ...filter.params }
    const sql = `SELECT v.rate_basis_points AS rateBasisPoints, sum(v.ht) AS ht, sum(v.vat) AS vat, sum(v.ttc) AS ttc
      FROM ${this.summarySource(filter)} JOIN order_vat v ON v.order_id = o.id ${this.where(filter, params, [SOLD_CONDITION])}
      GROUP BY v.rate_basis_points ORDER BY v.rate_basis_points DESC`
    return this.statement(sql).all(params) as VatByRate[]
  }

  /** Refunds per VAT rate of the matching sales, highest rate first. */
  refundVatByRate(filter: FilterSql): VatByRate[] {
    const params: Params = { ...filter.params }
    const sql = `SELECT r.rate_basis_points AS rateBasisPoints, sum(r.ht) AS ht, sum(r.vat) AS vat, sum(r.ttc) AS ttc
      FROM ${this.summarySource(filter)} JOIN order_refund_vat r ON r.order_id = o.id ${this.where(filter, params, [SOLD_CONDITION])}
      GROUP BY r.rate_basis_points HAVING sum(r.ttc) <> 0 ORDER BY r.rate_basis_points DESC`
    return this.statement(sql).all(params) as VatByRate[]
  }

  /** The count of the matching orders and the money of those that are sales. */
  summary(filter: FilterSql): { count: number } & SalesFigures {
    const { count, ...sales } = this.totals(filter)
    // No sale among the orders (declined checkouts, say): no VAT nor refund to read.
    if (sales.soldCount === 0) return { count, ...salesFigures(sales, [], []) }
    return { count, ...salesFigures(sales, this.vatByRate(filter), this.refundVatByRate(filter)) }
  }

  /** How many orders match, for the export's progress bar. */
  count(filter: FilterSql): number {
    const params: Params = { ...filter.params }
    return this.statement(`SELECT count(*) FROM ${filter.source} ${this.where(filter, params)}`).pluck().get(params) as number
  }

  cashiers(): Array<{ id: number; displayName: string }> {
    return this.statement('SELECT id, display_name AS displayName FROM users ORDER BY display_name').all() as Array<{
      id: number
      displayName: string
    }>
  }

  /** Distinct tills, by skipping through the till index rather than reading every order. */
  tills(): string[] {
    return this.statement(
      `WITH RECURSIVE t (till) AS (
         SELECT min(till_id) FROM orders
         UNION ALL SELECT (SELECT min(till_id) FROM orders WHERE till_id > t.till) FROM t WHERE t.till IS NOT NULL)
       SELECT till FROM t WHERE till IS NOT NULL`,
    )
      .pluck()
      .all() as string[]
  }

  /** Distinct decline codes seen, skipping through the partial decline index. */
  declineCodes(): string[] {
    return this.statement(
      `WITH RECURSIVE c (code) AS (
         SELECT min(last_decline_code) FROM orders WHERE last_decline_code IS NOT NULL
         UNION ALL SELECT (SELECT min(last_decline_code) FROM orders WHERE last_decline_code > c.code)
           FROM c WHERE c.code IS NOT NULL)
       SELECT code FROM c WHERE code IS NOT NULL`,
    )
      .pluck()
      .all() as string[]
  }

}
