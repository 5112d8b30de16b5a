import type { VatByRate } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { statusCondition, type FilterSql } from './order-filter-sql'
import { periodTotalsSql, SOLD_TOTALS } from './period-totals-sql'
import { salesFigures, SOLD_CONDITION, type SalesFigures } from './sold-orders'

type Params = Record<string, string | number>

/** Sales and refunds of one VAT rate; `n` counts the VAT rows. */
interface RateSums extends VatByRate {
  n: number
  refundHt: number
  refundVat: number
  refundTtc: number
}

/** A range of one span of migration 020's totals: `from` inclusive, `to` exclusive ('' and '~' open). */
export interface PeriodPiece {
  span: Span
  from: string
  to: string
}

type Span = 'day' | 'month' | 'year'

/** How a range of instants is read: whole UTC years, months and days from the totals, the rest from the orders. */
export interface RangePieces {
  periods: PeriodPiece[]
  /**
   * Ranges of `created_at` (`from` inclusive, `to` exclusive) read from the orders themselves,
   * added (`sign` 1) or taken out (-1): each bound is rounded to the nearest UTC midnight, so
   * that a Paris day (22:00 or 23:00 UTC to the same the next day) is a UTC day's totals and an
   * hour of orders on either side, never a whole day of orders.
   */
  edges: Array<{ from: string; to: string; sign: 1 | -1 }>
}

