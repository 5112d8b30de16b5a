import type { CartLine } from '@shared/contract'
import type { ProductKind, VatCategory } from '@shared/domain/catalogue'
import type { LineDiscount } from '@shared/contract/pricing-schemas'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface CartLineRow {
  id: number
  product_id: number
  quantity: number
  sku: string
  ean: string
  name_fr: string
  name_en: string
  kind: ProductKind
  vat_category: VatCategory
  unit_price: number
  weight_grams: number
  discount_type: 'percent' | 'amount' | null
  discount_value: number | null
}

export type StoredCartLine = Omit<CartLine, 'lineTotal'> & { weightGrams: number }

function toStoredLine(row: CartLineRow): StoredCartLine {
  return {
    lineId: row.id,
    productId: row.product_id,
    sku: row.sku,
    ean: row.ean,
    name: { fr: row.name_fr, en: row.name_en },
    kind: row.kind,
    vatCategory: row.vat_category,
    unitPrice: row.unit_price,
    quantity: row.quantity,
    weightGrams: row.weight_grams,
    discount: toDiscount(row),
  }
}

function toDiscount(row: CartLineRow): LineDiscount | null {
  if (row.discount_type === 'percent') return { type: 'percent', basisPoints: row.discount_value ?? 0 }
  if (row.discount_type === 'amount') return { type: 'amount', amount: row.discount_value ?? 0 }
  return null
}

/**
 * The cart of each till, stored so that it survives a restart or a crash. Prices are always
 * read from the catalogue, never from the renderer.
 */
export class CartRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      lines: db.prepare<[string], CartLineRow>(
        `SELECT l.id, l.product_id, l.quantity, p.sku, p.ean, p.name_fr, p.name_en, p.kind,
                p.vat_category, p.unit_price, p.weight_grams,
                l.discount_type, l.discount_value
           FROM cart_lines l JOIN products p ON p.id = l.product_id
          WHERE l.till_id = ? ORDER BY l.id`,
      ),
      lineOfProduct: db.prepare<[string, number], { id: number; quantity: number }>(
        'SELECT id, quantity FROM cart_lines WHERE till_id = ? AND product_id = ?',
      ),
      lineById: db.prepare<[string, number], { id: number; quantity: number }>(
        'SELECT id, quantity FROM cart_lines WHERE till_id = ? AND id = ?',
      ),
      insert: db.prepare<[string, number, number, string]>(
        'INSERT INTO cart_lines (till_id, product_id, quantity, added_at) VALUES (?, ?, ?, ?)',
      ),
      setQuantity: db.prepare<[number, string, number]>(
        'UPDATE cart_lines SET quantity = ? WHERE till_id = ? AND id = ?',
      ),
      setDiscount: db.prepare<[string | null, number | null, string, number]>(
        'UPDATE cart_lines SET discount_type = ?, discount_value = ? WHERE till_id = ? AND id = ?',
      ),
      remove: db.prepare<[string, number]>('DELETE FROM cart_lines WHERE till_id = ? AND id = ?'),
      clear: db.prepare<[string]>('DELETE FROM cart_lines WHERE till_id = ?'),
      count: db.prepare<[string], { count: number }>('SELECT count(*) AS count FROM cart_lines WHERE till_id = ?'),
      move: db.prepare<[string, string]>('UPDATE cart_lines SET till_id = ? WHERE till_id = ?'),
    }
  }

  lineCount(cartKey: string): number {
    return this.statements.count.get(cartKey)?.count ?? 0
  }

  /** Moves every line of one cart to another key (a cart parked or taken back), ids and discounts kept. */
  moveLines(fromKey: string, toKey: string): void {
    this.statements.move.run(toKey, fromKey)
  }

  lines(tillId: string): StoredCartLine[] {
    return this.statements.lines.all(tillId).map(toStoredLine)
  }

  lineOfProduct(tillId: string, productId: number): { id: number; quantity: number } | null {
    return this.statements.lineOfProduct.get(tillId, productId) ?? null
  }

  lineById(tillId: string, lineId: number): { id: number; quantity: number } | null {
    return this.statements.lineById.get(tillId, lineId) ?? null
  }

  insertLine(tillId: string, productId: number, quantity: number, at: string): number {
    return Number(this.statements.insert.run(tillId, productId, quantity, at).lastInsertRowid)
  }

  setQuantity(tillId: string, lineId: number, quantity: number): void {
    this.statements.setQuantity.run(quantity, tillId, lineId)
  }

  setDiscount(tillId: string, lineId: number, discount: LineDiscount | null): void {
    const value = discount === null ? null : discount.type === 'percent' ? discount.basisPoints : discount.amount
    this.statements.setDiscount.run(discount?.type ?? null, value, tillId, lineId)
  }

  removeLine(tillId: string, lineId: number): boolean {
    return this.statements.remove.run(tillId, lineId).changes > 0
  }

  clear(tillId: string): void {
    this.statements.clear.run(tillId)
  }
}
