/** The pricing feature's face: the pure engine and its rules, and the services over its records. */
export { priceCart } from './pricing-engine'
export { PRICING_ERROR_CODES, type PricingErrorCode } from './pricing-errors'
export { validateLines, MAX_CART_AMOUNT, MAX_CART_WEIGHT_GRAMS } from './line-validation'
export {
  lineDiscountAmount,
  lineDiscountNeedsApproval,
  lineDiscountShare,
  shareExceeds,
  thresholdShare,
  type DiscountShare,
  DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS,
} from './line-discounts'
export {
  checkPromotionValidity,
  checkPromotionMinBasket,
  promotionGoodsDiscount,
} from './promotion-rules'
export { allocateCartDiscount, type AllocatableLine } from './cart-discount-allocation'
export { bandFee, resolveDelivery, MAX_DELIVERY_FEE, type DeliveryContext } from './delivery-fee'
export { splitShippingFee, type ShippingPart } from './shipping-split'
export { bucketVat, unitPrices, goodsTtc, type BucketVat } from './vat-buckets'
export { resolveVatRate, type VatRateEntry } from './vat-rate-resolver'
export {
  DEFAULT_VAT_RATES,
  DEMO_VAT_RATE_HISTORY,
  DEMO_DELIVERY_SETTINGS,
  DEMO_PRICING_SETTINGS,
} from './demo-pricing-settings'
export type * from './pricing-types'
// The other features use the services; only the composition root (and the tools that fill a
// shop's tables) build the repositories under them.
export { CartPricingOptions } from './cart-pricing-options'
export { PromotionCodes } from './promotion-codes'
export { VatRates } from './vat-rates'
export { PricingRepository } from './pricing-repository'
export { PromotionRepository } from './promotion-repository'
export type { PromotionChange, PromotionTerms } from './promotion-repository'
