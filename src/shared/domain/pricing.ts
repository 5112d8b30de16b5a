/** TTC: catalogue prices include VAT (French B2C). HT: they exclude it (business customers). */
export const PRICE_MODES = ['TTC', 'HT'] as const
export type PriceMode = (typeof PRICE_MODES)[number]

/** What a promotion code gives: a share of the goods, an amount off, or free delivery. */
export const PROMOTION_TYPES = ['percent', 'amount', 'free-delivery'] as const
export type PromotionType = (typeof PROMOTION_TYPES)[number]

/** Why the delivery fee was waived: the basket passed the threshold, or a promotion code. */
export const DELIVERY_WAIVERS = ['threshold', 'promotion'] as const
export type DeliveryWaiver = (typeof DELIVERY_WAIVERS)[number]
