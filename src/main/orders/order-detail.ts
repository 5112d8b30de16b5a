import type { OrderDetail, PaymentAttemptInfo } from '@shared/contract'
import { toOrderInfo } from './order-info'
import { canTransition } from './order-status'
import type { PaymentAttempt, PaymentService } from '../payments'
import type { CustomerDirectory } from '../customers'
import type { Order } from './order-record'
import type { OrderRepository } from './order-repository'

export interface OrderDetailSources {
  orders: OrderRepository
  customers: CustomerDirectory
  payments: PaymentService
}

function toAttemptInfo(attempt: PaymentAttempt): PaymentAttemptInfo {
  return {
    id: attempt.id,
    attemptNumber: attempt.attemptNumber,
    brand: attempt.brand,
    bin: attempt.bin,
    lastFour: attempt.lastFour,
    entryMode: attempt.entryMode,
    amount: attempt.amount,
    currency: attempt.currency,
    outcome: attempt.outcome,
    responseCode: attempt.responseCode,
    responseMeaning: attempt.responseMeaning,
    authorizationCode: attempt.authorizationCode,
    latencyMs: attempt.latencyMs,
    transport: attempt.transport,
    reversalStatus: attempt.reversalStatus,
    capturedAmount: attempt.capturedAmount,
    refundedAmount: attempt.refundedAmount,
    startedAt: attempt.startedAt,
    answeredAt: attempt.answeredAt,
    reversedAt: attempt.reversedAt,
    capturedAt: attempt.capturedAt,
  }
}

/** A card order not yet captured can be voided: the hold is released, nothing was charged. */
export function canVoid(order: Order): boolean {
  return (
    canTransition(order.status, 'voided') &&
    order.capturedAmount === 0 &&
    order.paymentAttemptId !== null &&
    (order.paymentMethod === 'card' || order.paymentMethod === 'saved_card')
  )
}

export function refundableAmount(order: Order): number {
  return Math.max(0, order.capturedAmount - order.refundedAmount)
}

export function canRefund(order: Order): boolean {
  return canTransition(order.status, 'refunded') && refundableAmount(order) > 0
}

export function canMarkShipped(order: Order): boolean {
  return canTransition(order.status, 'shipped')
}

/** The order as the back-office shows it: the till's view plus every attempt and what may be done now. */
export function orderDetail(order: Order, sources: OrderDetailSources, hasShippingNotice: boolean): OrderDetail {
  return {
    ...toOrderInfo(order, sources.orders, sources.customers),
    attempts: sources.payments.attemptsForOrder(order.id).map(toAttemptInfo),
    actions: {
      canVoid: canVoid(order),
      canRefund: canRefund(order),
      refundableAmount: refundableAmount(order),
      canMarkShipped: canMarkShipped(order),
      hasApproval: order.approvalHtml !== null,
      hasShippingNotice,
    },
  }
}
