/** French VAT categories; each has its rate history (20 %, 10 %, 5.5 %, 2.1 % today). */
export const VAT_CATEGORIES = ['standard', 'intermediate', 'reduced', 'special'] as const
export type VatCategory = (typeof VAT_CATEGORIES)[number]

/** Physical goods are weighed and shipped; digital goods are delivered by the order itself. */
export const PRODUCT_KINDS = ['physical', 'digital'] as const
export type ProductKind = (typeof PRODUCT_KINDS)[number]

/** What a digital product gives the buyer. */
export const DIGITAL_DELIVERY_KINDS = ['download', 'licence_key', 'gift_card', 'subscription'] as const
export type DigitalDeliveryKind = (typeof DIGITAL_DELIVERY_KINDS)[number]
