import { scaleAmount } from '@shared/money'
import { ok, type Result } from '@shared/contract/result'
import { pricingError } from './pricing-errors'
import type { Promotion } from './pricing-types'

/**
 * Checks that a promotion is well formed, in its validity window at `pricedAt`, and not used up.
 * The window is `validFrom` inclusive to `validUntil` exclusive, so a code "until midnight" is
 * stored with the midnight instant. The usage count is read by the caller (it lives in the
 * database); this only compares it with the limit.
 */
export function checkPromotionValidity(promotion: Promotion, pricedAt: Date): Result<Promotion> {
  const details = { code: promotion.code }
  const shapeError = promotionShapeError(promotion)
  if (shapeError) return pricingError('PROMOTION_INVALID', shapeError, details)
  const at = pricedAt.getTime()
  if (Number.isNaN(at))
    return pricingError('PROMOTION_INVALID', 'The pricing date is not a date', details)
  const from = promotion.validFrom ? Date.parse(promotion.validFrom) : null
  const until = promotion.validUntil ? Date.parse(promotion.validUntil) : null
  if (Number.isNaN(from) || Number.isNaN(until)) {
    return pricingError('PROMOTION_INVALID', 'The promotion dates are not ISO 8601', details)
  }
  if (from !== null && at < from) {
    return pricingError('PROMOTION_NOT_YET_VALID', `Code ${promotion.code} is not valid yet`, {
      ...details,
      validFrom: promotion.validFrom,
    })
  }
  if (until !== null && at >= until) {
    return pricingError('PROMOTION_EXPIRED', `Code ${promotion.code} has expired`, {
      ...details,
      validUntil: promotion.validUntil,
    })
  }
  const limit = promotion.usageLimit
  if (limit !== null && limit !== undefined && (promotion.timesUsed ?? 0) >= limit) {
    return pricingError(
      'PROMOTION_USAGE_EXHAUSTED',
      `Code ${promotion.code} has been used up`,
      details,
    )
  }
  return ok(promotion)
}

/**
 * Checks the promotion's minimum basket against the goods amount TTC after line discounts and
 * before the promotion itself, the amount the customer sees when typing the code.
 */
export function checkPromotionMinBasket(promotion: Promotion, goodsTtc: number): Result<Promotion> {
  const minimum = promotion.minBasket ?? 0
  if (goodsTtc < minimum) {
    return pricingError('PROMOTION_MIN_BASKET', `Code ${promotion.code} needs a larger basket`, {
      code: promotion.code,
      minBasket: minimum,
      basket: goodsTtc,
    })
  }
  return ok(promotion)
}

/**
 * What the promotion takes off goods worth `goodsAmount` (price mode, after line discounts): a
 * percentage rounded once, or a fixed amount capped at the goods so a total never goes negative.
 */
export function promotionGoodsDiscount(promotion: Promotion, goodsAmount: number): number {
  const { discount } = promotion
  if (discount.type === 'percent') return scaleAmount(goodsAmount, discount.basisPoints, 10000)
  if (discount.type === 'amount') return Math.min(discount.amount, goodsAmount)
  return 0
}

function promotionShapeError(promotion: Promotion): string | null {
  if (promotion.code.trim() === '') return 'A promotion has a code'
  const { discount } = promotion
  if (discount.type === 'percent') {
    const { basisPoints } = discount
    if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10000) {
      return 'A percentage promotion is 0 to 10000 basis points'
    }
  } else if (discount.type === 'amount') {
    if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
      return 'A fixed promotion is a non-negative integer of cents'
    }
  } else if (discount.type !== 'free-delivery') {
    return 'Unknown promotion type'
  }
  const minimum = promotion.minBasket
  if (
    minimum !== null &&
    minimum !== undefined &&
    (!Number.isSafeInteger(minimum) || minimum < 0)
  ) {
    return 'A minimum basket is a non-negative integer of cents'
  }
  return null
}
