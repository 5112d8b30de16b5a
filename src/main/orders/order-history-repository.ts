import type { OrderListRow, OrderSort } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { INDEXED_PREFIX_MAX, SORTS, statusCondition, type FilterSql } from './order-filter-sql'
import { OrderSummaryRepository } from './order-summary-repository'
import type { SalesFigures } from './sold-orders'

/** One order tested against the text; a seek in the search index when its prefixes are indexed. */
const TEXT_PROBE = 'EXISTS (SELECT 1 FROM order_search WHERE order_search MATCH @text AND order_search.rowid = o.id)'

/**
 * A page's columns named as the contract's `OrderListRow`: SQLite hands back the records
 * themselves, so a page costs no mapping per order.
 */
const LIST_COLUMNS = `o.id, o.number, o.created_at AS createdAt, o.status, o.customer_name AS customerName,
  (SELECT display_name FROM users u WHERE u.id = o.cashier_id) AS cashierName, o.till_id AS tillId,
  o.payment_method AS paymentMethod, o.card_brand AS cardBrand, o.card_last_four AS cardLastFour,
  o.authorization_code AS authorizationCode, o.last_decline_code AS lastDeclineCode, o.total_ttc AS totalTtc, o.currency,
  o.refunded_amount AS refundedAmount, o.training`

/** A row as SQLite reads it: the training flag is 0 or 1. */
type ListRowRead = Omit<OrderListRow, 'training'> & { training: number }
const toListRow = (row: ListRowRead): OrderListRow => ({ ...row, training: row.training === 1 })

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
 * How many entries of an index a bounded walk reads before it gives up for another plan: about
 * 1 to 10 ms at a million orders (each order read is a page of the orders table). A walk that fills the page, or reaches the end of its index,
 * within it is exact.
 */
export const WALK_BUDGET = 1000

/** A page's order, as the plans find it: the id and both sort keys. */
interface PageKey {
  id: number
  createdAt: string
  totalTtc: number
}

/** The index that reads each sort's order, without a status and within one status. */
const SORT_INDEXES: Readonly<Record<OrderSort, { all: string; status: string }>> = {
  date_desc: { all: 'orders_by_created', status: 'orders_by_status_created' },
  amount_desc: { all: 'orders_by_total', status: 'orders_by_status_total' },
  amount_asc: { all: 'orders_by_total', status: 'orders_by_status_total' },
}

/**
 * Up to how many matches of each filter plan 3 counts to choose the one to read (index entries
 * only, a few ms); a filter with more is broad.
 */
export const DRIVER_COUNT_CAP = 20_000

