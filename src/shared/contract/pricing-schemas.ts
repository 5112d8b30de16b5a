import { z } from 'zod'
import { currencySchema, idSchema, localizedTextSchema } from './common-schemas'
import { productKindSchema } from './calls/catalogue-calls'
import { DELIVERY_OPTIONS, DELIVERY_ZONES, SHIPPING_OPTIONS } from '../domain/delivery'
import { MAX_BASIS_POINTS, MAX_LINE_QUANTITY } from '../domain/limits'
import { DELIVERY_WAIVERS, PRICE_MODES, PROMOTION_TYPES } from '../domain/pricing'

/**
 * The priced cart as it crosses the bridge and as checkout freezes it into an order. Every
 * amount is a non-negative integer in minor units; the engine in main builds exactly this shape.
 */
const amountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/** A rate or a percentage in basis points: 2000 is 20 %, 550 is 5.5 %. */
export const basisPointsSchema = z.number().int().min(0).max(MAX_BASIS_POINTS)

/** TTC: catalogue prices include VAT (French B2C). HT: they exclude it (business customers). */
export const priceModeSchema = z.enum(PRICE_MODES)
export type { PriceMode } from '../domain/pricing'

export const deliveryOptionSchema = z.enum(DELIVERY_OPTIONS)
export type { DeliveryOption } from '../domain/delivery'

export const deliveryZoneSchema = z.enum(DELIVERY_ZONES)
export type { DeliveryZone } from '../domain/delivery'

export const deliverySelectionSchema = z.discriminatedUnion('option', [
  z.object({ option: z.literal('pickup') }).strict(),
  z.object({ option: z.enum(SHIPPING_OPTIONS), zone: deliveryZoneSchema }).strict(),
])
export type DeliverySelection = z.infer<typeof deliverySelectionSchema>

export const lineDiscountSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent'), basisPoints: basisPointsSchema }).strict(),
  z.object({ type: z.literal('amount'), amount: amountSchema }).strict(),
])
export type LineDiscount = z.infer<typeof lineDiscountSchema>

export const promotionTypeSchema = z.enum(PROMOTION_TYPES)
export type { PromotionType } from '../domain/pricing'

export const quoteLineSchema = z.object({
  lineId: idSchema,
  productId: idSchema,
  name: localizedTextSchema,
  kind: productKindSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  vatRateBasisPoints: basisPointsSchema,
  /** Shown on the invoice; the document totals come from the rate buckets, not from these. */
  unitPriceHt: amountSchema,
  unitPriceTtc: amountSchema,
  /** Unit price × quantity, in the shop's price mode. */
  grossAmount: amountSchema,
  discount: lineDiscountSchema.nullable(),
  lineDiscount: amountSchema,
  /** This line's share of the promotion's cart discount. */
  promotionDiscount: amountSchema,
  /** grossAmount − lineDiscount − promotionDiscount, in the shop's price mode. */
  lineTotal: amountSchema,
})
export type QuoteLine = z.infer<typeof quoteLineSchema>

export const quoteRateSchema = z.object({
  rateBasisPoints: basisPointsSchema,
  /** Goods at this rate after discounts, in the shop's price mode. */
  goods: amountSchema,
  /** This rate's part of the delivery fee, in the shop's price mode. */
  shipping: amountSchema,
  ht: amountSchema,
  vat: amountSchema,
  ttc: amountSchema,
})
export type QuoteRate = z.infer<typeof quoteRateSchema>

export const quoteDeliverySchema = z.object({
  option: deliveryOptionSchema,
  zone: deliveryZoneSchema.nullable(),
  weightGrams: z.number().int().nonnegative(),
  /** The weight band's price before any waiver. */
  bandFee: amountSchema,
  /** What the customer pays for delivery, in the shop's price mode. */
  fee: amountSchema,
  waiver: z.enum(DELIVERY_WAIVERS).nullable(),
  split: z.array(z.object({ rateBasisPoints: basisPointsSchema, amount: amountSchema })),
})
export type QuoteDelivery = z.infer<typeof quoteDeliverySchema>

export const quotePromotionSchema = z.object({
  code: z.string(),
  type: promotionTypeSchema,
  /** Taken off the goods, spread across the lines. */
  goodsDiscount: amountSchema,
  /** Delivery fee waived by a free-delivery code. */
  waivedDelivery: amountSchema,
})
export type QuotePromotion = z.infer<typeof quotePromotionSchema>

export const quoteDiscountsSchema = z.object({
  lineDiscounts: amountSchema,
  promotion: quotePromotionSchema.nullable(),
  /** Line discounts plus the promotion's goods discount. */
  total: amountSchema,
})

export const quoteTotalsSchema = z.object({
  /** Sum of the lines' gross amounts, in the shop's price mode. */
  goods: amountSchema,
  discounts: amountSchema,
  delivery: amountSchema,
  ht: amountSchema,
  vat: amountSchema,
  ttc: amountSchema,
})

export const priceQuoteSchema = z.object({
  currency: currencySchema,
  priceMode: priceModeSchema,
  lines: z.array(quoteLineSchema),
  /** One entry per VAT rate present, highest rate first. */
  rates: z.array(quoteRateSchema),
  /** Null when nothing is shipped (no line, or only digital goods). */
  delivery: quoteDeliverySchema.nullable(),
  discounts: quoteDiscountsSchema,
  totals: quoteTotalsSchema,
})
export type PriceQuote = z.infer<typeof priceQuoteSchema>
