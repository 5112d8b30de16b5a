import type { OrderInfo } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { crashSafeTransaction } from '../../platform/sqlite/crash-safe-transaction'
import type { CustomerDirectory } from '../customers'
import type { NewEntitlement } from '../fulfilment'
import { toOrderInfo } from './order-info'
import type { CardPaymentRecord, Entitlement, Order } from './order-record'
import type { NewOrder, OrderRepository } from './order-repository'
import type { OrderStatus } from './order-status'

/** How an order was paid: an approved card authorization, or cash with its change. */
export type OrderSettlement =
  | { kind: 'card'; payment: CardPaymentRecord }
  | { kind: 'cash'; tendered: number; changeDue: number }

/** A refused card payment as the order keeps it: the code and the card it was tried with. */
export interface OrderDecline {
  code: string
  brand: string
  lastFour: string | null
  masked: string | null
}

export interface OrderServiceDependencies {
  db: SqliteDatabase
  orders: OrderRepository
  customers: CustomerDirectory
}

/**
 * What the other features do to orders, through the orders' face: checkout opens an order, records
 * its decline or its payment and completes it; reconciliation moves its figures and its status.
 * The repository stays inside the feature. A write of several rows runs in one transaction, a
 * savepoint of the caller's when it has one (a sale's completion also clears the cart and writes
 * the capture owed, so checkout's transaction holds it all).
 */
export class OrderService {
  constructor(private readonly deps: OrderServiceDependencies) {}

  findById(orderId: number): Order | null {
    return this.deps.orders.findById(orderId)
  }

  /** Goods under the legal guarantee of conformity in this order: its ticket is printed without asking. */
  underLegalGuarantee(orderId: number): boolean {
    return this.deps.orders.underLegalGuarantee(orderId)
  }

  /** The order as screens see it: the frozen quote with its customer, events, goods and parcel. */
  info(orderId: number): OrderInfo | null {
    const order = this.deps.orders.findById(orderId)
    return order ? toOrderInfo(order, this.deps.orders, this.deps.customers) : null
  }

  entitlementByToken(token: string): Entitlement | null {
    return this.deps.orders.entitlementByToken(token)
  }

  /**
   * Freezes a priced cart into an order awaiting payment, without a number yet. The till's orders
   * still awaiting payment are abandoned, replaced by it: only one is live at a time. Safe from an
   * app crash, not synced on its own: nothing is sold or sent to the issuer yet, and the payment
   * attempt's durable commit syncs it before the card's request leaves.
   */
  openCheckout(order: NewOrder): number {
    const { db, orders } = this.deps
    return crashSafeTransaction(db, () => {
      for (const open of orders.openOrdersOfTill(order.tillId)) {
        orders.transition(open.id, open.status, 'abandoned', order.cashierId, order.at, 'Replaced by a new checkout')
      }
      return orders.create(order)
    })
  }

  /** Moves the order and records who did it; the caller has checked the transition. */
  transition(orderId: number, from: OrderStatus, to: OrderStatus, userId: number | null, at: string, note: string | null = null): void {
    this.deps.orders.transition(orderId, from, to, userId, at, note)
  }

  /** Records a refused card payment: the order keeps the code and the card, and is declined. */
  recordDecline(orderId: number, decline: OrderDecline, userId: number, at: string): void {
    const { db, orders } = this.deps
    db.transaction(() => {
      orders.recordDecline(orderId, decline.code, decline.brand, decline.lastFour, decline.masked, at)
      orders.transition(orderId, orders.findById(orderId)!.status, 'declined', userId, at, decline.code)
    })()
  }

  /**
   * Records the payment of an order awaiting it (`from`, its current status): its number, taken
   * now so that the paid sales follow each other without gaps; the payment; the move to authorized
   * (card) or paid (cash), then on to awaiting shipment or delivered. Cash is captured at once.
   * Call it in the sale's transaction: a rollback gives the number back.
   */
  recordPayment(order: Order, from: OrderStatus, settlement: OrderSettlement, ships: boolean, userId: number | null, at: string): void {
    const { db, orders } = this.deps
    db.transaction(() => {
      const paidStatus: OrderStatus = settlement.kind === 'card' ? 'authorized' : 'paid'
      orders.assignNumber(order.id, at)
      if (settlement.kind === 'card') orders.recordCardPayment(order.id, settlement.payment, at)
      else orders.recordCashPayment(order.id, settlement.tendered, settlement.changeDue, at)
      orders.transition(order.id, from, paidStatus, userId, at)
      orders.transition(order.id, paidStatus, ships ? 'awaiting_shipment' : 'delivered', userId, at)
      if (settlement.kind === 'cash') orders.addCaptured(order.id, order.totalTtc)
    })()
  }

  /** The order's digital lines, in cart order: what fulfilment issues entitlements for. */
  digitalLines(orderId: number): Array<{ productId: number; quantity: number }> {
    return this.deps.orders.digitalLines(orderId)
  }

  addEntitlements(entitlements: readonly NewEntitlement[], at: string): void {
    for (const entitlement of entitlements) this.deps.orders.addEntitlement(entitlement, at)
  }

  /** Stores the approval document once; it is never regenerated. */
  storeApproval(orderId: number, html: string): void {
    this.deps.orders.storeApproval(orderId, html)
  }

  /** A capture the issuer acknowledged (or cash taken) counts on the order. */
  addCaptured(orderId: number, amount: number): void {
    this.deps.orders.addCaptured(orderId, amount)
  }

  /** A refund counts on the order, with its split per VAT rate. */
  addRefunded(orderId: number, amount: number): void {
    this.deps.db.transaction(() => this.deps.orders.addRefunded(orderId, amount))()
  }
}
