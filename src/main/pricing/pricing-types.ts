import type { LocalizedText } from '@shared/contract/common-schemas'
import type { ProductKind } from '@shared/domain/catalogue'
import type { DeliveryZone, ShippingOption } from '@shared/domain/delivery'
import type { PriceMode } from '@shared/domain/pricing'
import type { DeliverySelection, LineDiscount } from '@shared/contract/pricing-schemas'

export type { DeliveryOption, DeliveryZone } from '@shared/domain/delivery'
export type { PriceMode } from '@shared/domain/pricing'
export type {
  DeliverySelection,
  LineDiscount,
  PriceQuote,
  QuoteDelivery,
  QuoteLine,
  QuoteRate,
} from '@shared/contract/pricing-schemas'

/** One cart line as the engine needs it; the cart service resolves product and VAT rate first. */
export interface PricingLine {
  lineId: number
  productId: number
  name: LocalizedText
  /** In minor units, tax-inclusive in TTC mode and tax-exclusive in HT mode. */
  unitPrice: number
  quantity: number
  vatRateBasisPoints: number
  kind: ProductKind
  /** Per unit; only physical goods weigh on delivery. */
  weightGrams: number
  discount?: LineDiscount | null
}

export type PromotionDiscount =
  | { type: 'percent'; basisPoints: number }
  | { type: 'amount'; amount: number }
  | { type: 'free-delivery' }

/**
 * A promotion code as stored. Dates are ISO 8601 instants: valid from `validFrom` (inclusive)
 * until `validUntil` (exclusive). The usage count is the caller's to read; the engine only
 * compares it with the limit.
 */
export interface Promotion {
  code: string
  discount: PromotionDiscount
  /** Goods amount TTC after line discounts the cart must reach, in minor units. */
  minBasket?: number | null
  validFrom?: string | null
  validUntil?: string | null
  usageLimit?: number | null
  timesUsed?: number | null
}

/** A weight band: carts up to `upToGrams` (inclusive) pay `fee`. Bands are in ascending order. */
export interface WeightBand {
  upToGrams: number
  fee: number
}

export type ShippedOption = ShippingOption

/**
 * Delivery prices per zone and option, in the shop's price mode (tax-inclusive for TTC shops).
 * An option with no band is not offered in that zone.
 */
export interface DeliverySettings {
  bands: Record<DeliveryZone, Record<ShippedOption, readonly WeightBand[]>>
  /** Standard delivery in metropolitan France is free from this goods TTC after discounts. */
  freeStandardThresholdFr: number | null
}

export interface PricingSettings {
  currency: string
  priceMode: PriceMode
  delivery: DeliverySettings
}

export interface PricingInput {
  lines: readonly PricingLine[]
  promotion?: Promotion | null
  /** Defaults to store pickup; ignored when nothing in the cart is shipped. */
  delivery?: DeliverySelection | null
  /** When the cart is priced: promotions are checked against it. */
  pricedAt: Date
}
