import type { DeliverySelection } from '@shared/contract/pricing-schemas'
import type { ApprovedDiscount, CartOptions, DiscountApproval, PricingRepository } from './pricing-repository'

/** What each till chose for its cart's pricing: the promotion code, the delivery, the approved line discounts. */
export class CartPricingOptions {
  constructor(private readonly pricing: PricingRepository) {}

  cartOptions(tillId: string): CartOptions {
    return this.pricing.cartOptions(tillId)
  }

  setPromotionCode(tillId: string, code: string | null): void {
    this.pricing.setPromotionCode(tillId, code)
  }

  setDelivery(tillId: string, delivery: DeliverySelection): void {
    this.pricing.setDelivery(tillId, delivery)
  }

  clearCartOptions(tillId: string): void {
    this.pricing.clearCartOptions(tillId)
  }

  moveCartOptions(fromKey: string, toKey: string): void {
    this.pricing.moveCartOptions(fromKey, toKey)
  }

  /** The latest approval of each line now in the till's cart. */
  approvedDiscounts(tillId: string): Map<number, ApprovedDiscount> {
    return this.pricing.approvedDiscounts(tillId)
  }

  recordDiscountApproval(approval: DiscountApproval): void {
    this.pricing.recordDiscountApproval(approval)
  }
}
