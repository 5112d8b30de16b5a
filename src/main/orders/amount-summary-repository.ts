import type { VatByRate } from '@shared/contract'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { rangePieces, type PeriodPiece } from './filter-totals-repository'
import { statusCondition, type FilterSql } from './order-filter-sql'
import { periodTotalsSql } from './period-totals-sql'
import { salesFigures, type SalesFigures } from './sold-orders'

type Params = Record<string, string | number>

/** A range of migration 026's amount keys: `from` inclusive, `to` exclusive (null: open), in units of `divisor` cents. */
export interface AmountPiece {
  divisor: 1 | 100
  from: number
  to: number | null
}

/**
 * Splits the amounts `[min, max]` (cents, both inclusive, undefined open) into whole euros in the
 * middle and the cents at either end: at most 99 cent keys at each end, whatever the range.
 */
export function amountPieces(min: number | undefined, max: number | undefined): AmountPiece[] {
  const low = Math.max(min ?? 0, 0)
  const high = max === undefined ? null : max + 1
  if (high !== null && high <= low) return []
  const euroFrom = Math.ceil(low / 100)
  const euroTo = high === null ? null : Math.floor(high / 100)
  if (euroTo !== null && euroFrom >= euroTo) return [{ divisor: 1, from: low, to: high }]
  return [
    ...(low < euroFrom * 100 ? [{ divisor: 1 as const, from: low, to: euroFrom * 100 }] : []),
    { divisor: 100, from: euroFrom, to: euroTo },
    ...(euroTo !== null && euroTo * 100 < high! ? [{ divisor: 1 as const, from: euroTo * 100, to: high }] : []),
  ]
}

const DAY_MS = 86_400_000

/**
 * The keys of a day or month piece, one by one (a piece of days or months is at most about two
 * months or two years long, see `rangePieces`), so that each key is one seek of the totals' key
 * with its amount range; years stay a range (a handful of keys).
 */
function periodKeys(piece: PeriodPiece): string[] | null {
  if (piece.span === 'year') return null
  const keys: string[] = []
  if (piece.span === 'day') {
    for (let time = Date.parse(`${piece.from}T00:00:00.000Z`); ; time += DAY_MS) {
      const day = new Date(time).toISOString().slice(0, 10)
      if (day >= piece.to) break
      keys.push(day)
    }
    return keys
  }
  let [year, month] = piece.from.split('-').map(Number) as [number, number]
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    if (key >= piece.to) return keys
    keys.push(key)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year += 1
  }
}

/** The filters of `filterSql` these totals carry: dates, amounts and statuses. */
const ANSWERED_PARAMS = new Set(['from', 'to', 'minTotal', 'maxTotal'])
const RANGE_CONDITIONS = new Set(['o.created_at >= @from', 'o.created_at < @to'])

interface RateSums extends VatByRate {
  n: number
  refundHt: number
  refundVat: number
  refundTtc: number
}

/**
 * The order list's summary of an amount range, with statuses and dates, from migration 026's
 * totals per UTC day, month and year and per amount in cents and in euros: each period piece
 * (`rangePieces`) times each amount piece (`amountPieces`) is one range of the totals' key, and
 * the hours between a bound and the nearest UTC midnight come from the orders through the date
 * index, as in `FilterTotalsRepository`. The same figures as the summary read from the orders
 * (the property test compares them).
 */
export class AmountSummaryRepository {
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

  /** Whether these totals answer the filter: an amount, with only dates and statuses beside it, no text. */
  answers(filter: FilterSql): boolean {
    const names = Object.keys(filter.params)
    return (
      filter.text === null &&
      (names.includes('minTotal') || names.includes('maxTotal')) &&
      names.every((name) => ANSWERED_PARAMS.has(name))
    )
  }

  /** The summary, or null when these totals cannot answer the filter (see `answers`). */
  summary(filter: FilterSql): ({ count: number } & SalesFigures) | null {
    if (!this.answers(filter)) return null
    const queries = this.queries(filter)
    if (queries === null) return { count: 0, ...salesFigures({ soldCount: 0, totalTtc: 0 }, [], []) }
    const { count, ...sales } = this.statement(queries.totals).get(queries.params) as { count: number; soldCount: number; totalTtc: number }
    if (sales.soldCount === 0) return { count, ...salesFigures(sales, [], []) }
    const rates = this.statement(queries.byRate).all(queries.params) as RateSums[]
    const vat = rates.filter((rate) => rate.n > 0).map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc }))
    const refundVat = rates
      .filter((rate) => rate.refundTtc !== 0)
      .map(({ rateBasisPoints, refundHt, refundVat, refundTtc }) => ({ rateBasisPoints, ht: refundHt, vat: refundVat, ttc: refundTtc }))
    return { count, ...salesFigures(sales, vat, refundVat) }
  }

  /** The SQL of the two queries and their parameters (null: no order can match); exposed for the plans' test. */
  queries(filter: FilterSql): { totals: string; byRate: string; params: Params } | null {
    const { periods, edges } = rangePieces(filter.params.from as string | undefined, filter.params.to as string | undefined)
    const amounts = amountPieces(filter.params.minTotal as number | undefined, filter.params.maxTotal as number | undefined)
    if (amounts.length === 0 || (periods.length === 0 && edges.length === 0)) return null
    const params: Params = {}
    const totalsStatus = statusCondition(filter.branches, params, { alias: 'f' })
    const ordersConditions = filter.rowConditions.filter((condition) => !RANGE_CONDITIONS.has(condition))
    for (const name of ['minTotal', 'maxTotal']) if (filter.params[name] !== undefined) params[name] = filter.params[name]!
    const ordersStatus = statusCondition(filter.branches, params)
    if (ordersStatus !== null) ordersConditions.push(ordersStatus)
    const totalsWheres: string[] = []
    periods.forEach((piece, p) => {
      const keys = periodKeys(piece)
      let periodCondition: string
      if (keys === null) {
        params[`periodFrom${p}`] = piece.from
        params[`periodTo${p}`] = piece.to
        periodCondition = `f.period >= @periodFrom${p} AND f.period < @periodTo${p}`
      } else {
        params[`periods${p}`] = JSON.stringify(keys)
        periodCondition = `f.period IN (SELECT value FROM json_each(@periods${p}))`
      }
      amounts.forEach((amount, a) => {
        params[`amountFrom${p}_${a}`] = amount.from
        const conditions = [`f.span = '${piece.span}'`, `f.divisor = ${amount.divisor}`, periodCondition, `f.amount >= @amountFrom${p}_${a}`]
        if (amount.to !== null) {
          params[`amountTo${p}_${a}`] = amount.to
          conditions.push(`f.amount < @amountTo${p}_${a}`)
        }
        if (totalsStatus !== null) conditions.push(totalsStatus)
        totalsWheres.push(conditions.join(' AND '))
      })
    })
    const edgeWheres = edges.map((edge, index) => {
      params[`edgeFrom${index}`] = edge.from
      params[`edgeTo${index}`] = edge.to
      return { sign: edge.sign === 1 ? '' : '-', where: [`o.created_at >= @edgeFrom${index}`, `o.created_at < @edgeTo${index}`, ...ordersConditions].join(' AND ') } as const
    })
    const { totals, byRate } = periodTotalsSql({ orders: 'amount_order_totals', vat: 'amount_vat_totals' }, totalsWheres, edgeWheres)
    return { totals, byRate, params }
  }
}
