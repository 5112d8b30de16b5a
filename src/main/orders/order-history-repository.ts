import type { OrderListRow, OrderSort, VatByRate } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { INDEXED_PREFIX_MAX, SORTS, type FilterSql } from './order-filter-sql'
import { salesFigures, SOLD_CONDITION, type SalesFigures } from './sold-orders'

/** One order tested against the text; a seek in the search index when its prefixes are indexed. */
const TEXT_PROBE = 'EXISTS (SELECT 1 FROM order_search WHERE order_search MATCH @text AND order_search.rowid = o.id)'

/**
 * A page's columns named as the contract's `OrderListRow`: SQLite hands back the records
 * themselves, so a page costs no mapping per order.
 */
const LIST_COLUMNS = `o.id, o.number, o.created_at AS createdAt, o.status, o.customer_name AS customerName,
  (SELECT display_name FROM users u WHERE u.id = o.cashier_id) AS cashierName, o.till_id AS tillId,
  o.payment_method AS paymentMethod, o.card_brand AS cardBrand, o.card_last_four AS cardLastFour,
  o.authorization_code AS authorizationCode, o.last_decline_code AS lastDeclineCode, o.total_ttc AS totalTtc, o.currency`

export interface PageQuery {
  filter: FilterSql
  sort: OrderSort
  limit: number
  after: { key: string | number; id: number } | null
  /**
   * How a text filter is applied: `matches-first` reads every match from the search index and
   * sorts them (cheap while they are few); `walk-first` walks the sort's index as without text
   * and tests each order against the search index, stopping at the page's end (cheap when most
   * orders match). `page` chooses; default `matches-first`.
   */
  textPlan?: TextPlan
}

export type TextPlan = 'matches-first' | 'walk-first'

/**
 * Above this many matches a broad text is walked in the sort's order instead of sorted: sorting
 * costs about 1 µs a match, while walking costs a few µs per order read until the page is full,
 * i.e. about page size / match share orders.
 */
export const BROAD_TEXT_MATCHES = 10_000

/**
 * A long word is tested per order as the exact terms it is a prefix of, when they are at most
 * this many; more, and the matches are sorted as before.
 */
export const LONG_WORD_TERMS_MAX = 64

/** A word the search index stores as one token, folded to the token by lower-casing alone. */
const PLAIN_TOKEN = /^[A-Za-z0-9]+$/

type Params = Record<string, string | number>

/**
 * The order history's queries, built from a filter set. Each distinct shape of query is prepared
 * once and kept. A status filter becomes one index range per status (`status, created_at, id` or
 * `status, total_ttc, id`), each read in order with a LIMIT and merged, because SQLite cannot
 * walk several ranges of one index in a common order; without a status the sort's own index is
 * walked. Either way a page never reads more than it returns plus what the other filters skip.
 */
export class OrderHistoryRepository {
  private readonly cache = new Map<string, Statement>()

  constructor(private readonly db: SqliteDatabase) {}

  private statement(sql: string): Statement {
    let statement = this.cache.get(sql)
    if (!statement) {
      if (this.cache.size > 500) this.cache.clear()
      statement = this.db.prepare(sql)
      this.cache.set(sql, statement)
    }
    return statement
  }

  /** The SQL and parameters of one page; exposed so the bench and tests can EXPLAIN it. */
  pageQuery(query: PageQuery): { sql: string; params: Params } {
    const { filter } = query
    const sort = SORTS[query.sort]
    const params: Params = { ...filter.params, limit: query.limit }
    const matchesFirst = filter.text !== null && query.textPlan !== 'walk-first'
    const shared = matchesFirst || filter.text === null ? [...filter.conditions] : [...filter.rowConditions, TEXT_PROBE]
    if (query.after) {
      shared.push(sort.after)
      params.cursorKey = query.after.key
      params.cursorId = query.after.id
    }
    // Sorting the matches only needs their sort keys: the small `orders_sort_keys` index gives
    // them without reading each order's row (a page of its own, with the frozen quote).
    const source = !matchesFirst
      ? 'orders o'
      : `order_search CROSS JOIN orders o${filter.sortKeysCover ? ' INDEXED BY orders_sort_keys' : ''} ON o.id = order_search.rowid`
    const branch = (statusCondition: string | null) => {
      const conditions = statusCondition ? [statusCondition, ...shared] : shared
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
      return `SELECT o.id, o.created_at, o.total_ttc FROM ${source} ${where} ORDER BY ${sort.orderBy('o')} LIMIT @limit`
    }
    const branches = filter.branches
    let inner: string
    if (branches.length === 0) inner = branch(null)
    else {
      inner = branches
        .map(({ status, condition }, index) => {
          if (condition) return `SELECT * FROM (${branch(condition)})`
          params[`status${index}`] = status
          return `SELECT * FROM (${branch(`o.status = @status${index}`)})`
        })
        .join(' UNION ALL ')
    }
    const sql = `SELECT ${LIST_COLUMNS}
      FROM (${inner}) p CROSS JOIN orders o ON o.id = p.id ORDER BY ${sort.orderBy('p')} LIMIT @limit`
    return { sql, params }
  }

