import type { PromotionType } from '@shared/domain/pricing'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { Promotion } from './pricing-types'

interface PromotionRow {
  code: string
  type: PromotionType
  value: number
  min_basket: number | null
  valid_from: string | null
  valid_until: string | null
  usage_limit: number | null
  times_used: number
  active: number
}

/** A promotion code with its terms and use count, as the settings screen manages it. */
export interface PromotionTerms {
  code: string
  type: PromotionType
  /** Basis points for `percent`, minor units for `amount`, 0 for `free-delivery`. */
  value: number
  minBasket: number | null
  validFrom: string | null
  validUntil: string | null
  usageLimit: number | null
  timesUsed: number
  active: boolean
}

export type PromotionChange = Omit<PromotionTerms, 'timesUsed'>

/** A promotion as the pricing engine applies it. */
function toPromotion(row: PromotionRow): Promotion {
  return {
    code: row.code,
    discount:
      row.type === 'percent'
        ? { type: 'percent', basisPoints: row.value }
        : row.type === 'amount'
          ? { type: 'amount', amount: row.value }
          : { type: 'free-delivery' },
    minBasket: row.min_basket,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    usageLimit: row.usage_limit,
    timesUsed: row.times_used,
  }
}

/** A promotion as the settings screen shows it. */
function toView(row: PromotionRow): PromotionTerms {
  return {
    code: row.code,
    type: row.type,
    value: row.value,
    minBasket: row.min_basket,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    usageLimit: row.usage_limit,
    timesUsed: row.times_used,
    active: row.active === 1,
  }
}

/**
 * The promotion codes: the active ones the till applies and counts, and all of them as the
 * settings screen manages them. Saving an existing code changes its terms and keeps its use count;
 * codes are never deleted, since carts and orders refer to them.
 */
export class PromotionRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      all: db.prepare<[], PromotionRow>('SELECT * FROM promotions ORDER BY active DESC, code'),
      byCode: db.prepare<[string], PromotionRow>('SELECT * FROM promotions WHERE code = ?'),
      upsert: db.prepare(
        `INSERT INTO promotions (code, type, value, min_basket, valid_from, valid_until, usage_limit, active)
         VALUES (@code, @type, @value, @minBasket, @validFrom, @validUntil, @usageLimit, @active)
         ON CONFLICT (code) DO UPDATE SET type = excluded.type, value = excluded.value,
           min_basket = excluded.min_basket, valid_from = excluded.valid_from,
           valid_until = excluded.valid_until, usage_limit = excluded.usage_limit,
           active = excluded.active`,
      ),
      setActive: db.prepare<[number, string]>('UPDATE promotions SET active = ? WHERE code = ?'),
      active: db.prepare<[string], PromotionRow>('SELECT * FROM promotions WHERE code = ? AND active = 1'),
      insert: db.prepare(
        `INSERT INTO promotions (code, type, value, min_basket, valid_from, valid_until, usage_limit)
         VALUES (@code, @type, @value, @minBasket, @validFrom, @validUntil, @usageLimit)`,
      ),
      countUse: db.prepare<[string]>('UPDATE promotions SET times_used = times_used + 1 WHERE code = ?'),
    }
  }

  /** An active code, for the till to apply; codes compare without regard to case. */
  findActive(code: string): Promotion | null {
    const row = this.statements.active.get(code)
    return row ? toPromotion(row) : null
  }

  insert(promotion: Promotion): void {
    const { discount } = promotion
    this.statements.insert.run({
      code: promotion.code,
      type: discount.type,
      value: discount.type === 'percent' ? discount.basisPoints : discount.type === 'amount' ? discount.amount : 0,
      minBasket: promotion.minBasket ?? null,
      validFrom: promotion.validFrom ?? null,
      validUntil: promotion.validUntil ?? null,
      usageLimit: promotion.usageLimit ?? null,
    })
  }

  /** One more use, counted when a sale with the code is paid (in the sale's transaction). */
  countUse(code: string): void {
    this.statements.countUse.run(code)
  }

  list(): PromotionTerms[] {
    return this.statements.all.all().map(toView)
  }

  /** Codes compare without regard to case, as the table's collation does. */
  find(code: string): PromotionTerms | null {
    const row = this.statements.byCode.get(code)
    return row ? toView(row) : null
  }

  save(promotion: PromotionChange): void {
    this.statements.upsert.run({ ...promotion, active: promotion.active ? 1 : 0 })
  }

  setActive(code: string, active: boolean): void {
    this.statements.setActive.run(active ? 1 : 0, code)
  }
}
