import { isValidEan13 } from '@shared/catalogue/ean13'
import { err, MAX_LINE_QUANTITY, ok, type Cart, type Result } from '@shared/contract'
import type { SqliteDatabase } from '../database/open-database'
import type { CartRepository } from '../repositories/cart-repository'
import type { ProductRepository } from '../repositories/product-repository'

export interface CartServiceDependencies {
  db: SqliteDatabase
  carts: CartRepository
  products: ProductRepository
  tillId: string
  currency: () => string
  now: () => Date
}

/**
 * The till's cart. The renderer only ever sends product ids, barcodes and quantities; prices
 * come from the catalogue here. Every change either applies whole or leaves the cart as it was.
 */
export class CartService {
  constructor(private readonly deps: CartServiceDependencies) {}

  get(): Cart {
    const { carts, tillId } = this.deps
    const lines = carts.lines(tillId).map(({ weightGrams: _weight, ...line }) => ({
      ...line,
      lineTotal: line.unitPrice * line.quantity,
    }))
    return {
      tillId,
      currency: this.deps.currency(),
      lines,
      itemCount: lines.reduce((count, line) => count + line.quantity, 0),
      total: lines.reduce((total, line) => total + line.lineTotal, 0),
    }
  }

  addProduct(productId: number, quantity: number): Result<Cart> {
    const product = this.deps.products.findById(productId)
    if (!product) return err('NOT_FOUND', 'This product does not exist', { productId })
    if (!product.active) return err('PRODUCT_INACTIVE', 'This product is no longer sold', { productId })
    return this.addQuantity(product.id, quantity)
  }

  scanBarcode(barcode: string): Result<Cart> {
    if (!isValidEan13(barcode)) {
      return err('INVALID_BARCODE', 'This barcode is not a valid EAN-13 (misread?): scan it again', { barcode })
    }
    const product = this.deps.products.findByEan(barcode)
    if (!product) return err('UNKNOWN_BARCODE', 'No product has this barcode', { barcode })
    if (!product.active) return err('PRODUCT_INACTIVE', 'This product is no longer sold', { barcode })
    return this.addQuantity(product.id, 1)
  }

  setQuantity(lineId: number, quantity: number): Result<Cart> {
    const { carts, tillId } = this.deps
    if (!carts.lineById(tillId, lineId)) return err('LINE_NOT_FOUND', 'This line is no longer in the cart', { lineId })
    carts.setQuantity(tillId, lineId, quantity)
    return ok(this.get())
  }

  removeLine(lineId: number): Result<Cart> {
    const { carts, tillId } = this.deps
    if (!carts.removeLine(tillId, lineId)) {
      return err('LINE_NOT_FOUND', 'This line is no longer in the cart', { lineId })
    }
    return ok(this.get())
  }

  clear(): Cart {
    this.deps.carts.clear(this.deps.tillId)
    return this.get()
  }

  private addQuantity(productId: number, quantity: number): Result<Cart> {
    const { carts, tillId, db } = this.deps
    return db.transaction((): Result<Cart> => {
      const existing = carts.lineOfProduct(tillId, productId)
      const newQuantity = (existing?.quantity ?? 0) + quantity
      if (newQuantity > MAX_LINE_QUANTITY) {
        return err('QUANTITY_OUT_OF_RANGE', `A line holds at most ${MAX_LINE_QUANTITY} items`, {
          productId,
          quantity: newQuantity,
        })
      }
      if (existing) carts.setQuantity(tillId, existing.id, newQuantity)
      else carts.insertLine(tillId, productId, quantity, this.deps.now().toISOString())
      return ok(this.get())
    })()
  }
}
