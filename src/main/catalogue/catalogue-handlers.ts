import { ok } from '@shared/contract'
import type { ProductRepository } from './product-repository'
import type { CheckedCallHandlers } from '../rpc/router'

export function catalogueHandlers(products: ProductRepository): Pick<
  CheckedCallHandlers,
  'catalogue.search' | 'catalogue.categories'
> {
  return {
    'catalogue.search': ({ query, categoryId, limit }) => ok(products.search(query, categoryId ?? null, limit)),
    'catalogue.categories': () => ok(products.categories()),
  }
}
