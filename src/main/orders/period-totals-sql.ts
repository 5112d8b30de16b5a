import { SOLD_CONDITION, SOLD_STATUSES } from './sold-orders'

/** The sold statuses, as a condition on a totals table's row (alias `f`). */
export const SOLD_TOTALS = `f.status IN (${SOLD_STATUSES.map((status) => `'${status}'`).join(', ')})`

/** A piece of a range read from the orders themselves, added (`''`) or taken away (`'-'`). */
export interface OrdersEdge {
  sign: '' | '-'
  where: string
}

/**
 * The count/total and per-rate statements of a summary read from kept totals: one SELECT of the
 * totals tables per period piece (`totalsWheres`, on alias `f`), plus or minus the orders at the
 * range's edges (`edgeWheres`, on alias `o`), all summed. The filter totals (migration 020) and the
 * amount totals (migration 026) share it; only their tables and conditions differ.
 */
export function periodTotalsSql(
  tables: { orders: string; vat: string },
  totalsWheres: string[],
  edgeWheres: OrdersEdge[],
): { totals: string; byRate: string } {
  const union = (fromTotals: (where: string) => string, fromOrders: (where: string, sign: string) => string) =>
    [...totalsWheres.map(fromTotals), ...edgeWheres.map(({ sign, where }) => fromOrders(where, sign))].join('\n UNION ALL ')
  const ORDERS = 'orders o INDEXED BY orders_by_created'
  const totals = `SELECT coalesce(sum(c), 0) AS count, coalesce(sum(s), 0) AS soldCount, coalesce(sum(t), 0) AS totalTtc FROM (${union(
    (where) =>
      `SELECT sum(f.orders) AS c, sum(f.orders) FILTER (WHERE ${SOLD_TOTALS}) AS s, sum(f.total_ttc) FILTER (WHERE ${SOLD_TOTALS}) AS t
           FROM ${tables.orders} f WHERE ${where}`,
    (where, sign) =>
      `SELECT ${sign}count(*) AS c, ${sign}count(*) FILTER (WHERE ${SOLD_CONDITION}) AS s, ${sign}sum(o.total_ttc) FILTER (WHERE ${SOLD_CONDITION}) AS t
           FROM ${ORDERS} WHERE ${where}`,
  )})`
  // Sales and refunds per rate in one pass: `n` counts the VAT rows (a rate is listed among the
  // sales when an order has a row for it, as a GROUP BY over `order_vat` lists it).
  const byRate = `SELECT rate AS rateBasisPoints, sum(n) AS n, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc,
        sum(rht) AS refundHt, sum(rvat) AS refundVat, sum(rttc) AS refundTtc FROM (${union(
          (where) =>
            `SELECT f.rate_basis_points AS rate, f.vat_rows AS n, f.ht AS ht, f.vat AS vat, f.ttc AS ttc,
               f.refund_ht AS rht, f.refund_vat AS rvat, f.refund_ttc AS rttc FROM ${tables.vat} f WHERE ${where} AND ${SOLD_TOTALS}`,
          (where, sign) =>
            `SELECT v.rate_basis_points AS rate, ${sign}1 AS n, ${sign}v.ht AS ht, ${sign}v.vat AS vat, ${sign}v.ttc AS ttc, 0 AS rht, 0 AS rvat, 0 AS rttc
               FROM ${ORDERS} JOIN order_vat v ON v.order_id = o.id WHERE ${where} AND ${SOLD_CONDITION}
             UNION ALL SELECT r.rate_basis_points, 0, 0, 0, 0, ${sign}r.ht, ${sign}r.vat, ${sign}r.ttc
               FROM ${ORDERS} JOIN order_refund_vat r ON r.order_id = o.id WHERE ${where} AND ${SOLD_CONDITION}`,
        )}) GROUP BY rate ORDER BY rate DESC`
  return { totals, byRate }
}