  page(query: PageQuery): OrderListRow[] {
    const filter = this.probeable(query.filter) ?? query.filter
    const textPlan = query.textPlan ?? this.textPlan(filter)
    const { sql, params } = this.pageQuery({ ...query, filter, textPlan })
    return this.statement(sql).all(params) as OrderListRow[]
  }

  /**
   * The same filter with a text that is cheap to test on one order, when the text has words
   * longer than the search index's prefixes: "jeanne"* has no prefix index, so FTS5 merges every
   * posting of every term it prefixes on each test. Each such word becomes the OR of the exact
   * terms it prefixes, read from the index's vocabulary (a seekable posting list each); the
   * orders matched are the same. Null when the text cannot be rewritten so (a word that is not
   * one plain token, or that prefixes too many terms): the caller keeps the filter as it is.
   */
  probeable(filter: FilterSql): FilterSql | null {
    if (filter.text === null || filter.textProbesCheap) return null
    const parts: string[] = []
    for (const word of filter.words) {
      if ([...word].length <= INDEXED_PREFIX_MAX) {
        parts.push(`"${word.replace(/"/g, '""')}"*`)
        continue
      }
      if (!PLAIN_TOKEN.test(word)) return null
      const terms = this.termsPrefixedBy(word.toLowerCase())
      if (terms.length === 0 || terms.length > LONG_WORD_TERMS_MAX) return null
      parts.push(`(${terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ')})`)
    }
    const text = parts.join(' AND ')
    return { ...filter, text, params: { ...filter.params, text }, textProbesCheap: true }
  }

  /** Up to one more than `LONG_WORD_TERMS_MAX` terms of the search index that start with `prefix`. */
  private termsPrefixedBy(prefix: string): string[] {
    if (!this.vocabulary) {
      // A temporary table of the connection: nothing is added to the file's schema.
      this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.order_search_terms USING fts5vocab(main, order_search, row)')
      this.vocabulary = true
    }
    // Plain tokens are ASCII letters and digits: the next code point bounds the range.
    const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    return this.statement('SELECT term FROM temp.order_search_terms WHERE term >= @prefix AND term < @upper LIMIT @limit')
      .pluck()
      .all({ prefix, upper, limit: LONG_WORD_TERMS_MAX + 1 }) as string[]
  }

  private vocabulary = false

  /**
   * Walk-first when the text matches many orders and testing one order is cheap (every word
   * within the search index's prefix lengths, or rewritten by `probeable`); counting stops at
   * the threshold, so this costs about a millisecond at most.
   */
  textPlan(filter: FilterSql): TextPlan {
    if (filter.text === null || !filter.textProbesCheap) return 'matches-first'
    const matches = this.statement(
      'SELECT count(*) FROM (SELECT 1 FROM order_search WHERE order_search MATCH @text LIMIT @threshold)',
    )
      .pluck()
      .get({ text: filter.text, threshold: BROAD_TEXT_MATCHES }) as number
    return matches >= BROAD_TEXT_MATCHES ? 'walk-first' : 'matches-first'
  }

  private where(filter: FilterSql, params: Params, extra: string[] = []): string {
    const conditions = [...filter.conditions, ...extra]
    if (filter.branches.length > 0) {
      const plain: string[] = []
      const terms: string[] = []
      filter.branches.forEach(({ status, condition }, index) => {
        if (condition) terms.push(`(${condition})`)
        else {
          params[`status${index}`] = status
          plain.push(`@status${index}`)
        }
      })
      if (plain.length > 0) terms.unshift(`o.status IN (${plain.join(', ')})`)
      conditions.push(terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`)
    }
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
      FROM ${filter.source} ${this.where(filter, params)}`
    return this.statement(sql).get(params) as { count: number; soldCount: number; totalTtc: number }
  }

  /** Sales per VAT rate of the matching orders, highest rate first. */
  vatByRate(filter: FilterSql): VatByRate[] {
    const params: Params = { ...filter.params }
    const sql = `SELECT v.rate_basis_points AS rateBasisPoints, sum(v.ht) AS ht, sum(v.vat) AS vat, sum(v.ttc) AS ttc
      FROM ${filter.source} JOIN order_vat v ON v.order_id = o.id ${this.where(filter, params, [SOLD_CONDITION])}
      GROUP BY v.rate_basis_points ORDER BY v.rate_basis_points DESC`
    return this.statement(sql).all(params) as VatByRate[]
  }

  /** Refunds per VAT rate of the matching sales, highest rate first. */
  refundVatByRate(filter: FilterSql): VatByRate[] {
    const params: Params = { ...filter.params }
    const sql = `SELECT r.rate_basis_points AS rateBasisPoints, sum(r.ht) AS ht, sum(r.vat) AS vat, sum(r.ttc) AS ttc
      FROM ${filter.source} JOIN order_refund_vat r ON r.order_id = o.id ${this.where(filter, params, [SOLD_CONDITION])}
      GROUP BY r.rate_basis_points HAVING sum(r.ttc) <> 0 ORDER BY r.rate_basis_points DESC`
    return this.statement(sql).all(params) as VatByRate[]
  }

  /** The count of the matching orders and the money of those that are sales. */
  summary(filter: FilterSql): { count: number } & SalesFigures {
    const { count, ...sales } = this.totals(filter)
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

  /** Explains a query: the bench prints it, the tests check that no full scan sneaks in. */
  explain(sql: string, params: Params): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((row) => row.detail)
  }
}
