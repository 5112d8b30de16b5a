import { err, type Err } from '@shared/contract/result'

/**
 * Expected failures of pricing, answered as `err(code, ...)` values so that the till can say
 * exactly what is wrong and the cart stays as it was.
 */
export const PRICING_ERROR_CODES = [
  'QUANTITY_OUT_OF_RANGE',
  'PRICE_OUT_OF_RANGE',
  'VAT_RATE_OUT_OF_RANGE',
  'VAT_RATE_UNKNOWN',
  'WEIGHT_OUT_OF_RANGE',
  'AMOUNT_OUT_OF_RANGE',
  'DUPLICATE_LINE',
  'DISCOUNT_INVALID',
  'DISCOUNT_EXCEEDS_LINE',
  'PROMOTION_INVALID',
  'PROMOTION_NOT_YET_VALID',
  'PROMOTION_EXPIRED',
  'PROMOTION_MIN_BASKET',
  'PROMOTION_USAGE_EXHAUSTED',
  'DELIVERY_UNAVAILABLE',
  'SETTINGS_INVALID',
] as const

export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number]

/** `err` restricted to the pricing codes, so a typo cannot invent a new one. */
export function pricingError(code: PricingErrorCode, message: string, details?: unknown): Err {
  return err(code, message, details)
}
