import { MAX_CART_AMOUNT, MAX_CART_WEIGHT_GRAMS, MAX_LINE_QUANTITY } from '@shared/domain/limits'
import { ok, type Result } from '@shared/contract/result'
import { pricingError } from './pricing-errors'
import type { PricingLine } from './pricing-types'

export { MAX_CART_AMOUNT, MAX_CART_WEIGHT_GRAMS } from '@shared/domain/limits'

/**
 * Checks every line before anything is priced, so that a bad line is reported with its id and
 * never half-priced. Returns the cart's gross goods amount and physical weight.
 */
export function validateLines(
  lines: readonly PricingLine[],
): Result<{ goodsAmount: number; weightGrams: number }> {
  const seen = new Set<number>()
  let goodsAmount = 0
  let weightGrams = 0
  for (const line of lines) {
    const details = { lineId: line.lineId }
    if (seen.has(line.lineId))
      return pricingError('DUPLICATE_LINE', 'Two lines share an id', details)
    seen.add(line.lineId)
    if (
      !Number.isInteger(line.quantity) ||
      line.quantity < 1 ||
      line.quantity > MAX_LINE_QUANTITY
    ) {
      return pricingError(
        'QUANTITY_OUT_OF_RANGE',
        `A quantity is a whole number from 1 to ${MAX_LINE_QUANTITY}`,
        { ...details, quantity: line.quantity },
      )
    }
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
      return pricingError(
        'PRICE_OUT_OF_RANGE',
        'A unit price is a non-negative integer of cents',
        details,
      )
    }
    const rate = line.vatRateBasisPoints
    if (!Number.isInteger(rate) || rate < 0 || rate > 10000) {
      return pricingError('VAT_RATE_OUT_OF_RANGE', 'A VAT rate is 0 to 10000 basis points', details)
    }
    if (!Number.isSafeInteger(line.weightGrams) || line.weightGrams < 0) {
      return pricingError(
        'WEIGHT_OUT_OF_RANGE',
        'A weight is a non-negative integer of grams',
        details,
      )
    }
    goodsAmount += line.unitPrice * line.quantity
    if (line.kind === 'physical') weightGrams += line.weightGrams * line.quantity
    if (goodsAmount > MAX_CART_AMOUNT) {
      return pricingError(
        'AMOUNT_OUT_OF_RANGE',
        'The cart amount is beyond what a till handles',
        details,
      )
    }
    if (weightGrams > MAX_CART_WEIGHT_GRAMS) {
      return pricingError(
        'WEIGHT_OUT_OF_RANGE',
        'The cart weight is beyond what a till handles',
        details,
      )
    }
  }
  return ok({ goodsAmount, weightGrams })
}
