import type { StepSettledListener } from '../payments'
import type { OrderRepository } from './order-repository'

/**
 * Keeps an order's captured and refunded figures in step with its payment attempt's: run inside
 * the transaction that records the issuer's acknowledgement, so a crash never parts them.
 */
export function orderFiguresFollowSteps(orders: OrderRepository): StepSettledListener {
  return (step, answer) => {
    if (answer.status !== 'acknowledged' || step.orderId === null) return
    if (step.kind === 'capture') orders.addCaptured(step.orderId, step.amount)
    else if (step.kind === 'refund') orders.addRefunded(step.orderId, step.amount)
  }
}
