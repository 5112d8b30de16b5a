import { maskFromParts } from '@shared/cards/card-display'
import type { Logger } from '../logging/logger'
import type { PaymentAttemptRepository } from '../payments/payment-attempt-repository'
import type { PaymentService } from '../payments/payment-service'
import type { OrderRepository, OrderRow } from '../repositories/order-repository'
import type { OrderCompletion } from './order-completion'
import { awaitsPayment } from './order-status'

export interface RecoveryReport {
  completedOrders: string[]
  reversedAttempts: number
  resumedReversals: number
}

/**
 * Run once at start-up, before the till takes payments. If the app died between the issuer's
 * approval and the order's commit, the approved attempt finds its order still awaiting payment:
 * the order is completed (the customer paid). An attempt that never got its answer may have left
 * a hold: it is reversed. So there is never a hold without an order, nor an authorized order
 * without its attempt.
 */
export async function recoverInterruptedCheckouts(deps: {
  orders: OrderRepository
  attempts: PaymentAttemptRepository
  payments: PaymentService
  completion: OrderCompletion
  logger: Logger
}): Promise<RecoveryReport> {
  const { orders, payments, completion, logger } = deps
  const approvedWithOpenOrder = orders.approvedAttemptsOfOpenOrders()
  const completedOrders: string[] = []
  for (const { attemptId, orderId } of approvedWithOpenOrder) {
    const order = orders.findById(orderId) as OrderRow
    const attempt = deps.attempts.get(attemptId)!
    if (!awaitsPayment(order.status)) {
      // The cashier gave up on this order meanwhile: release the customer's money.
      await payments.reverse(attemptId)
      continue
    }
    await completion.complete(
      order,
      {
        kind: 'card',
        payment: {
          method: attempt.entryMode === 'stored-credential' ? 'saved_card' : 'card',
          brand: attempt.brand,
          lastFour: attempt.lastFour,
          masked: maskFromParts(attempt.bin, attempt.lastFour, attempt.panLength),
          authorizationCode: attempt.authorizationCode ?? '',
          attemptId,
        },
      },
      null,
    )
    const number = orders.findById(orderId)?.number ?? `#${orderId}`
    completedOrders.push(number)
    logger.warn(`Completed order ${number} whose approval arrived before the app stopped`)
  }
  const reversedAttempts = payments.reverseUnanswered()
  const resumedReversals = payments.resumePendingReversals()
  if (reversedAttempts > 0) logger.warn(`Reversing ${reversedAttempts} payment attempts left without an answer`)
  return { completedOrders, reversedAttempts, resumedReversals }
}
