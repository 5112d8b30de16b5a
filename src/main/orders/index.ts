/** The orders feature's face: what the other features and the composition root may use. */
export { backOfficeHandlers } from './back-office-handlers'
export { toOrderInfo } from './order-info'
export { orderFiguresFollowSteps } from './order-money-steps'
export { OrderRepository } from './order-repository'
export type { CardPaymentRecord, Entitlement, Order, OrderEvent } from './order-record'
export { awaitsPayment, canTransition } from './order-status'
export type { OrderStatus } from './order-status'
