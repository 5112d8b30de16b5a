import type { OrderDetail } from '@shared/contract'
import { toDecimalString } from '@shared/money'
import { currencyFromCode } from '@shared/money/currency'
import { err, ok, type Result } from '@shared/contract/result'
import { recordAudit } from '../audit/audit-log'
import type { SqliteDatabase } from '../database/open-database'
import { toOrderInfo } from '../orders/order-info'
import type { OrderStatus } from '../orders/order-status'
import type { PaymentService } from '../payments/payment-service'
import type { OrderRow } from '../repositories/order-repository'
import type { ShopIdentity } from '../services/shop-identity'
import { canMarkShipped, canRefund, canVoid, orderDetail, refundableAmount, type OrderDetailSources } from './order-detail'
import { ShipmentRepository } from './shipment-repository'
import { renderShippingNotice } from './shipping-notice-renderer'

export interface OrderActionDependencies extends OrderDetailSources {
  db: SqliteDatabase
  payments: PaymentService
  shop: () => ShopIdentity
  now: () => Date
}

function invalidTransition(order: OrderRow, action: string): Result<never> {
  return err('INVALID_TRANSITION', `An order ${order.status.replace('_', ' ')} cannot be ${action}`, {
    orderId: order.id,
    status: order.status,
  })
}

function amountText(amount: number, currency: string): string {
  return `${toDecimalString(amount, currencyFromCode(currency).exponent)} ${currency}`
}

/**
 * What an administrator does to an order after the sale: void before capture, refund after it,
 * hand it to a carrier. The issuer is asked first; only its confirmation moves the order, in one
 * transaction with the order event and (for voids and refunds) the audit entry. One action at a
 * time per order: a second click while the first waits for the issuer is answered CONFLICT.
 */
export class OrderActions {
  private readonly busy = new Set<number>()
  readonly shipments: ShipmentRepository

  constructor(private readonly deps: OrderActionDependencies) {
    this.shipments = new ShipmentRepository(deps.db)
  }

  detail(orderId: number): Result<OrderDetail> {
    const row = this.deps.orders.findById(orderId)
    if (!row) return err('NOT_FOUND', 'This order does not exist', { orderId })
    return ok(orderDetail(row, this.deps, this.shipments.find(orderId) !== null))
  }

  private async exclusive(orderId: number, work: (order: OrderRow) => Promise<Result<unknown>>): Promise<Result<OrderDetail>> {
    const order = this.deps.orders.findById(orderId)
    if (!order) return err('NOT_FOUND', 'This order does not exist', { orderId })
    if (this.busy.has(orderId)) return err('CONFLICT', 'Another action on this order is in progress', { orderId })
    this.busy.add(orderId)
    try {
      const done = await work(order)
      if (!done.ok) return done
      return this.detail(orderId)
    } finally {
      this.busy.delete(orderId)
    }
  }

  /** Releases the cardholder's hold through a reversal; the order becomes voided. */
  void(orderId: number, userId: number, reason: string | undefined): Promise<Result<OrderDetail>> {
    return this.exclusive(orderId, async (order) => {
      if (!canVoid(order)) return invalidTransition(order, 'voided')
      const reversed = await this.deps.payments.reverse(order.payment_attempt_id!)
      if (!reversed.ok) return reversed
      if (reversed.value.reversalStatus === 'refused') {
        return err('PAYMENT_UNAVAILABLE', 'The issuer refused the reversal; the order stays as it was')
      }
      const at = this.deps.now().toISOString()
      const note = reversed.value.reversalStatus === 'pending' ? 'reversal sent, awaiting acknowledgement' : null
      this.deps.db.transaction(() => {
        this.deps.orders.transition(order.id, order.status, 'voided', userId, at, [reason, note].filter(Boolean).join(' · ') || null)
        recordAudit(this.deps.db, {
          action: 'order.voided',
          userId,
          subject: `order:${order.number}`,
          details: { orderId: order.id, from: order.status, amount: order.total_ttc, currency: order.currency, reason: reason ?? null },
          at,
        })
      })()
      return ok(null)
    })
  }

