import type { PromotionView } from '@shared/contract'
import type { SqliteDatabase } from '../database/open-database'

interface PromotionRow {
  code: string
  type: PromotionView['type']
  value: number
  min_basket: number | null
  valid_from: string | null
  valid_until: string | null
  usage_limit: number | null
  times_used: number
  active: number
}

export type PromotionChange = Omit<PromotionView, 'timesUsed'>

function toView(row: PromotionRow): PromotionView {
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
 * Promotion codes as the settings screen sees them, inactive ones included. Saving an existing
 * code changes its terms and keeps its use count; codes are never deleted, since carts and
 * orders refer to them.
 */
export class PromotionAdminRepository {
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
    }
  }

  list(): PromotionView[] {
    return this.statements.all.all().map(toView)
  }

  /** Codes compare without regard to case, as the table's collation does. */
  find(code: string): PromotionView | null {
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
