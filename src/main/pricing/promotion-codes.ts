import type { Promotion } from './pricing-types'
import type { PromotionChange, PromotionRepository, PromotionTerms } from './promotion-repository'

/**
 * The shop's promotion codes as the other features use them: the till applies an active one, a
 * paid sale counts its use, the settings screen lists, saves and deactivates them.
 */
export class PromotionCodes {
  constructor(private readonly promotions: PromotionRepository) {}

  /** An active code, for the till to apply; codes compare without regard to case. */
  findActive(code: string): Promotion | null {
    return this.promotions.findActive(code)
  }

  /** One more use, counted when a sale with the code is paid (in the sale's transaction). */
  countUse(code: string): void {
    this.promotions.countUse(code)
  }

  list(): PromotionTerms[] {
    return this.promotions.list()
  }

  /** Codes compare without regard to case, as the table's collation does. */
  find(code: string): PromotionTerms | null {
    return this.promotions.find(code)
  }

  save(promotion: PromotionChange): void {
    this.promotions.save(promotion)
  }

  setActive(code: string, active: boolean): void {
    this.promotions.setActive(code, active)
  }
}
