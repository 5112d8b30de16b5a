import type { OrderDetail } from '@shared/contract'
import { freeRefund, parseRefundNote, priceRefundItems, refundNote, type RefundItemsRequest, type RefundRecord } from '@shared/orders/refund-items'
import { err, ok, type Result } from '@shared/contract/result'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { toOrderInfo } from './order-info'
import type { OrderStatus } from './order-status'
import type { PaymentService } from '../payments'
import type { Order } from './order-record'
import type { ShopIdentity } from '../settings'
import { canMarkShipped, canRefund, canVoid, orderDetail, refundableAmount, type OrderDetailSources } from './order-detail'
import { ShipmentRepository } from './shipment-repository'
import { renderShippingNotice } from '../documents'
import type { SaleRecords } from '../fiscal'

export interface OrderActionDependencies extends OrderDetailSources {
  db: SqliteDatabase
  payments: PaymentService
  shop: () => ShopIdentity
  now: () => Date
  /** The fiscal journal: a cancellation record for a void, a credit note for a refund, in their transaction. */
  fiscal?: SaleRecords
  /**
   * The till's cash session: cash paid back leaves the drawer, so only while the session is open
   * (its expected cash counts the refund; a closing count in progress or a closed till cannot).
   */
  cashDrawer?: { requireOpen(): Result<null, 'CASH_SESSION_NOT_OPEN'> }
}

function invalidTransition(order: Order, action: string): Result<never> {
  return err('INVALID_TRANSITION', `An order ${order.status.replace('_', ' ')} cannot be ${action}`, {
    orderId: order.id,
    status: order.status,
  })
}

/** What is refunded: items by name, or a free amount. */
export type RefundRequest = { items: RefundItemsRequest } | { amount: number }

const ITEM_PROBLEMS = {
  'unknown-line': 'This line is not on the order',
  'too-many': 'More units than are left to refund on this line',
  'delivery-refunded': 'The delivery was already refunded',
  'no-delivery': 'This order has no delivery fee',
  empty: 'Nothing to refund was chosen',
} as const

/**
 * What an administrator does to an order after the sale: void before capture, refund after it,
 * hand it to a carrier. The order's change, its event, the audit entry and the money step owed to
 * the issuer (reversal, refund, capture) are written in one transaction, then the step is sent
 * and retried until the issuer acknowledges it; the order's figures and the attempt's move
 * together on that acknowledgement. A refusal goes to the "to reconcile" list. One action at a
 * time per order: a second click while the first waits for the issuer is answered CONFLICT.
 */
export class OrderActions {
  private readonly busy = new Set<number>()
  readonly shipments: ShipmentRepository

  constructor(private readonly deps: OrderActionDependencies) {
    this.shipments = new ShipmentRepository(deps.db)
  }

  detail(orderId: number): Result<OrderDetail> {
    const order = this.deps.orders.findById(orderId)
    if (!order) return err('NOT_FOUND', 'This order does not exist', { orderId })
    return ok(orderDetail(order, this.deps, this.shipments.find(orderId) !== null))
  }

