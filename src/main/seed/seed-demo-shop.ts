import { withEan13CheckDigit } from '@shared/catalogue/ean13'
import type { UserRole } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { Promotion } from '../pricing'
import { PromotionRepository } from '../pricing'
import { ProductRepository } from '../catalogue'
import { UserRepository } from '../staff'
import { hashPin, type PinPepper } from '../staff'
import { openDemoSession } from '../cash-sessions'
import { DEMO_CATEGORIES, DEMO_DIGITAL_DELIVERY, DEMO_PRODUCTS } from './demo-catalogue'

/** The demo staff; their PINs are printed in the README. */
export const DEMO_USERS: ReadonlyArray<{ displayName: string; role: UserRole; pin: string }> = [
  { displayName: 'Camille Martin', role: 'cashier', pin: '1234' },
  { displayName: 'Inès Bernard', role: 'cashier', pin: '2468' },
  { displayName: 'Alex Dubois', role: 'admin', pin: '4321' },
]

/** Demo promotion codes, printed in the README. */
export const DEMO_PROMOTIONS: readonly Promotion[] = [
  { code: 'BIENVENUE10', discount: { type: 'percent', basisPoints: 1000 }, minBasket: 2000 },
  { code: 'MOINS5', discount: { type: 'amount', amount: 500 }, minBasket: 3000 },
  { code: 'LIVRAISON', discount: { type: 'free-delivery' } },
  { code: 'NOEL2025', discount: { type: 'percent', basisPoints: 1500 }, validFrom: '2025-12-01T00:00:00+01:00', validUntil: '2026-01-01T00:00:00+01:00' },
]

/** EAN-13 codes in the French GS1 range (376), one per demo product, check digit included. */
export function demoEan(index: number): string {
  return withEan13CheckDigit(`376012345${String(index + 1).padStart(3, '0')}`)
}

/**
 * Fills a new, empty database with the demo shop. Does nothing when users already exist. Given the
 * till's id, the till is opened with a demo float (the first cashier's session), so it sells at once.
 */
export function seedDemoShop(db: SqliteDatabase, now: Date, pepper: PinPepper, tillId?: string): boolean {
  const { count } = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM users').get()!
  if (count > 0) return false
  const users = new UserRepository(db)
  const products = new ProductRepository(db)
  const promotions = new PromotionRepository(db)
  db.transaction(() => {
    for (const promotion of DEMO_PROMOTIONS) promotions.insert(promotion)
    const userIds = DEMO_USERS.map((user) => users.create(user.displayName, user.role, hashPin(user.pin, pepper), now.toISOString()))
    const categoryIds = new Map<string, number>()
    DEMO_CATEGORIES.forEach((category, position) => {
      categoryIds.set(category.code, products.insertCategory(category.code, category.fr, category.en, position, category.legalGuarantee))
    })
    DEMO_PRODUCTS.forEach((product, index) => {
      products.insertProduct({
        sku: product.sku,
        ean: demoEan(index),
        name: { fr: product.fr, en: product.en },
        description: { fr: product.descriptionFr, en: product.descriptionEn },
        categoryId: categoryIds.get(product.category)!,
        unitPrice: product.price,
        vatCategory: product.vat,
        weightGrams: product.grams,
        kind: product.kind ?? 'physical',
      })
    })
    for (const digital of DEMO_DIGITAL_DELIVERY) {
      products.setDigitalDelivery(digital.sku, digital.delivery, digital.file ?? null)
    }
    if (tillId !== undefined) openDemoSession(db, tillId, userIds[0]!, now)
  })()
  return true
}
