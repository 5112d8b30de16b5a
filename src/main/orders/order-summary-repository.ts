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

  private where(filter: FilterSql, params: Params): string {
    const status = statusCondition(filter.branches, params)
    const conditions = [...filter.conditions, ...(status === null ? [] : [status])]
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
  }

  /**
   * The count, sales, VAT and refunds per rate of the matching orders in one statement: the
   * matches are found once (for a text, one pass over the search index and one seek per match
   * for its status and amount), kept in a materialized table, and their VAT and refund rows read
   * from it, one seek per sale (CROSS JOIN keeps the matches outside: the planner, which knows
   * nothing of their number, would rather scan every VAT row). Before, three statements found the
   * matches three times (issue 13: "jeanne", 14,743 matches).
   */
  summary(filter: FilterSql): { count: number } & SalesFigures {
    const params: Params = { ...filter.params }
    const sql = `WITH m AS MATERIALIZED (
        SELECT o.id AS id, (${SOLD_CONDITION}) AS sold, o.total_ttc AS ttc FROM ${this.summarySource(filter)} ${this.where(filter, params)})
      SELECT 0 AS part, NULL AS rateBasisPoints, count(*) AS count, coalesce(sum(sold), 0) AS soldCount,
          coalesce(sum(ttc) FILTER (WHERE sold), 0) AS totalTtc, 0 AS ht, 0 AS vat, 0 AS ttc FROM m
      UNION ALL SELECT * FROM (SELECT 1, v.rate_basis_points, 0, 0, 0, sum(v.ht), sum(v.vat), sum(v.ttc)
        FROM m CROSS JOIN order_vat v ON v.order_id = m.id WHERE m.sold GROUP BY v.rate_basis_points)
      UNION ALL SELECT * FROM (SELECT 2, r.rate_basis_points, 0, 0, 0, sum(r.ht), sum(r.vat), sum(r.ttc)
        FROM m CROSS JOIN order_refund_vat r ON r.order_id = m.id WHERE m.sold GROUP BY r.rate_basis_points HAVING sum(r.ttc) <> 0)`
    const rows = this.statement(sql).all(params) as Array<{ part: number; rateBasisPoints: number; count: number; soldCount: number; totalTtc: number } & VatByRate>
    const { count, soldCount, totalTtc } = rows[0]!
    const byRate = (part: number): VatByRate[] =>
      rows
        .filter((row) => row.part === part)
        .map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc }))
        .sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)
    return { count, ...salesFigures({ soldCount, totalTtc }, byRate(1), byRate(2)) }
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

  /**
   * How many training sales match, which the derived totals leave out (migration 023): read from
   * that migration's partial index, a handful of rows whatever the other filters. Left to itself
   * SQLite read the filter's own range first (a cashier's or an amount range's hundreds of
   * thousands of orders: 4.6 s for "10.50 to 200.49" at a million orders). A text's summary
   * reads the orders themselves, training sales included; its count goes through `count`.
   */
  trainingCount(filter: FilterSql): number {
    if (filter.text !== null) return this.count({ ...filter, conditions: [...filter.conditions, 'o.training = 1'] })
    const params: Params = { ...filter.params }
    const status = statusCondition(filter.branches, params)
    const conditions = [...filter.rowConditions, 'o.training = 1', ...(status === null ? [] : [status])]
    return this.statement(`SELECT count(*) FROM orders o INDEXED BY orders_training WHERE ${conditions.join(' AND ')}`)
      .pluck()
      .get(params) as number
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
