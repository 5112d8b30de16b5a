/**
 * Migration 020's filter totals beside the GROUP BY over the orders (and their VAT and refund
 * rows) they sum, for the property test and the bulk load's test.
 */
const SOLD = "('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')"
const PERIODS = (select: string, from: string) =>
  `SELECT 'day' AS span, substr(o.created_at, 1, 10) AS period, ${select} FROM ${from}
   UNION ALL SELECT 'month', substr(o.created_at, 1, 7), ${select} FROM ${from}
   UNION ALL SELECT 'year', substr(o.created_at, 1, 4), ${select} FROM ${from}`
export const ORDER_TABLE = `SELECT span, period, status, cashier_id, till_id, payment_method, card_brand, decline_code, orders, total_ttc
  FROM filter_order_totals WHERE orders <> 0 OR total_ttc <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`
export const ORDER_TRUTH = `SELECT span, period, k1, k2, k3, k4, k5, k6, count(*), sum(ttc) FROM (${PERIODS(
  `o.status AS k1, o.cashier_id AS k2, o.till_id AS k3, coalesce(o.payment_method, '') AS k4, coalesce(o.card_brand, '') AS k5,
   coalesce(o.last_decline_code, '') AS k6, o.total_ttc AS ttc`,
  'orders o',
)}) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`
export const VAT_TABLE = `SELECT span, period, status, cashier_id, till_id, payment_method, card_brand, decline_code, rate_basis_points,
    vat_rows, ht, vat, ttc, refund_ht, refund_vat, refund_ttc FROM filter_vat_totals
  WHERE vat_rows <> 0 OR ht <> 0 OR vat <> 0 OR ttc <> 0 OR refund_ht <> 0 OR refund_vat <> 0 OR refund_ttc <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`
const KEYED = `o.status AS k1, o.cashier_id AS k2, o.till_id AS k3, coalesce(o.payment_method, '') AS k4, coalesce(o.card_brand, '') AS k5,
   coalesce(o.last_decline_code, '') AS k6`
export const VAT_TRUTH = `SELECT span, period, k1, k2, k3, k4, k5, k6, rate, sum(n), sum(ht), sum(vat), sum(ttc), sum(rht), sum(rvat), sum(rttc) FROM (
    ${PERIODS(`${KEYED}, v.rate_basis_points AS rate, 1 AS n, v.ht, v.vat, v.ttc, 0 AS rht, 0 AS rvat, 0 AS rttc`, `order_vat v JOIN orders o ON o.id = v.order_id AND o.status IN ${SOLD}`)}
    UNION ALL ${PERIODS(`${KEYED}, r.rate_basis_points, 0, 0, 0, 0, r.ht, r.vat, r.ttc`, `order_refund_vat r JOIN orders o ON o.id = r.order_id AND o.status IN ${SOLD}`)})
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(n) <> 0 OR sum(ht) <> 0 OR sum(vat) <> 0 OR sum(ttc) <> 0 OR sum(rht) <> 0 OR sum(rvat) <> 0 OR sum(rttc) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`
