import type { VatByRate } from '@shared/contract'
import { SOLD_STATUSES } from '@shared/domain/order-status'
import type { OrderStatus } from './order-status'

/**
 * What the back-office counts as money, defined once: the order list's totals, the dashboard and
 * the VAT report all take their figures through this module, so that they agree for any period.
 *
 * - **Sold**: an order whose payment was authorized, captured or received. That is the statuses
 *   below, refunded orders included (they were sold; their refunds are counted apart). Checkouts
 *   pending, declined or abandoned, and orders voided before capture, are not money.
 * - **Refunded**: what was given back on sold orders (`orders.refunded_amount`), split by VAT
 *   rate in `order_refund_vat` (`refundByRate`), counted on the day of the sale it gives back.
 * - **Net**: sold minus refunded, per rate and in total.
 * - **Training sales** (MODE ÉCOLE) are never money, whatever their status.
 */
export { SOLD_STATUSES } from '@shared/domain/order-status'

/**
 * The SQL condition "this order is a sale", over the orders alias `o`. A training sale (MODE
 * ÉCOLE, `o.training = 1`) is never one: the derived totals' triggers leave it out likewise
 * (migration 023).
 */
export const SOLD_CONDITION = `(o.status IN (${SOLD_STATUSES.map((status) => `'${status}'`).join(', ')}) AND o.training = 0)`

/** The sold statuses among a status filter (an empty filter means every status). */
export function soldStatusesAmong(statuses: readonly string[]): OrderStatus[] {
  return statuses.length === 0 ? [...SOLD_STATUSES] : SOLD_STATUSES.filter((status) => statuses.includes(status))
}

/** The money of a set of orders: sales, refunds on their own, net. */
export interface SalesFigures {
  /** How many of the orders are sales. */
  soldCount: number
  /** TTC of the sales, before refunds. */
  totalTtc: number
  /** TTC refunded on those sales. */
  refundedTtc: number
  /** totalTtc − refundedTtc. */
  netTtc: number
  /** The sales per VAT rate, before refunds, highest rate first. */
  vat: VatByRate[]
  /** The refunds per VAT rate, highest rate first. */
  refundVat: VatByRate[]
  /** Sales minus refunds per VAT rate, highest rate first. */
  netVat: VatByRate[]
}

/** Builds the figures from the sales and the refunds read for the same orders. */
export function salesFigures(sales: { soldCount: number; totalTtc: number }, vat: VatByRate[], refundVat: VatByRate[]): SalesFigures {
  const refundedTtc = refundVat.reduce((sum, rate) => sum + rate.ttc, 0)
  const netTtc = sales.totalTtc - refundedTtc
  return { soldCount: sales.soldCount, totalTtc: sales.totalTtc, refundedTtc, netTtc, vat, refundVat, netVat: netVatByRate(vat, refundVat) }
}

/** Sales per rate minus refunds per rate, highest rate first. */
function netVatByRate(vat: readonly VatByRate[], refundVat: readonly VatByRate[]): VatByRate[] {
  const net = new Map<number, VatByRate>()
  for (const rate of vat) net.set(rate.rateBasisPoints, { ...rate })
  for (const refund of refundVat) {
    const rate = net.get(refund.rateBasisPoints) ?? { rateBasisPoints: refund.rateBasisPoints, ht: 0, vat: 0, ttc: 0 }
    net.set(refund.rateBasisPoints, { ...rate, ht: rate.ht - refund.ht, vat: rate.vat - refund.vat, ttc: rate.ttc - refund.ttc })
  }
  return [...net.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)
}
