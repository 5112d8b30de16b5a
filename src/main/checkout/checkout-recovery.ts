import { maskFromParts } from '@shared/cards/card-display'
import type { Logger } from '../../platform/logging/logger'
import type { PaymentService } from '../payments'
import type { OrderService } from '../orders'
import type { OrderCompletion } from './order-completion'
import { awaitsPayment } from '../orders'

export interface RecoveryReport {
  completedOrders: string[]
  reversedAttempts: number
  /** Money steps (captures, reversals, refunds) a previous run left unacknowledged, sent again. */
  resumedReversals: number
}

/**
 * Run once at start-up, before the till takes payments. If the app died between the issuer's
 * approval and the order's commit, the approved attempt finds its order still awaiting payment:
 * the order is completed (the customer paid). An attempt that never got its answer may have left
 * a hold: it is reversed (the answer and its reversal step in one transaction). Then every money
 * step still pending is sent again. So there is never a hold without an order, nor an authorized
 * order without its attempt. Only the short list of open attempts is read (by primary key), never
 * the history: start-up stays as fast at a million orders as at ten.
 */
export async function recoverInterruptedCheckouts(deps: {
  orders: OrderService
  payments: PaymentService
  completion: OrderCompletion
  logger: Logger
}): Promise<RecoveryReport> {
  const { orders, payments, completion, logger } = deps
  const completedOrders: string[] = []
  let reversedAttempts = 0
  for (const attempt of payments.openAttempts()) {
    const attemptId = attempt.id
    if (attempt.outcome === 'pending') {
      payments.reverseUnansweredAttempt(attempt)
      reversedAttempts++
      continue
    }
    if (attempt.outcome !== 'approved' || attempt.reversalStatus !== 'none' || attempt.orderId === null) continue
    const order = orders.findById(attempt.orderId)
    // Recorded by its order: the steps and the reconciliation look after it.
    if (!order || order.paymentAttemptId === attempt.id) continue
    if (!awaitsPayment(order.status)) {
      // The cashier gave up on this order meanwhile: release the customer's money.
      payments.queueStep(attemptId, 'reversal', attempt.amount, order.id)
      reversedAttempts++
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
    const number = orders.findById(order.id)?.number ?? `#${order.id}`
    completedOrders.push(number)
    logger.warn(`Completed order ${number} whose approval arrived before the app stopped`)
  }
  const resumedReversals = payments.resumePendingSteps()
  if (reversedAttempts > 0) logger.warn(`Reversing ${reversedAttempts} payment attempts left without an answer`)
  return { completedOrders, reversedAttempts, resumedReversals }
}
