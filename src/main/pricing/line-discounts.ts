import { scaleAmount } from '@shared/money'
import { ok, type Result } from '@shared/contract/result'
import type { LineDiscount } from '@shared/contract/pricing-schemas'
import { pricingError } from './pricing-errors'

/** A cashier's line discount above this share of the line needs an administrator's PIN. */
export const DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS = 2000

/**
 * The amount a line discount takes off a line of `lineAmount` minor units. A percentage is
 * rounded once, half away from zero; a line never goes below zero, so a larger discount is an
 * error rather than a silent cap.
 */
export function lineDiscountAmount(
  lineAmount: number,
  discount: LineDiscount | null | undefined,
  lineId?: number,
): Result<number> {
  if (!discount) return ok(0)
  const details = { lineId, discount }
  if (discount.type === 'percent') {
    const { basisPoints } = discount
    if (!Number.isInteger(basisPoints) || basisPoints < 0) {
      return pricingError(
        'DISCOUNT_INVALID',
        'A percentage discount is whole basis points',
        details,
      )
    }
    if (basisPoints > 10000) {
      return pricingError(
        'DISCOUNT_EXCEEDS_LINE',
        'A discount cannot exceed 100 % of the line',
        details,
      )
    }
    return ok(scaleAmount(lineAmount, basisPoints, 10000))
  }
  if (discount.type === 'amount') {
    if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
      return pricingError(
        'DISCOUNT_INVALID',
        'A discount amount is a non-negative integer of cents',
        details,
      )
    }
    if (discount.amount > lineAmount) {
      return pricingError('DISCOUNT_EXCEEDS_LINE', 'The discount is larger than the line', details)
    }
    return ok(discount.amount)
  }
  return pricingError('DISCOUNT_INVALID', 'Unknown discount type', details)
}

/**
 * True when a discount of `discountAmount` on a line of `lineAmount` goes beyond the approval
 * threshold, so the till must ask for an administrator's PIN before applying it.
 */
export function lineDiscountNeedsApproval(
  lineAmount: number,
  discountAmount: number,
  thresholdBasisPoints = DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS,
): boolean {
  return BigInt(discountAmount) * 10000n > BigInt(lineAmount) * BigInt(thresholdBasisPoints)
}
