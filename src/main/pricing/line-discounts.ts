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
 * The exact share of its line a discount takes, as a fraction `numerator / denominator` of
 * integers. A percentage is its own share, never the rounded amount: 20 % of 3,89 EUR is 20 %,
 * though it takes 0,78 EUR off. An amount is its share of the line's gross `lineAmount`.
 */
export interface DiscountShare {
  numerator: bigint
  denominator: bigint
}

export function lineDiscountShare(lineAmount: number, discount: LineDiscount | null | undefined): DiscountShare {
  if (!discount) return { numerator: 0n, denominator: 1n }
  if (discount.type === 'percent') return { numerator: BigInt(discount.basisPoints), denominator: 10000n }
  if (discount.amount === 0) return { numerator: 0n, denominator: 1n }
  // An amount on an empty line is more than all of it; the engine refuses it anyway.
  if (lineAmount <= 0) return { numerator: 1n, denominator: 0n }
  return { numerator: BigInt(discount.amount), denominator: BigInt(lineAmount) }
}

/** True when share `a` is strictly larger than share `b`, compared exactly (cross-multiplied). */
export function shareExceeds(a: DiscountShare, b: DiscountShare): boolean {
  if (a.denominator === 0n) return b.denominator !== 0n
  if (b.denominator === 0n) return false
  return a.numerator * b.denominator > b.numerator * a.denominator
}

/** A threshold in basis points as a share. */
export function thresholdShare(thresholdBasisPoints: number): DiscountShare {
  return { numerator: BigInt(thresholdBasisPoints), denominator: 10000n }
}

/**
 * True when `discount` on a line of gross `lineAmount` goes beyond the approval threshold, so the
 * till must ask for an administrator's PIN. Compared exactly: `discount × 10000 > threshold × gross`
 * for an amount, `basis points > threshold` for a percentage, with no rounding on either side.
 */
export function lineDiscountNeedsApproval(
  lineAmount: number,
  discount: LineDiscount | null | undefined,
  thresholdBasisPoints = DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS,
): boolean {
  return shareExceeds(lineDiscountShare(lineAmount, discount), thresholdShare(thresholdBasisPoints))
}
