/** The checkout feature's face: what the other features and the composition root may use. */
export { checkoutHandlers } from './checkout-handlers'
export { recoverInterruptedCheckouts } from './checkout-recovery'
export type { RecoveryReport } from './checkout-recovery'
export { CheckoutService } from './checkout-service'
export { OrderCompletion } from './order-completion'