/** Orders whose id is not in date order (migration 013): a text's matches read by id skip them. */
const IN_DATE_ORDER = 'o.id NOT IN (SELECT order_id FROM orders_out_of_date_order)'

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
  private readonly summaries: OrderSummaryRepository

  constructor(
    private readonly db: SqliteDatabase,
    /** See `WALK_BUDGET`; tests make it small to run every plan on a small history. */
    private readonly walkBudget = WALK_BUDGET,
    /** See `BROAD_TEXT_MATCHES`; tests make it small too. */
    private readonly broadTextMatches = BROAD_TEXT_MATCHES,
    /**
     * How many orders match the filter without its text and amounts (migration 020's totals), when
     * known: none, and the page is empty without a walk (a rare pair such as cash and a card brand).
     */
    private readonly countWithoutTextOrAmount: ((filter: FilterSql) => number) | null = null,
  ) {
    this.summaries = new OrderSummaryRepository(db)
  }

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

  /**
   * A page. Without a chosen `textPlan`, the plans are tried cheapest first, each bounded so that
   * a plan that would read much more than the page gives up early (an exact answer either way):
   *
   * 1. for a text in date order, the search index's matches read by id, newest first (id order is
   *    the date order but for the few orders migration 013 lists, merged apart);
   * 2. the sort's own index walked (per status), every other filter tested on each order;
   * 3. every match of the most selective filter with an index (`drivenPage`), sorted;
   * 4. otherwise the query as SQLite plans it, a text's matches sorted (or as `textPlan` says).
   */
  page(query: PageQuery): OrderListRow[] {
    const filter = this.probeable(query.filter) ?? query.filter
    if (query.textPlan === undefined) {
      // A text with few matches is answered by sorting them: testing orders one by one against
      // the search index costs tens of microseconds each, more than sorting a few thousand matches.
      const fewMatches = filter.text !== null && this.textPlan(filter) === 'matches-first'
      const planned =
        this.textByIdPage({ ...query, filter }) ??
        (fewMatches
          ? null
          : (this.walkPage({ ...query, filter }) ??
            (this.countWithoutTextOrAmount?.(filter) === 0 ? [] : null) ??
            this.drivenPage({ ...query, filter }) ??
            // Every filter broad, their conjunction rarer: walking further may find the page; past
            // twenty budgets the conjunction may be empty, and sorting one filter's matches reads
            // fewer orders than walking them all.
            // (A text tested per order costs tens of microseconds: no further walk then.)
            (filter.text === null ? this.walkPage({ ...query, filter }, this.walkBudget * 20) : null) ??
            this.drivenPage({ ...query, filter }, true)))
      if (planned !== null) return this.rowsOf(planned, query.sort)
    }
    // When the bounded walk gave up, walking further would read more than the budget again for
    // each page: the text's matches are sorted instead.
    const textPlan = query.textPlan ?? 'matches-first'
    const { sql, params } = this.pageQuery({ ...query, filter, textPlan })
    return (this.statement(sql).all(params) as ListRowRead[]).map(toListRow)
  }

  /** The list's rows of the page's orders, in the page's order. */
  private rowsOf(keys: PageKey[], sort: OrderSort): OrderListRow[] {
    if (keys.length === 0) return []
    return (this.statement(
      `SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id IN (SELECT value FROM json_each(@ids)) ORDER BY ${SORTS[sort].orderBy('o')}`,
    ).all({ ids: JSON.stringify(keys.map((key) => key.id)) }) as ListRowRead[]).map(toListRow)
  }

  /** The cursor's condition and parameters, when the query has one. */
  private cursor(query: PageQuery): { conditions: string[]; params: Params } {
    if (!query.after) return { conditions: [], params: {} }
    return { conditions: [SORTS[query.sort].after], params: { cursorKey: query.after.key, cursorId: query.after.id } }
  }

  /**
   * Reads at most `walkBudget` entries of `driver` (a query of ids in the page's order, bound to
   * `@budget`) and keeps those the conditions select, up to the page. Null when the budget ran out
   * before the page was full: the orders beyond it could still belong on the page.
   */
  private boundedWalk(
    driver: string,
    conditions: string[],
    params: Params,
    limit: number,
    sortKeysCover: boolean,
    budget = this.walkBudget,
  ): PageKey[] | null {
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
    const bound = { ...params, budget, limit }
    const rows = this.statement(
      `SELECT o.id, o.created_at AS createdAt, o.total_ttc AS totalTtc
         FROM (${driver}) w CROSS JOIN orders o${sortKeysCover ? ' INDEXED BY orders_sort_keys' : ''} ON o.id = w.id ${where} LIMIT @limit`,
    ).all(bound) as PageKey[]
    if (rows.length >= limit) return rows
    const read = this.statement(`SELECT count(*) FROM (${driver})`).pluck().get(bound) as number
    return read < budget ? rows : null
  }

  /** The first `limit` keys of several exact lists, in the sort's order. */
  private merged(lists: PageKey[][], sort: OrderSort, limit: number): PageKey[] {
    const all = lists.flat()
    const byDate = (a: PageKey, b: PageKey) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id)
    const compare =
      sort === 'date_desc'
        ? byDate
        : sort === 'amount_desc'
          ? (a: PageKey, b: PageKey) => b.totalTtc - a.totalTtc || b.id - a.id
          : (a: PageKey, b: PageKey) => a.totalTtc - b.totalTtc || a.id - b.id
    return all.sort(compare).slice(0, limit)
  }

  /**
   * Plan 1: a text in date order, read from the search index by id, newest first, with every
   * other filter tested on each match, within the walk budget; the orders out of date order
   * (migration 013) are tested apart and merged. A cursor bounds the ids too: an order in date
   * order that comes after the cursor's order has a lower id.
   */
  private textByIdPage(query: PageQuery): PageKey[] | null {
    const { filter } = query
    if (filter.text === null || query.sort !== 'date_desc') return null
    const cursor = this.cursor(query)
    const params: Params = { ...filter.params, ...cursor.params }
    const statusCondition = this.statusCondition(filter, params)
    const conditions = [...filter.rowConditions, ...cursor.conditions, ...(statusCondition ? [statusCondition] : [])]
    const driver = `SELECT rowid AS id FROM order_search WHERE order_search MATCH @text${query.after ? ' AND rowid < @cursorId' : ''}
      ORDER BY rowid DESC LIMIT @budget`
    // Dates, amounts and statuses are in the small sort-keys index: no page of the orders table is read.
    const covered = filter.sortKeysCover && filter.branches.every((branch) => branch.condition === null)
    // Reading the index's matches in order costs a few microseconds each, far less than testing
    // orders against the index one by one: ten times the walk budget.
    const inOrder = this.boundedWalk(driver, [...conditions, IN_DATE_ORDER], params, query.limit, covered, this.walkBudget * 10)
    if (inOrder === null) return null
    const outOfOrder = this.statement(
      `SELECT o.id, o.created_at AS createdAt, o.total_ttc AS totalTtc FROM orders_out_of_date_order x
         CROSS JOIN orders o ON o.id = x.order_id WHERE ${[...conditions, TEXT_PROBE].join(' AND ')}`,
    ).all(params) as PageKey[]
    return this.merged([inOrder, outOfOrder], query.sort, query.limit)
  }

  /**
   * Plan 2: the sort's own index walked within the budget (one walk per status range), every
   * other filter and the text (when testing one order is a cheap seek) tested on each order.
   */
  private walkPage(query: PageQuery, budget = this.walkBudget): PageKey[] | null {
    const { filter, sort } = query
    if (filter.text !== null && !filter.textProbesCheap) return null
    const cursor = this.cursor(query)
    const params: Params = { ...filter.params, ...cursor.params }
    const tested = [...filter.rowConditions, ...(filter.text !== null ? [TEXT_PROBE] : [])]
    const indexes = SORT_INDEXES[sort]
    // The bounds the walked index reads as a range: dates in date order, amounts by amount.
    const bounds = filter.rowConditions.filter((condition) =>
      sort === 'date_desc' ? /^o\.created_at [<>]/.test(condition) : /^o\.total_ttc [<>]/.test(condition),
    )
    const driverOf = (index: string, condition: string | null) => {
      const conditions = [...(condition ? [condition] : []), ...bounds, ...cursor.conditions]
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
      return `SELECT o.id FROM orders o INDEXED BY ${index} ${where} ORDER BY ${SORTS[sort].orderBy('o')} LIMIT @budget`
    }
    const covered = filter.sortKeysCover
    if (filter.branches.length === 0) return this.boundedWalk(driverOf(indexes.all, null), tested, params, query.limit, covered, budget)
    const lists: PageKey[][] = []
    for (const [index, { status, condition }] of filter.branches.entries()) {
      let list: PageKey[] | null
      if (condition === null) {
        params[`status${index}`] = status
        list = this.boundedWalk(driverOf(indexes.status, `o.status = @status${index}`), tested, params, query.limit, covered, budget)
      } else if (sort === 'date_desc') {
        list = this.boundedWalk(driverOf('orders_declined_by_status', condition), tested, params, query.limit, covered, budget)
      } else {
        // The checkouts abandoned after a decline, a few thousand at most: sorted whole.
        list = this.statement(
          `SELECT o.id, o.created_at AS createdAt, o.total_ttc AS totalTtc FROM orders o INDEXED BY orders_declined_by_status
            WHERE ${[condition, ...tested, ...cursor.conditions].join(' AND ')} ORDER BY ${SORTS[sort].orderBy('o')} LIMIT @limit`,
        ).all({ ...params, limit: query.limit }) as PageKey[]
      }
      if (list === null) return null
      lists.push(list)
    }
    return this.merged(lists, sort, query.limit)
  }

  /**
   * Plan 3, when walking the sort reads too much (the matches are few, or bunched far down the
   * sort): read every match of the most selective filter that has an index, and sort them. Which
   * one is chosen by counting each candidate's matches up to `DRIVER_COUNT_CAP` (a bounded count
   * reads the index alone). Null when no filter has an index (the caller's plan then applies) or
   * when the text's matches are the fewest (sorting the matches is the caller's plan too).
   */
  private drivenPage(query: PageQuery, evenBroad = false): PageKey[] | null {
    const { filter, sort } = query
    const cursor = this.cursor(query)
    const params: Params = { ...filter.params, ...cursor.params }
    // `ordered`: the index reads the candidate's orders in date order (its equality, then the
    // date), so that in date order the page is its first matches, however many it has.
    const candidates: Array<{ index: string; condition: string; ordered?: boolean }> = []
    const has = (name: string) => filter.params[name] !== undefined
    // Indexes whose second column is the date read the filter within the dates as one range.
    const dates = [has('from') ? 'o.created_at >= @from' : null, has('to') ? 'o.created_at < @to' : null].filter((bound) => bound !== null)
    const dated = (condition: string) => [condition, ...dates].join(' AND ')
    if (has('declineCode')) {
      // In date order the decline index is read in order; by amount its twin covers the amount.
      const index = sort === 'date_desc' ? 'orders_by_decline' : 'orders_by_decline_status'
      const condition = 'o.last_decline_code = @declineCode'
      candidates.push({ index, condition: sort === 'date_desc' ? dated(condition) : condition, ordered: sort === 'date_desc' })
    }
    if (has('from') || has('to')) {
      const range = [has('from') ? 'o.created_at >= @from' : null, has('to') ? 'o.created_at < @to' : null].filter(Boolean)
      candidates.push({ index: 'orders_by_created', condition: range.join(' AND ') })
    }
    if (has('minTotal') || has('maxTotal')) {
      const range = [has('minTotal') ? 'o.total_ttc >= @minTotal' : null, has('maxTotal') ? 'o.total_ttc <= @maxTotal' : null].filter(Boolean)
      candidates.push({ index: 'orders_by_total', condition: range.join(' AND ') })
    }
    const ordered = sort === 'date_desc'
    if (has('cashierId')) candidates.push({ index: 'orders_by_cashier', condition: dated('o.cashier_id = @cashierId'), ordered })
    if (has('tillId')) candidates.push({ index: 'orders_by_till_status', condition: 'o.till_id = @tillId' })
    if (has('paymentMethod')) candidates.push({ index: 'orders_by_method_created', condition: dated('o.payment_method = @paymentMethod'), ordered })
    if (has('cardBrand')) candidates.push({ index: 'orders_by_brand', condition: dated('o.card_brand = @cardBrand'), ordered })
    if (candidates.length === 0) return null
    const counted = candidates.map((candidate) => ({
      ...candidate,
      count: this.statement(
        `SELECT count(*) FROM (SELECT 1 FROM orders o INDEXED BY ${candidate.index} WHERE ${candidate.condition} LIMIT @cap)`,
      )
        .pluck()
        .get({ ...filter.params, cap: DRIVER_COUNT_CAP }) as number,
    }))
    const best = counted.reduce((a, b) => (b.count < a.count || (b.count === a.count && b.ordered && !a.ordered) ? b : a))
    // Every indexed filter is broad (a tenth of the orders or more each): walking the sort on
    // reads less than sorting one's matches, unless their conjunction is very rare, or unless
    // the filter's own index is read in the page's order (a brand in date order: its first
    // matches, as a walk would find them, without testing the other orders).
    if (best.count >= DRIVER_COUNT_CAP && !evenBroad && !best.ordered) return null
    if (filter.text !== null) {
      const matches = this.statement('SELECT count(*) FROM (SELECT 1 FROM order_search WHERE order_search MATCH @text LIMIT @cap)')
        .pluck()
        .get({ text: filter.text, cap: DRIVER_COUNT_CAP }) as number
      if (matches <= best.count) return null
    }
    const statusCondition = this.statusCondition(filter, params)
    const conditions = [
      ...filter.rowConditions,
      ...cursor.conditions,
      ...(statusCondition ? [statusCondition] : []),
      ...(filter.text !== null ? [TEXT_PROBE] : []),
    ]
    return this.statement(
      `SELECT o.id, o.created_at AS createdAt, o.total_ttc AS totalTtc FROM orders o INDEXED BY ${best.index}
        WHERE ${conditions.join(' AND ')} ORDER BY ${SORTS[sort].orderBy('o')} LIMIT @limit`,
    ).all({ ...params, limit: query.limit }) as PageKey[]
  }

  /** The status filter as one condition over `o` (null without one), its parameters added. */
  private statusCondition(filter: FilterSql, params: Params): string | null {
    const where = this.where({ ...filter, conditions: [] }, params)
    return where === '' ? null : where.slice('WHERE '.length)
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
      .get({ text: filter.text, threshold: this.broadTextMatches }) as number
    return matches >= this.broadTextMatches ? 'walk-first' : 'matches-first'
  }

  private where(filter: FilterSql, params: Params, extra: string[] = []): string {
    const status = statusCondition(filter.branches, params)
    const conditions = [...filter.conditions, ...extra, ...(status === null ? [] : [status])]
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
  }

  /** The count of the matching orders and the money of those that are sales, read from the orders (`OrderSummaryRepository`). */
  summary(filter: FilterSql): { count: number } & SalesFigures {
    return this.summaries.summary(filter)
  }

  /** How many orders match, for the export's progress bar. */
  count(filter: FilterSql): number {
    return this.summaries.count(filter)
  }

  /** How many training sales match (`OrderSummaryRepository.trainingCount`). */
  trainingCount(filter: FilterSql): number {
    return this.summaries.trainingCount(filter)
  }

  cashiers(): Array<{ id: number; displayName: string }> {
    return this.summaries.cashiers()
  }

  tills(): string[] {
    return this.summaries.tills()
  }

  declineCodes(): string[] {
    return this.summaries.declineCodes()
  }

  /** Explains a query: the bench prints it, the tests check that no full scan sneaks in. */
  explain(sql: string, params: Params): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((row) => row.detail)
  }
}
