import type { VatByRate } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { splitRange, type InstantRange } from './dashboard-repository'
import { salesFigures, type SalesFigures } from './sold-orders'

type Params = ReturnType<typeof splitRange> & { statuses: string; sold: string }

/**
 * The order list's summary over the shop's days (any time zone) when the only filters are
 * statuses: the range's whole UTC days from the daily tables (005, 008), the hours on either side
 * from migration 018's quarter-hour totals (counts, TTC) and from the orders through 017's index
 * (VAT and refunds per rate). The same figures as over the orders, a few hundred rows a month.
 */
export class ShopDayTotalsRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    const inList = (column: string, name: 'statuses' | 'sold') => `${column} IN (SELECT value FROM json_each(@${name}))`
    const days = (status: 'statuses' | 'sold') => `d.day >= @dayFrom AND d.day < @dayTo AND ${inList('d.status', status)}`
    const quarterEdges = (select: string) =>
      [
        ['@quarterFrom', '@headQuarter'],
        ['@tailQuarter', '@quarterTo'],
      ]
        .map(([from, to]) => `SELECT ${select} FROM quarter_order_totals q WHERE q.quarter >= ${from} AND q.quarter < ${to} AND ${inList('q.status', 'statuses')}`)
        .join(' UNION ALL ')
    const orderEdges = (select: string, join: string) =>
      [
        ['@start', '@headEnd'],
        ['@tailStart', '@end'],
      ]
        .map(
          ([from, to]) =>
            `SELECT ${select} FROM orders o INDEXED BY orders_by_created_sales ${join}
              WHERE o.created_at >= ${from} AND o.created_at < ${to} AND ${inList('o.status', 'sold')} AND o.training = 0`,
        )
        .join(' UNION ALL ')
    const byRate = (table: string, join: string) =>
      db.prepare<Params, VatByRate>(
        `SELECT rate_basis_points AS rateBasisPoints, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc
           FROM (SELECT d.rate_basis_points, d.ht, d.vat, d.ttc FROM ${table} d WHERE ${days('sold')}
                 UNION ALL ${orderEdges('v.rate_basis_points, v.ht, v.vat, v.ttc', join)})
          GROUP BY rate_basis_points HAVING sum(ttc) <> 0 OR sum(vat) <> 0 ORDER BY rate_basis_points DESC`,
      )
    const sums = (alias: string) =>
      `sum(${alias}.orders) AS c, coalesce(sum(${alias}.orders) FILTER (WHERE ${inList(`${alias}.status`, 'sold')}), 0) AS s,
       coalesce(sum(${alias}.total_ttc) FILTER (WHERE ${inList(`${alias}.status`, 'sold')}), 0) AS t`
    this.statements = {
      totals: db.prepare<Params, { count: number; soldCount: number; totalTtc: number }>(
        `SELECT coalesce(sum(c), 0) AS count, coalesce(sum(s), 0) AS soldCount, coalesce(sum(t), 0) AS totalTtc
           FROM (SELECT ${sums('d')} FROM daily_order_totals d WHERE ${days('statuses')}
                 UNION ALL ${quarterEdges(sums('q'))})`,
      ),
      vat: byRate('daily_vat_totals', 'JOIN order_vat v ON v.order_id = o.id'),
      refundVat: byRate('daily_refund_totals', 'JOIN order_refund_vat v ON v.order_id = o.id'),
    }
  }

  /** How many orders of `statuses` in the range, and the money of those of `soldStatuses`. */
  summary(range: InstantRange, statuses: readonly string[], soldStatuses: readonly string[]): { count: number } & SalesFigures {
    const params: Params = { ...splitRange(range), statuses: JSON.stringify(statuses), sold: JSON.stringify(soldStatuses) }
    const { count, ...sales } = this.statements.totals.get(params)!
    return { count, ...salesFigures(sales, this.statements.vat.all(params), this.statements.refundVat.all(params)) }
  }
}
