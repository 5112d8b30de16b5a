import type { OrderFilters, OrderSort } from '@shared/contract'
import { err, ok, type Result } from '@shared/contract/result'
import { isDay, startOfShopDay } from '@shared/time/shop-time-zone'
import type { OrderStatus } from './order-status'

/** The WHERE conditions of a filter set, with only the named parameters they use. */
export interface FilterSql {
  conditions: string[]
  params: Record<string, string | number>
  /** The statuses chosen, sorted (empty: any). */
  statuses: OrderStatus[]
  /** What the chosen statuses select, one index range each (see `statusBranches`). */
  branches: StatusBranch[]
  /**
   * The FROM clause. With a text filter the search index drives (CROSS JOIN fixes the order):
   * left to itself, SQLite would walk orders by date and probe the matches, reading the whole
   * table when they are few.
   */
  source: string
  /** The FTS5 query of the text filter, if any (also bound as `@text`). */
  text: string | null
  /** The conditions without the text match, for plans that test the match per row. */
  rowConditions: string[]
  /** True when every row condition reads only columns of the `orders_sort_keys` index. */
  sortKeysCover: boolean
  /**
   * True when every word of the text is short enough for the search index's prefix indexes
   * (1 to 4 characters), so that testing one order against the text is a cheap seek.
   */
  textProbesCheap: boolean
  /** The words of the text filter, as `toFtsQuery` quoted them (empty without text). */
  words: string[]
}

/**
 * One index range of a status filter: the orders of `status`, or when `condition` is given, the
 * orders it selects (over `o`; it names the status itself).
 */
export interface StatusBranch {
  status: OrderStatus
  condition: string | null
}

/**
 * A checkout given up after its card was declined: written out whole, with the status as a
 * literal, so that SQLite reads it from migration 011's partial index.
 */
const DECLINED_THEN_ABANDONED = "o.status = 'abandoned' AND o.last_decline_code IS NOT NULL"

/**
 * What the status filter selects. "Declined" means a card was declined and the order was never
 * paid: still declined, or abandoned after the decline (a new checkout or a cancel moves it on,
 * but the administrator still looks for it among the declines). An order paid after a declined
 * card is a sale: it keeps its decline code and is found by the decline code filter.
 */
export function statusBranches(statuses: readonly OrderStatus[]): StatusBranch[] {
  const branches: StatusBranch[] = statuses.map((status) => ({ status, condition: null }))
  if (statuses.includes('declined') && !statuses.includes('abandoned')) {
    branches.push({ status: 'abandoned', condition: DECLINED_THEN_ABANDONED })
  }
  return branches
}

/**
 * The status filter as one condition (null without one), its `@statusN` parameters added to
 * `params`: over the orders `o`, or with `totals` over a totals table of that alias with `status`
 * and `decline_code` columns (migration 020).
 */
export function statusCondition(
  branches: readonly StatusBranch[],
  params: Record<string, string | number>,
  totals?: { alias: string },
): string | null {
  if (branches.length === 0) return null
  const column = totals ? `${totals.alias}.status` : 'o.status'
  const plain: string[] = []
  const terms: string[] = []
  branches.forEach(({ status, condition }, index) => {
    if (condition === null) {
      params[`status${index}`] = status
      plain.push(`@status${index}`)
    } else if (totals) {
      // The one condition a branch carries: abandoned after a decline ('' is no decline code there).
      terms.push(`(${totals.alias}.status = 'abandoned' AND ${totals.alias}.decline_code <> '')`)
    } else terms.push(`(${condition})`)
  })
  if (plain.length > 0) terms.unshift(`${column} IN (${plain.join(', ')})`)
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`
}

/** Prefix lengths migration 007 gives the search index. */
export const INDEXED_PREFIX_MAX = 4

/**
 * A bare day is the shop's day: its first instant in the shop's time zone (in UTC a bare day stays
 * as it is: it sorts before every instant of that day); an instant is rewritten as
 * `toISOString()` so that text comparison with the stored instants is exact.
 */
export function normalizeInstant(value: string, timeZone = 'UTC'): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (timeZone === 'UTC') return value
    return isDay(value) ? startOfShopDay(value, timeZone) : null
  }
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/**
 * Turns what the administrator typed into an FTS5 query: each word becomes a quoted phrase with a
 * prefix star (so "2025-0001" matches the number's tokens in order, and "jea" finds Jeanne), and
 * all words must match. Words without a letter or digit are dropped; nothing left means no text
 * filter. Quoting keeps FTS5 operators typed by the user from being interpreted.
 */
export function toFtsQuery(text: string | readonly string[]): string | null {
  const words = (typeof text === 'string' ? searchWords(text) : text).map((word) => `"${word.replace(/"/g, '""')}"*`)
  return words.length > 0 ? words.join(' AND ') : null
}

