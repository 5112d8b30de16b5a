import type { OrderStatus } from '@shared/domain/order-status'

/** The statuses are the domain's words (`@shared/domain`); this module owns their transitions. */
export type { OrderStatus } from '@shared/domain/order-status'
export { awaitsPayment } from '@shared/domain/order-status'

/**
 * The order life cycle. A card sale goes pending -> authorized, a cash sale pending -> paid; then
 * physical goods to ship wait for shipment, and goods handed over or downloaded are delivered at
 * once. A declined payment may be retried. Voids happen before capture, refunds after.
 */
const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['authorized', 'paid', 'declined', 'abandoned'],
  declined: ['authorized', 'paid', 'declined', 'abandoned'],
  authorized: ['awaiting_shipment', 'delivered', 'voided'],
  paid: ['awaiting_shipment', 'delivered', 'refunded'],
  awaiting_shipment: ['shipped', 'voided', 'refunded'],
  shipped: ['completed', 'refunded'],
  delivered: ['completed', 'refunded'],
  completed: ['refunded'],
  voided: [],
  refunded: [],
  abandoned: [],
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to)
}
