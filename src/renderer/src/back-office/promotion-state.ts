/** What a promotion code does right now, as the settings table shows it. */
export type PromotionState = 'active' | 'expired' | 'not-yet-valid' | 'disabled' | 'used-up'

interface PromotionWindow {
  active: boolean
  validFrom: string | null
  validUntil: string | null
  usageLimit: number | null
  timesUsed: number
}

/**
 * The state a cashier would meet at `now`, by the same rules as pricing (`validFrom` inclusive,
 * `validUntil` exclusive): a code switched off is disabled whatever its dates; then a window not
 * yet open, a window closed, a limit reached; otherwise it applies.
 */
export function promotionState(promotion: PromotionWindow, now: Date): PromotionState {
  if (!promotion.active) return 'disabled'
  const at = now.getTime()
  if (promotion.validFrom && at < Date.parse(promotion.validFrom)) return 'not-yet-valid'
  if (promotion.validUntil && at >= Date.parse(promotion.validUntil)) return 'expired'
  if (promotion.usageLimit !== null && promotion.timesUsed >= promotion.usageLimit) return 'used-up'
  return 'active'
}