const DAY_MS = 86_400_000
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)
/** Each span's coarser span: its key's length, and the key after a given one. */
const COARSER: Readonly<Record<Span, { span: Span; length: number; next: (key: string) => string } | null>> = {
  day: {
    span: 'month',
    length: 7,
    next: (month) => {
      const [year, number] = month.split('-').map(Number) as [number, number]
      return number === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(number + 1).padStart(2, '0')}`
    },
  },
  month: { span: 'year', length: 4, next: (year) => String(Number(year) + 1).padStart(4, '0') },
  year: null,
}
/** A bound at a UTC midnight: a bare day (as `filterSql` keeps them in UTC) or a midnight instant. */
const atMidnight = (bound: string) => bound.length === 10 || bound.slice(10) === 'T00:00:00.000Z'

/**
 * The periods of `span` from `from` to `to` (null: open), as whole periods of the coarser spans
 * in the middle and of this one at the ends. A day or a month is the first of its month or year
 * when it ends in `-01`, and a month or a year starts at its key followed by `-01`.
 */
function periodPieces(span: Span, from: string | null, to: string | null): PeriodPiece[] {
  const whole = (from ?? '') < (to ?? '~') ? [{ span, from: from ?? '', to: to ?? '~' }] : []
  const coarser = COARSER[span]
  if (coarser === null) return whole
  const coarserFrom = from === null ? null : from.endsWith('-01') ? from.slice(0, coarser.length) : coarser.next(from.slice(0, coarser.length))
  const coarserTo = to === null ? null : to.slice(0, coarser.length)
  if ((coarserFrom ?? '') >= (coarserTo ?? '~')) return whole
  const head = from !== null && from < `${coarserFrom}-01` ? [{ span, from, to: `${coarserFrom}-01` }] : []
  const tail = to !== null && `${coarserTo}-01` < to ? [{ span, from: `${coarserTo}-01`, to }] : []
  return [...head, ...periodPieces(coarser.span, coarserFrom, coarserTo), ...tail]
}

/**
 * Splits `[from, to)` (bounds as `filterSql` normalizes them: bare UTC days or `toISOString()`
 * instants; undefined is open) into whole UTC years, months and days, and the less-than-a-day at
 * either end, which the orders answer.
 */
export function rangePieces(from: string | undefined, to: string | undefined): RangePieces {
  const nearestDay = (bound: string) => (atMidnight(bound) || bound.slice(11, 13) < '12' ? bound.slice(0, 10) : nextDay(bound.slice(0, 10)))
  const dayFrom = from === undefined ? null : nearestDay(from)
  const dayTo = to === undefined ? null : nearestDay(to)
  if (from !== undefined && to !== undefined && (from >= to || dayFrom! >= dayTo!)) {
    // Within a day (or empty): the orders alone.
    return { periods: [], edges: from < to ? [{ from, to, sign: 1 }] : [] }
  }
  const edges: RangePieces['edges'] = []
  if (from !== undefined && from !== dayFrom && !atMidnight(from)) {
    edges.push(dayFrom! > from ? { from, to: dayFrom!, sign: 1 } : { from: dayFrom!, to: from, sign: -1 })
  }
  if (to !== undefined && to !== dayTo && !atMidnight(to)) {
    edges.push(dayTo! < to ? { from: dayTo!, to, sign: 1 } : { from: to, to: dayTo!, sign: -1 })
  }
  return { periods: periodPieces('day', dayFrom, dayTo), edges }
}

/**
 * The SQL of the sales per cashier (count, TTC, refunded) of sold orders created in `[start, end)`
 * (instants), from migration 020's totals and the orders at the edges as `rangePieces` splits
 * the range: one row per cashier with a sale (`cashierId`, `orders`, `totalTtc`, `refundedTtc`).
 * Refunds are the sums of `order_refund_vat`, which is `refunded_amount`, as the daily tables
 * hold them. Null for an empty range.
 */
export function cashierSalesSql(start: string, end: string): { sql: string; params: Params } | null {
  const { periods, edges } = rangePieces(start, end)
  const params: Params = {}
  const parts: string[] = []
  periods.forEach((piece, index) => {
    params[`periodFrom${index}`] = piece.from
    params[`periodTo${index}`] = piece.to
    const where = `f.span = '${piece.span}' AND f.period >= @periodFrom${index} AND f.period < @periodTo${index} AND ${SOLD_TOTALS}`
    parts.push(`SELECT f.cashier_id AS cashier, sum(f.orders) AS orders, sum(f.total_ttc) AS ttc, 0 AS refunded
                  FROM filter_order_totals f WHERE ${where} GROUP BY f.cashier_id`)
    parts.push(`SELECT f.cashier_id, 0, 0, sum(f.refund_ttc) FROM filter_vat_totals f WHERE ${where} GROUP BY f.cashier_id`)
  })
  edges.forEach((edge, index) => {
    params[`edgeFrom${index}`] = edge.from
    params[`edgeTo${index}`] = edge.to
    const sign = edge.sign === 1 ? '' : '-'
    // Migration 017's index carries the cashier, the amount and the refunds: no row is read.
    parts.push(`SELECT o.cashier_id, ${sign}count(*), ${sign}sum(o.total_ttc), ${sign}sum(o.refunded_amount)
                  FROM orders o INDEXED BY orders_by_created_sales
                 WHERE o.created_at >= @edgeFrom${index} AND o.created_at < @edgeTo${index} AND ${SOLD_CONDITION} GROUP BY o.cashier_id`)
  })
  if (parts.length === 0) return null
  return {
    sql: `SELECT cashier AS cashierId, sum(orders) AS orders, sum(ttc) AS totalTtc, sum(refunded) AS refundedTtc
            FROM (${parts.join('\n UNION ALL ')}) GROUP BY cashier HAVING sum(orders) <> 0`,
    params,
  }
}

/** Each filter of `filterSql` that migration 020's totals carry, as the column it is tested on. */
const TOTALS_COLUMNS: Readonly<Record<string, string>> = {
  cashierId: 'cashier_id',
  tillId: 'till_id',
  paymentMethod: 'payment_method',
  cardBrand: 'card_brand',
  declineCode: 'decline_code',
}
const RANGE_PARAMS = new Set(['from', 'to'])
/** The conditions of `filterSql` over the dates, which the pieces replace. */
const RANGE_CONDITIONS = new Set(['o.created_at >= @from', 'o.created_at < @to'])


/**
 * The order list's summary from migration 020's totals per UTC day and month, status, cashier,
 * till, payment method, card brand and decline code: any filter but a text or an amount. A year
 * reads its year's rows, or its months' and the days at their ends; the hours between a bound and
 * the nearest UTC midnight (a shop day in Paris starts at 22:00 or 23:00 UTC) are read from the
 * orders through the date index, added or taken out.
 * The same figures as the summary read from the orders (the property test compares them).
 */
export class FilterTotalsRepository {
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

  /** Whether the totals answer this filter: no text, no amount. */
  answers(filter: FilterSql): boolean {
    return filter.text === null && Object.keys(filter.params).every((name) => RANGE_PARAMS.has(name) || name in TOTALS_COLUMNS)
  }

  /** The summary, or null when the totals cannot answer the filter (see `answers`). */
  summary(filter: FilterSql): ({ count: number } & SalesFigures) | null {
    if (!this.answers(filter)) return null
    const pieces = rangePieces(filter.params.from as string | undefined, filter.params.to as string | undefined)
    if (pieces.periods.length === 0 && pieces.edges.length === 0) return { count: 0, ...salesFigures({ soldCount: 0, totalTtc: 0 }, [], []) }
    const queries = this.queries(filter)
    const totals = this.statement(queries.totals).get(queries.params) as { count: number; soldCount: number; totalTtc: number }
    const { count, ...sales } = totals
    if (sales.soldCount === 0) return { count, ...salesFigures(sales, [], []) }
    const rates = this.statement(queries.byRate).all(queries.params) as Array<RateSums>
    const vat = rates.filter((rate) => rate.n > 0).map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc }))
    const refundVat = rates
      .filter((rate) => rate.refundTtc !== 0)
      .map(({ rateBasisPoints, refundHt, refundVat, refundTtc }) => ({ rateBasisPoints, ht: refundHt, vat: refundVat, ttc: refundTtc }))
    return { count, ...salesFigures(sales, vat, refundVat) }
  }

  /**
   * How many orders match the filter's dates, statuses, cashier, till, method, brand and decline
   * code, its text and amounts left out: more than match the whole filter, so none means none.
   * A few milliseconds at most (the totals' year rows for all time).
   */
  countWithoutTextOrAmount(filter: FilterSql): number {
    const params: Params = {}
    for (const name of Object.keys(filter.params)) if (RANGE_PARAMS.has(name) || name in TOTALS_COLUMNS) params[name] = filter.params[name]!
    const wider: FilterSql = { ...filter, text: null, params }
    const pieces = rangePieces(params.from as string | undefined, params.to as string | undefined)
    if (pieces.periods.length === 0 && pieces.edges.length === 0) return 0
    const queries = this.queries({ ...wider, rowConditions: wider.rowConditions.filter((condition) => !/^o\.total_ttc [<>]/.test(condition)) })
    return (this.statement(queries.totals).get(queries.params) as { count: number }).count
  }

  /** The SQL of the three queries and their parameters; exposed for the plans' test. */
  queries(filter: FilterSql): { totals: string; byRate: string; params: Params } {
    const params: Params = {}
    const { periods, edges } = rangePieces(filter.params.from as string | undefined, filter.params.to as string | undefined)
    const totalsConditions: string[] = []
    for (const [name, value] of Object.entries(filter.params)) {
      const column = TOTALS_COLUMNS[name]
      if (column === undefined) continue
      totalsConditions.push(`f.${column} = @${name}`)
      params[name] = value
    }
    const totalsStatus = statusCondition(filter.branches, params, { alias: 'f' })
    if (totalsStatus !== null) totalsConditions.push(totalsStatus)
    const ordersConditions = filter.rowConditions.filter((condition) => !RANGE_CONDITIONS.has(condition))
    const ordersStatus = statusCondition(filter.branches, params)
    if (ordersStatus !== null) ordersConditions.push(ordersStatus)
    const periodWheres = periods.map((piece, index) => {
      params[`periodFrom${index}`] = piece.from
      params[`periodTo${index}`] = piece.to
      return ['f.span = ' + `'${piece.span}'`, `f.period >= @periodFrom${index}`, `f.period < @periodTo${index}`, ...totalsConditions]
    })
    const edgeWheres = edges.map((edge, index) => {
      params[`edgeFrom${index}`] = edge.from
      params[`edgeTo${index}`] = edge.to
      return { sign: edge.sign, where: [`o.created_at >= @edgeFrom${index}`, `o.created_at < @edgeTo${index}`, ...ordersConditions] }
    })
    const { totals, byRate } = periodTotalsSql(
      { orders: 'filter_order_totals', vat: 'filter_vat_totals' },
      periodWheres.map((where) => where.join(' AND ')),
      edgeWheres.map(({ sign, where }) => ({ sign: sign === 1 ? '' : '-', where: where.join(' AND ') })),
    )
    return {
      totals,
      byRate,
      params,
    }
  }
}
