/**
 * An order's life, in the words the whole app uses: the contract validates them, the orders
 * feature moves between them, the back-office filters on them.
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'authorized',
  'paid',
  'declined',
  'awaiting_shipment',
  'delivered',
  'shipped',
  'completed',
  'voided',
  'refunded',
  'abandoned',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/**
 * The statuses of a sale: its payment was authorized, captured or received. Refunded orders were
 * sold (their refunds are counted apart); pending, declined, abandoned and voided ones were not.
 */
export const SOLD_STATUSES = [
  'authorized',
  'paid',
  'awaiting_shipment',
  'shipped',
  'delivered',
  'completed',
  'refunded',
] as const satisfies readonly OrderStatus[]
export type SoldStatus = (typeof SOLD_STATUSES)[number]

/** Whether an order in this status is a sale (see {@link SOLD_STATUSES}). */
export function isSold(status: OrderStatus): status is SoldStatus {
  return (SOLD_STATUSES as readonly OrderStatus[]).includes(status)
}

/** Statuses from which the customer may still pay: nothing yet, or a declined card. */
export const AWAITING_PAYMENT_STATUSES = ['pending_payment', 'declined'] as const satisfies readonly OrderStatus[]

/** Whether the customer may still pay an order in this status. */
export function awaitsPayment(status: OrderStatus): boolean {
  return (AWAITING_PAYMENT_STATUSES as readonly OrderStatus[]).includes(status)
}
