import { err, type Err } from '@shared/contract/result'
import { PRICING_ERROR_CODES, type PricingErrorCode } from '@shared/contract/errors'

/**
 * Expected failures of pricing, answered as `err(code, ...)` values so that the till can say
 * exactly what is wrong and the cart stays as it was. The codes live in the contract's registry,
 * since every call that changes the cart may answer them.
 */
export { PRICING_ERROR_CODES, type PricingErrorCode }

/** `err` restricted to the pricing codes, so a typo cannot invent a new one. */
export function pricingError(code: PricingErrorCode, message: string, details?: unknown): Err<PricingErrorCode> {
  return err(code, message, details)
}