  private async exclusive(orderId: number, work: (order: Order) => Promise<Result<unknown>>): Promise<Result<OrderDetail>> {
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
      const attempt = this.deps.payments.attempt(order.paymentAttemptId!)
      if (!attempt || this.deps.payments.pendingAmount(attempt.id, 'capture') > 0) return invalidTransition(order, 'voided')
      const at = this.deps.now().toISOString()
      const step = this.deps.db.transaction(() => {
        this.deps.orders.transition(order.id, order.status, 'voided', userId, at, reason || null)
        this.deps.fiscal?.cancellation(order, userId, reason || null, new Date(at))
        recordAudit(this.deps.db, {
          action: 'order.voided',
          userId,
          subject: `order:${order.number}`,
          details: { orderId: order.id, from: order.status, amount: order.totalTtc, currency: order.currency, reason: reason ?? null },
          at,
        })
        return this.deps.payments.queueStep(attempt.id, 'reversal', attempt.amount, order.id)
      })()
      await this.deps.payments.sendStep(step.id)
      return ok(null)
    })
  }

  /**
   * Gives back part or all of what was captured (card: the issuer credits the cardholder; cash:
   * the drawer pays out). The order becomes refunded once nothing captured is left.
   */
  refund(orderId: number, request: RefundRequest, userId: number, reason: string | undefined): Promise<Result<OrderDetail>> {
    return this.exclusive(orderId, async (order) => {
      const earlier = this.deps.orders
        .events(order.id)
        .map((event) => parseRefundNote(event.note))
        .filter((record): record is RefundRecord => record !== null)
      let priced: Omit<RefundRecord, 'method' | 'reason'>
      if ('items' in request) {
        const items = priceRefundItems(order.quote, request.items, earlier)
        if (!items.ok) {
          return err('VALIDATION_FAILED', ITEM_PROBLEMS[items.error.problem], { fields: ['items'], ...items.error })
        }
        priced = items.value
      } else priced = freeRefund(order.quote, request.amount)
      const amount = priced.amount
      if (!canRefund(order)) return invalidTransition(order, 'refunded')
      const byCard = order.paymentMethod === 'card' || order.paymentMethod === 'saved_card'
      if (byCard && order.paymentAttemptId === null) return invalidTransition(order, 'refunded')
      if (!byCard) {
        const drawer = this.deps.cashDrawer?.requireOpen()
        if (drawer && !drawer.ok) return drawer
      }
      // Refunds sent and not yet acknowledged are already spoken for.
      const inFlight = byCard ? this.deps.payments.pendingAmount(order.paymentAttemptId!, 'refund') : 0
      const refundable = refundableAmount(order) - inFlight
      if (amount > refundable) {
        return err('VALIDATION_FAILED', 'The refund exceeds what was captured and not yet refunded', {
          fields: ['amount'],
          refundable,
        })
      }
      const at = this.deps.now().toISOString()
      const step = this.deps.db.transaction(() => {
        const current = this.deps.orders.findById(order.id)!
        const full = current.refundedAmount + inFlight + amount >= current.capturedAmount
        const to: OrderStatus = full ? 'refunded' : current.status
        const note = refundNote({ ...priced, method: byCard ? 'card' : 'cash', reason: reason || null })
        this.deps.orders.transition(order.id, current.status, to, userId, at, note)
        this.deps.fiscal?.creditNote(current, { ...priced, method: byCard ? 'card' : 'cash', reason: reason || null }, userId, new Date(at))
        // Cash leaves the drawer now; a card refund counts on the order when the issuer acknowledges
        // it. Either way after the note, whose named items split the refund's VAT.
        if (!byCard) this.deps.orders.addRefunded(order.id, amount)
        recordAudit(this.deps.db, {
          action: 'order.refunded',
          userId,
          subject: `order:${order.number}`,
          details: {
            orderId: order.id,
            amount,
            currency: order.currency,
            method: order.paymentMethod,
            full,
            lines: priced.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
            delivery: priced.delivery,
            reason: reason ?? null,
          },
          at,
        })
        return byCard ? this.deps.payments.queueStep(order.paymentAttemptId!, 'refund', amount, order.id) : null
      })()
      if (step) await this.deps.payments.sendStep(step.id)
      return ok(null)
    })
  }

  /** Captures the payment (card) and records the parcel with its notice; the order becomes shipped. */
  markShipped(orderId: number, carrier: string, trackingNumber: string, userId: number): Promise<Result<OrderDetail>> {
    return this.exclusive(orderId, async (order) => {
      if (!canMarkShipped(order)) return invalidTransition(order, 'shipped')
      const byCard = order.paymentMethod === 'card' || order.paymentMethod === 'saved_card'
      const inFlight = byCard && order.paymentAttemptId !== null ? this.deps.payments.pendingAmount(order.paymentAttemptId, 'capture') : 0
      const toCapture = byCard ? order.totalTtc - order.capturedAmount - inFlight : 0
      if (toCapture > 0 && order.paymentAttemptId === null) return invalidTransition(order, 'shipped')
      const shippedAt = this.deps.now()
      const step = this.deps.db.transaction(() => {
        this.deps.orders.transition(order.id, order.status, 'shipped', userId, shippedAt.toISOString(), `${carrier} ${trackingNumber}`)
        const info = toOrderInfo(this.deps.orders.findById(order.id)!, this.deps.orders, this.deps.customers)
        const html = renderShippingNotice({ order: info, shop: this.deps.shop(), carrier, trackingNumber, shippedAt })
        this.shipments.insert(order.id, carrier, trackingNumber, userId, shippedAt.toISOString(), html)
        return toCapture > 0 ? this.deps.payments.queueStep(order.paymentAttemptId!, 'capture', toCapture, order.id) : null
      })()
      if (step) await this.deps.payments.sendStep(step.id)
      return ok(null)
    })
  }

  /** The stored notice; a generated history's shipments get theirs rendered on first request. */
  shippingNotice(orderId: number): Result<{ html: string }> {
    const shipment = this.shipments.find(orderId)
    const order = this.deps.orders.findById(orderId)
    if (!shipment || !order) return err('NOT_FOUND', 'This order has not been shipped', { orderId })
    if (shipment.noticeHtml !== '') return ok({ html: shipment.noticeHtml })
    const html = renderShippingNotice({
      order: toOrderInfo(order, this.deps.orders, this.deps.customers),
      shop: this.deps.shop(),
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      shippedAt: new Date(shipment.shippedAt),
    })
    this.shipments.storeNoticeIfMissing(orderId, html)
    return ok({ html })
  }
}
