/** The orders feature's face: what the other features and the composition root may use. */
export { backOfficeHandlers } from './back-office-handlers'
export { orderFiguresFollowSteps } from './order-money-steps'
export { OrderRepository } from './order-repository'
export { OrderService } from './order-service'
export type { OrderDecline, OrderSettlement } from './order-service'
export type { CardPaymentRecord, Entitlement, Order, OrderEvent } from './order-record'
export { awaitsPayment, canTransition } from './order-status'
export type { OrderStatus } from './order-status'
