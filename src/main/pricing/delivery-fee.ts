import { MAX_DELIVERY_FEE } from '@shared/domain/limits'
import { ok, type Result } from '@shared/contract/result'
import { pricingError } from './pricing-errors'
import type {
  DeliverySelection,
  DeliverySettings,
  QuoteDelivery,
  WeightBand,
} from './pricing-types'

export { MAX_DELIVERY_FEE } from '@shared/domain/limits'

export interface DeliveryContext {
  /** Weight of the physical goods, in grams. */
  weightGrams: number
  /** Goods TTC after every discount: what the free-delivery threshold is judged on. */
  goodsTtc: number
  /** The cart carries a valid free-delivery promotion code. */
  freeDeliveryCode: boolean
}

/** The fee of the first band whose upper weight reaches `weightGrams`, or null when too heavy. */
export function bandFee(bands: readonly WeightBand[], weightGrams: number): number | null {
  for (const band of bands) {
    if (weightGrams <= band.upToGrams) return band.fee
  }
  return null
}

/**
 * Prices the chosen delivery: pickup is free; standard and express follow the zone's weight
 * bands. Standard delivery in metropolitan France is free from the threshold (goods TTC after
 * discounts); a free-delivery code waives standard or express. The threshold is checked first,
 * so a code is never recorded as having paid for what was already free.
 */
export function resolveDelivery(
  selection: DeliverySelection,
  context: DeliveryContext,
  settings: DeliverySettings,
): Result<Omit<QuoteDelivery, 'split'>> {
  const { weightGrams } = context
  if (selection.option === 'pickup') {
    return ok({ option: 'pickup', zone: null, weightGrams, bandFee: 0, fee: 0, waiver: null })
  }
  const { option, zone } = selection
  const bands = settings.bands[zone]?.[option]
  const fee = bands ? bandFee(bands, weightGrams) : null
  if (fee === null) {
    return pricingError('DELIVERY_UNAVAILABLE', `No ${option} delivery to ${zone} for this cart`, {
      option,
      zone,
      weightGrams,
    })
  }
  if (!Number.isSafeInteger(fee) || fee < 0 || fee > MAX_DELIVERY_FEE) {
    return pricingError('SETTINGS_INVALID', `The ${option} fee to ${zone} is not a valid amount`, {
      fee,
    })
  }
  const threshold = settings.freeStandardThresholdFr
  if (
    option === 'standard' &&
    zone === 'FR' &&
    threshold !== null &&
    context.goodsTtc >= threshold
  ) {
    return ok({ option, zone, weightGrams, bandFee: fee, fee: 0, waiver: 'threshold' })
  }
  if (context.freeDeliveryCode && fee > 0) {
    return ok({ option, zone, weightGrams, bandFee: fee, fee: 0, waiver: 'promotion' })
  }
  return ok({ option, zone, weightGrams, bandFee: fee, fee, waiver: null })
}
