import type { OrderDetail, PaymentAttemptInfo } from '@shared/contract'
import { toOrderInfo } from './order-info'
import { canTransition } from './order-status'
import type { PaymentAttempt, PaymentAttemptRepository } from '../payments'
import type { CustomerRepository } from '../customers'
import type { OrderRepository, OrderRow } from './order-repository'

export interface OrderDetailSources {
  orders: OrderRepository
  customers: CustomerRepository
  attempts: PaymentAttemptRepository
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
export function canVoid(order: OrderRow): boolean {
  return (
    canTransition(order.status, 'voided') &&
    order.captured_amount === 0 &&
    order.payment_attempt_id !== null &&
    (order.payment_method === 'card' || order.payment_method === 'saved_card')
  )
}

export function refundableAmount(order: OrderRow): number {
  return Math.max(0, order.captured_amount - order.refunded_amount)
}

export function canRefund(order: OrderRow): boolean {
  return canTransition(order.status, 'refunded') && refundableAmount(order) > 0
}

export function canMarkShipped(order: OrderRow): boolean {
  return canTransition(order.status, 'shipped')
}

/** The order as the back-office shows it: the till's view plus every attempt and what may be done now. */
export function orderDetail(row: OrderRow, sources: OrderDetailSources, hasShippingNotice: boolean): OrderDetail {
  return {
    ...toOrderInfo(row, sources.orders, sources.customers),
    attempts: sources.attempts.forOrder(row.id).map(toAttemptInfo),
    actions: {
      canVoid: canVoid(row),
      canRefund: canRefund(row),
      refundableAmount: refundableAmount(row),
      canMarkShipped: canMarkShipped(row),
      hasApproval: row.approval_html !== null,
      hasShippingNotice,
    },
  }
}
