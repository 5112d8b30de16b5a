import { ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { AuthService } from '../staff'
import type { CartService } from './cart-service'
import type { ParkedCarts } from './parked-carts'

type CartCalls =
  | 'cart.get'
  | 'cart.addProduct'
  | 'cart.scanBarcode'
  | 'cart.setQuantity'
  | 'cart.removeLine'
  | 'cart.setLineDiscount'
  | 'cart.applyPromotion'
  | 'cart.removePromotion'
  | 'cart.setDelivery'
  | 'cart.clear'
  | 'cart.park'
  | 'cart.parkedList'
  | 'cart.takeBack'
  | 'cart.discardParked'

export function cartHandlers(cart: CartService, auth: AuthService, parked: ParkedCarts): Pick<CallHandlers, CartCalls> {
  return {
    'cart.get': () => ok(cart.get()),
    'cart.addProduct': ({ productId, quantity }) => cart.addProduct(productId, quantity),
    'cart.scanBarcode': ({ barcode }) => cart.scanBarcode(barcode),
    'cart.setQuantity': ({ lineId, quantity }) => cart.setQuantity(lineId, quantity),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.setLineDiscount': ({ lineId, discount, approval }, { session, clientId }) => {
      return cart.setLineDiscount(lineId, discount, { userId: session.userId, role: session.role }, approval, (userId, pin) =>
        auth.checkApprover(clientId, userId, pin),
      )
    },
    'cart.applyPromotion': ({ code }) => cart.applyPromotion(code),
    'cart.removePromotion': () => cart.removePromotion(),
    'cart.setDelivery': ({ delivery }) => cart.setDelivery(delivery),
    'cart.clear': () => ok(cart.clear()),
    'cart.park': ({ name }, { session }) => {
      const parkedNow = parked.park(session.userId, name)
      return parkedNow.ok ? ok(cart.get()) : parkedNow
    },
    'cart.parkedList': () => ok(parked.list()),
    'cart.takeBack': ({ parkedId }, { session }) => {
      const taken = parked.takeBack(session.userId, parkedId)
      return taken.ok ? ok({ cart: cart.get(), priceChanges: taken.value }) : taken
    },
    'cart.discardParked': ({ parkedId }, { session }) => parked.discard(session.userId, parkedId),
  }
}
