import type { Product } from '@shared/contract'
import type { DigitalDelivery } from '../fulfilment'
import type { ProductRepository } from './product-repository'

/** The catalogue as the other features see it: a product by id or barcode, and how a digital one is delivered. */
export class ProductCatalogue {
  constructor(private readonly products: ProductRepository) {}

  findById(id: number): Product | null {
    return this.products.findById(id)
  }

  findByEan(ean: string): Product | null {
    return this.products.findByEan(ean)
  }

  /** How a digital product is delivered, and its file for downloads. */
  digitalDelivery(productId: number): { delivery: DigitalDelivery | null; downloadFile: string | null } {
    return this.products.digitalDelivery(productId)
  }
}
