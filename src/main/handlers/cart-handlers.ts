import { ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { CartService } from '../services/cart-service'

export function cartHandlers(cart: CartService): Pick<
  CallHandlers,
  'cart.get' | 'cart.addProduct' | 'cart.scanBarcode' | 'cart.setQuantity' | 'cart.removeLine' | 'cart.clear'
> {
  return {
    'cart.get': () => ok(cart.get()),
    'cart.addProduct': ({ productId, quantity }) => cart.addProduct(productId, quantity),
    'cart.scanBarcode': ({ barcode }) => cart.scanBarcode(barcode),
    'cart.setQuantity': ({ lineId, quantity }) => cart.setQuantity(lineId, quantity),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.clear': () => ok(cart.clear()),
  }
}
