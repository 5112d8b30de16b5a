import type { VatCategory } from '@shared/domain/catalogue'
import type { DeliverySettings, PricingSettings } from './pricing-types'
import type { VatRateEntry } from './vat-rate-resolver'

/** French VAT rates in basis points: 20 %, 10 %, 5.5 %, 2.1 %. */
export const DEFAULT_VAT_RATES: Readonly<Record<VatCategory, number>> = Object.freeze({
  standard: 2000,
  intermediate: 1000,
  reduced: 550,
  special: 210,
})

/** The same rates with the date they have applied from in France (1 January 2014). */
export const DEMO_VAT_RATE_HISTORY: readonly VatRateEntry[] = Object.freeze(
  (Object.entries(DEFAULT_VAT_RATES) as [VatCategory, number][]).map(
    ([category, rateBasisPoints]) => ({
      category,
      rateBasisPoints,
      effectiveFrom: '2014-01-01T00:00:00+01:00',
    }),
  ),
)

/**
 * Demo delivery prices, tax-inclusive, in cents, close to what French parcel carriers charge.
 * World express stops at 20 kg; every other option goes up to 30 kg.
 */
export const DEMO_DELIVERY_SETTINGS: DeliverySettings = Object.freeze({
  bands: {
    FR: {
      standard: bands([490, 690, 890, 1290, 1890, 2990]),
      express: bands([990, 1290, 1590, 2190, 2990, 4490]),
    },
    EU: {
      standard: bands([1190, 1490, 1790, 2490, 3590, 5990]),
      express: bands([2190, 2590, 2990, 3990, 5490, 8990]),
    },
    WORLD: {
      standard: bands([1990, 2490, 3290, 4990, 7990, 12990]),
      express: bands([3990, 4990, 6490, 8990, 12990, 19990], [500, 1000, 2000, 5000, 10000, 20000]),
    },
  },
  freeStandardThresholdFr: 4900,
})

/** The demo shop: euros, tax-inclusive catalogue prices, the demo delivery grid. */
export const DEMO_PRICING_SETTINGS: PricingSettings = Object.freeze({
  currency: 'EUR',
  priceMode: 'TTC',
  delivery: DEMO_DELIVERY_SETTINGS,
})

function bands(
  fees: readonly number[],
  limits: readonly number[] = [500, 1000, 2000, 5000, 10000, 30000],
) {
  return Object.freeze(fees.map((fee, index) => Object.freeze({ upToGrams: limits[index]!, fee })))
}
