import { ok, type Result } from '@shared/contract/result'
import type { VatCategory } from '@shared/domain/catalogue'
import { pricingError } from './pricing-errors'

/** A VAT rate for a category from a date on; a rate change is a new entry, never an edit. */
export interface VatRateEntry {
  category: VatCategory
  rateBasisPoints: number
  /** ISO 8601 date or instant from which carts are priced at this rate. */
  effectiveFrom: string
}

/**
 * The rate of `category` for a cart priced at `at`: the entry with the latest `effectiveFrom`
 * not after `at`. A rate change thus applies to carts priced after it, and an order priced before
 * keeps its rate. Two entries from the same instant: the later one in the list wins, as a
 * correction of the earlier one.
 */
export function resolveVatRate(
  category: VatCategory,
  at: Date,
  entries: readonly VatRateEntry[],
): Result<number> {
  const when = at.getTime()
  let best: { from: number; rate: number } | null = null
  for (const entry of entries) {
    if (entry.category !== category) continue
    const from = Date.parse(entry.effectiveFrom)
    if (Number.isNaN(from) || from > when) continue
    if (best === null || from >= best.from) best = { from, rate: entry.rateBasisPoints }
  }
  if (best === null) {
    return pricingError('VAT_RATE_UNKNOWN', `No VAT rate for category ${category} at that date`, {
      category,
      at: Number.isNaN(when) ? null : at.toISOString(),
    })
  }
  return ok(best.rate)
}