/** The words of a search text that can match anything: those with a letter or a digit. */
function searchWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
}

/**
 * Builds the conditions shared by pages, summaries and exports; `o` is the orders alias. Bare
 * days in `from` and `to` are days in `timeZone` (the shop's).
 */
export function filterSql(filters: OrderFilters, timeZone = 'UTC'): Result<FilterSql> {
  const conditions: string[] = []
  const params: Record<string, string | number> = {}
  let sortKeysCover = true
  const add = (condition: string, name: string, value: string | number) => {
    conditions.push(condition)
    params[name] = value
    if (!['from', 'to', 'minTotal', 'maxTotal'].includes(name)) sortKeysCover = false
  }
  if (filters.from !== undefined) {
    const from = normalizeInstant(filters.from, timeZone)
    if (from === null) return err('VALIDATION_FAILED', 'The start date is not a date', { fields: ['from'] })
    add('o.created_at >= @from', 'from', from)
  }
  if (filters.to !== undefined) {
    const to = normalizeInstant(filters.to, timeZone)
    if (to === null) return err('VALIDATION_FAILED', 'The end date is not a date', { fields: ['to'] })
    add('o.created_at < @to', 'to', to)
  }
  if (filters.cashierId !== undefined) add('o.cashier_id = @cashierId', 'cashierId', filters.cashierId)
  if (filters.tillId !== undefined) add('o.till_id = @tillId', 'tillId', filters.tillId)
  if (filters.paymentMethod !== undefined) add('o.payment_method = @paymentMethod', 'paymentMethod', filters.paymentMethod)
  if (filters.cardBrand !== undefined) add('o.card_brand = @cardBrand', 'cardBrand', filters.cardBrand)
  if (filters.minTotal !== undefined) add('o.total_ttc >= @minTotal', 'minTotal', filters.minTotal)
  if (filters.maxTotal !== undefined) add('o.total_ttc <= @maxTotal', 'maxTotal', filters.maxTotal)
  if (filters.declineCode !== undefined) add('o.last_decline_code = @declineCode', 'declineCode', filters.declineCode)
  const rowConditions = [...conditions]
  const words = filters.text === undefined ? [] : searchWords(filters.text)
  const fts = toFtsQuery(words)
  if (fts !== null) {
    conditions.push('order_search MATCH @text')
    params.text = fts
  }
  const statuses = [...new Set(filters.statuses ?? [])].sort()
  const branches = statusBranches(statuses)
  const source = fts === null ? 'orders o' : 'order_search CROSS JOIN orders o ON o.id = order_search.rowid'
  const textProbesCheap = words.every((word) => [...word].length <= INDEXED_PREFIX_MAX)
  return ok({ conditions, params, statuses, branches, source, text: fts, rowConditions, sortKeysCover, textProbesCheap, words })
}

export interface SortSql {
  /** ORDER BY terms for alias `o` (or any alias, with `{a}` replaced). */
  orderBy: (alias: string) => string
  /** Keyset condition: rows strictly after the cursor in this order. */
  after: string
  keyOf: (row: { createdAt: string; totalTtc: number }) => string | number
}

export const SORTS: Readonly<Record<OrderSort, SortSql>> = {
  date_desc: {
    orderBy: (a) => `${a}.created_at DESC, ${a}.id DESC`,
    after: '(o.created_at, o.id) < (@cursorKey, @cursorId)',
    keyOf: (row) => row.createdAt,
  },
  amount_desc: {
    orderBy: (a) => `${a}.total_ttc DESC, ${a}.id DESC`,
    after: '(o.total_ttc, o.id) < (@cursorKey, @cursorId)',
    keyOf: (row) => row.totalTtc,
  },
  amount_asc: {
    orderBy: (a) => `${a}.total_ttc ASC, ${a}.id ASC`,
    after: '(o.total_ttc, o.id) > (@cursorKey, @cursorId)',
    keyOf: (row) => row.totalTtc,
  },
}

/** The opaque page cursor: the sort it belongs to, the last row's sort key and its id. */
export function encodeCursor(sort: OrderSort, key: string | number, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url')
}

export function decodeCursor(cursor: string, sort: OrderSort): Result<{ key: string | number; id: number }> {
  const invalid = err('VALIDATION_FAILED', 'This page cursor is not valid for this list', { fields: ['cursor'] })
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return invalid
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== sort) return invalid
  const [, key, id] = decoded as [unknown, unknown, unknown]
  if (!Number.isSafeInteger(id)) return invalid
  if (sort === 'date_desc' ? typeof key !== 'string' : !Number.isSafeInteger(key)) return invalid
  return ok({ key: key as string | number, id: id as number })
}
