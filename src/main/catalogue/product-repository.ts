import type { Category, Locale, Product } from '@shared/contract'
import type { ProductKind, VatCategory } from '@shared/domain/catalogue'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { DigitalDelivery } from '../fulfilment'
import { sortByName } from './product-order'

interface ProductRow {
  id: number
  sku: string
  ean: string
  name_fr: string
  name_en: string
  description_fr: string
  description_en: string
  category_id: number
  unit_price: number
  vat_category: VatCategory
  weight_grams: number
  kind: ProductKind
  active: number
}

interface CategoryRow {
  id: number
  code: string
  name_fr: string
  name_en: string
  product_count: number
}

export type NewProduct = Omit<Product, 'id' | 'active'> & { active?: boolean; categoryId: number }

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    ean: row.ean,
    name: { fr: row.name_fr, en: row.name_en },
    description: { fr: row.description_fr, en: row.description_en },
    categoryId: row.category_id,
    unitPrice: row.unit_price,
    vatCategory: row.vat_category,
    weightGrams: row.weight_grams,
    kind: row.kind,
    active: row.active === 1,
  }
}

/** Turns what the cashier typed into an FTS5 query: every word must start a word of the name. */
export function toPrefixMatchQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8)
  if (words.length === 0) return null
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ')
}

export class ProductRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      byId: db.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?'),
      byEan: db.prepare<[string], ProductRow>('SELECT * FROM products WHERE ean = ?'),
      eanPrefix: db.prepare<[string, string, number | null, number | null, number], ProductRow>(
        `SELECT * FROM products WHERE ean >= ? AND ean < ? AND active = 1
           AND (? IS NULL OR category_id = ?) ORDER BY ean LIMIT ?`,
      ),
      skuPrefix: db.prepare<[string, string, number | null, number | null, number], ProductRow>(
        `SELECT * FROM products WHERE sku >= ? COLLATE NOCASE AND sku < ? COLLATE NOCASE AND active = 1
           AND (? IS NULL OR category_id = ?) ORDER BY sku COLLATE NOCASE LIMIT ?`,
      ),
      nameMatch: db.prepare<[string, number | null, number | null, number], ProductRow>(
        `SELECT p.* FROM products_fts f JOIN products p ON p.id = f.rowid
          WHERE products_fts MATCH ? AND p.active = 1 AND (? IS NULL OR p.category_id = ?)
          ORDER BY f.rank LIMIT ?`,
      ),
      // Every product of the category: SQLite's order is by character code, the till's by collation.
      browse: db.prepare<[number | null, number | null], ProductRow>(
        'SELECT * FROM products WHERE active = 1 AND (? IS NULL OR category_id = ?)',
      ),
      activeOfKind: db.prepare<[ProductKind], ProductRow>('SELECT * FROM products WHERE active = 1 AND kind = ? ORDER BY id'),
      digital: db.prepare<[number], { digital_delivery: DigitalDelivery | null; download_file: string | null }>(
        'SELECT digital_delivery, download_file FROM products WHERE id = ?',
      ),
      setDigital: db.prepare<[DigitalDelivery, string | null, string]>(
        'UPDATE products SET digital_delivery = ?, download_file = ? WHERE sku = ?',
      ),
      categories: db.prepare<[], CategoryRow>(
        `SELECT c.id, c.code, c.name_fr, c.name_en,
                (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.active = 1) AS product_count
           FROM categories c ORDER BY c.position, c.id`,
      ),
      insertCategory: db.prepare<[string, string, string, number, number]>(
        'INSERT INTO categories (code, name_fr, name_en, position, legal_guarantee) VALUES (?, ?, ?, ?, ?)',
      ),
      insertProduct: db.prepare(
        `INSERT INTO products (sku, ean, name_fr, name_en, description_fr, description_en, category_id,
           unit_price, vat_category, weight_grams, kind, active)
         VALUES (@sku, @ean, @nameFr, @nameEn, @descriptionFr, @descriptionEn, @categoryId,
           @unitPrice, @vatCategory, @weightGrams, @kind, @active)`,
      ),
    }
  }

  findById(id: number): Product | null {
    const row = this.statements.byId.get(id)
    return row ? toProduct(row) : null
  }

  findByEan(ean: string): Product | null {
    const row = this.statements.byEan.get(ean)
    return row ? toProduct(row) : null
  }

  /**
   * Products matching what the cashier typed: barcode prefix, then SKU prefix, then words of the
   * name in either language. Each branch uses an index, so the answer stays instant on a large
   * catalogue. Browsing, and the name matches among themselves, go by name in the locale's
   * collation ("Écouteurs" among the E's).
   */
  search(query: string, categoryId: number | null, limit: number, locale: Locale = 'fr'): Product[] {
    const text = query.trim()
    if (text === '') {
      return sortByName(this.statements.browse.all(categoryId, categoryId), locale).slice(0, limit).map(toProduct)
    }
    const found = new Map<number, ProductRow>()
    const add = (rows: ProductRow[]): void => {
      for (const row of rows) if (found.size < limit && !found.has(row.id)) found.set(row.id, row)
    }
    if (/^\d+$/.test(text)) add(this.statements.eanPrefix.all(text, `${text}:`, categoryId, categoryId, limit))
    if (found.size < limit) {
      add(this.statements.skuPrefix.all(text, `${text}\u{10FFFF}`, categoryId, categoryId, limit))
    }
    const match = toPrefixMatchQuery(text)
    if (match && found.size < limit) add(sortByName(this.statements.nameMatch.all(match, categoryId, categoryId, limit), locale))
    return [...found.values()].map(toProduct)
  }

  /** Every active product of one kind, by id: what the history generator builds baskets from. */
  activeOfKind(kind: ProductKind): Product[] {
    return this.statements.activeOfKind.all(kind).map(toProduct)
  }

  /** How a digital product is delivered, and its file for downloads. */
  digitalDelivery(productId: number): { delivery: DigitalDelivery | null; downloadFile: string | null } {
    const row = this.statements.digital.get(productId)
    return { delivery: row?.digital_delivery ?? null, downloadFile: row?.download_file ?? null }
  }

  setDigitalDelivery(sku: string, delivery: DigitalDelivery, downloadFile: string | null): void {
    this.statements.setDigital.run(delivery, downloadFile, sku)
  }

  categories(): Category[] {
    return this.statements.categories.all().map((row) => ({
      id: row.id,
      code: row.code,
      name: { fr: row.name_fr, en: row.name_en },
      productCount: row.product_count,
    }))
  }

  /** `legalGuarantee`: durable goods whose ticket is printed without asking (AGEC exception). */
  insertCategory(code: string, nameFr: string, nameEn: string, position: number, legalGuarantee = false): number {
    return Number(this.statements.insertCategory.run(code, nameFr, nameEn, position, legalGuarantee ? 1 : 0).lastInsertRowid)
  }

  insertProduct(product: NewProduct): number {
    return Number(
      this.statements.insertProduct.run({
        sku: product.sku,
        ean: product.ean,
        nameFr: product.name.fr,
        nameEn: product.name.en,
        descriptionFr: product.description.fr,
        descriptionEn: product.description.en,
        categoryId: product.categoryId,
        unitPrice: product.unitPrice,
        vatCategory: product.vatCategory,
        weightGrams: product.weightGrams,
        kind: product.kind,
        active: product.active === false ? 0 : 1,
      }).lastInsertRowid,
    )
  }
}
