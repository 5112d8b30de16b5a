/** The cart feature's face: what the other features and the composition root may use. */
export { cartHandlers } from './cart-handlers'
export { CartRepository } from './cart-repository'
export { CartService } from './cart-service'
export { lastToLogIn, ParkedCarts, withParkedCarts } from './parked-carts'
export { ParkedCartRepository } from './parked-cart-repository'
