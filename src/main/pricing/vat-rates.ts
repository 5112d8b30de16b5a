import type { PricingRepository } from './pricing-repository'
import type { VatRateEntry } from './vat-rate-resolver'

/** The VAT rate history: every rate of every category with the day it took effect. */
export class VatRates {
  constructor(private readonly pricing: PricingRepository) {}

  history(): VatRateEntry[] {
    return this.pricing.vatRateHistory()
  }

  /** A new rate from its effective day; `at` is when it was recorded. */
  add(entry: VatRateEntry, at: string): void {
    this.pricing.addVatRate(entry, at)
  }
}