  /**
   * Gives back part or all of what was captured (card: the issuer credits the cardholder; cash:
   * the drawer pays out). The order becomes refunded once nothing captured is left.
   */
  refund(orderId: number, amount: number, userId: number, reason: string | undefined): Promise<Result<OrderDetail>> {
    return this.exclusive(orderId, async (order) => {
      if (!canRefund(order)) return invalidTransition(order, 'refunded')
      if (amount > refundableAmount(order)) {
        return err('VALIDATION_FAILED', 'The refund exceeds what was captured and not yet refunded', {
          fields: ['amount'],
          refundable: refundableAmount(order),
        })
      }
      const byCard = order.payment_method === 'card' || order.payment_method === 'saved_card'
      if (byCard) {
        if (order.payment_attempt_id === null) return invalidTransition(order, 'refunded')
        const refunded = await this.deps.payments.refund(order.payment_attempt_id, amount)
        if (!refunded.ok) return refunded
      }
      const at = this.deps.now().toISOString()
      this.deps.db.transaction(() => {
        const current = this.deps.orders.findById(order.id)!
        this.deps.orders.addRefunded(order.id, amount)
        const full = current.refunded_amount + amount >= current.captured_amount
        const to: OrderStatus = full ? 'refunded' : current.status
        const note = `${full ? 'Refund' : 'Partial refund'} ${amountText(amount, order.currency)}${byCard ? '' : ' in cash'}${reason ? ` · ${reason}` : ''}`
        this.deps.orders.transition(order.id, current.status, to, userId, at, note)
        recordAudit(this.deps.db, {
          action: 'order.refunded',
          userId,
          subject: `order:${order.number}`,
          details: { orderId: order.id, amount, currency: order.currency, method: order.payment_method, full, reason: reason ?? null },
          at,
        })
      })()
      return ok(null)
    })
  }

  /** Captures the payment (card) and records the parcel with its notice; the order becomes shipped. */
  markShipped(orderId: number, carrier: string, trackingNumber: string, userId: number): Promise<Result<OrderDetail>> {
    return this.exclusive(orderId, async (order) => {
      if (!canMarkShipped(order)) return invalidTransition(order, 'shipped')
      const byCard = order.payment_method === 'card' || order.payment_method === 'saved_card'
      const toCapture = byCard ? order.total_ttc - order.captured_amount : 0
      if (toCapture > 0) {
        if (order.payment_attempt_id === null) return invalidTransition(order, 'shipped')
        const captured = await this.deps.payments.capture(order.payment_attempt_id, toCapture)
        if (!captured.ok) return captured
      }
      const shippedAt = this.deps.now()
      this.deps.db.transaction(() => {
        if (toCapture > 0) this.deps.orders.addCaptured(order.id, toCapture)
        this.deps.orders.transition(order.id, order.status, 'shipped', userId, shippedAt.toISOString(), `${carrier} ${trackingNumber}`)
        const info = toOrderInfo(this.deps.orders.findById(order.id)!, this.deps.orders, this.deps.customers)
        const html = renderShippingNotice({ order: info, shop: this.deps.shop(), carrier, trackingNumber, shippedAt })
        this.shipments.insert(order.id, carrier, trackingNumber, userId, shippedAt.toISOString(), html)
      })()
      return ok(null)
    })
  }

  /** The stored notice; a generated history's shipments get theirs rendered on first request. */
  shippingNotice(orderId: number): Result<{ html: string }> {
    const shipment = this.shipments.find(orderId)
    const row = this.deps.orders.findById(orderId)
    if (!shipment || !row) return err('NOT_FOUND', 'This order has not been shipped', { orderId })
    if (shipment.notice_html !== '') return ok({ html: shipment.notice_html })
    const html = renderShippingNotice({
      order: toOrderInfo(row, this.deps.orders, this.deps.customers),
      shop: this.deps.shop(),
      carrier: shipment.carrier,
      trackingNumber: shipment.tracking_number,
      shippedAt: new Date(shipment.shipped_at),
    })
    this.shipments.storeNoticeIfMissing(orderId, html)
    return ok({ html })
  }
}
