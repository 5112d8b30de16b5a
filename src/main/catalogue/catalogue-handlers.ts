import { ok } from '@shared/contract'
import type { ProductRepository } from './product-repository'
import type { CheckedCallHandlers } from '../rpc/router'

export function catalogueHandlers(products: ProductRepository): Pick<
  CheckedCallHandlers,
  'catalogue.search' | 'catalogue.categories'
> {
  return {
    'catalogue.search': ({ query, categoryId, limit, locale }) =>
      ok(products.search(query, categoryId ?? null, limit, locale ?? 'fr')),
    'catalogue.categories': () => ok(products.categories()),
  }
}
