import type { PricingLine, PricingSettings } from '../../../src/main/pricing'
import { DEMO_DELIVERY_SETTINGS, DEMO_PRICING_SETTINGS } from '../../../src/main/pricing'

export const PRICED_AT = new Date('2025-06-15T10:00:00Z')

let nextId = 1

/** A cart line with sensible defaults: one physical unit at 20 %, 100 g. */
export function line(
  overrides: Partial<PricingLine> & Pick<PricingLine, 'unitPrice'>,
): PricingLine {
  const id = nextId++
  return {
    lineId: id,
    productId: id,
    name: { fr: `Article ${id}`, en: `Item ${id}` },
    quantity: 1,
    vatRateBasisPoints: 2000,
    kind: 'physical',
    weightGrams: 100,
    ...overrides,
  }
}

export const mug = (overrides: Partial<PricingLine> = {}) =>
  line({ unitPrice: 1200, vatRateBasisPoints: 2000, weightGrams: 150, ...overrides })

export const book = (overrides: Partial<PricingLine> = {}) =>
  line({ unitPrice: 2110, vatRateBasisPoints: 550, weightGrams: 300, ...overrides })

export const ebook = (overrides: Partial<PricingLine> = {}) =>
  line({ unitPrice: 999, vatRateBasisPoints: 550, kind: 'digital', weightGrams: 0, ...overrides })

/** Demo settings whose last band of every option accepts any weight, for random carts. */
export function settingsWithoutWeightLimit(priceMode: 'TTC' | 'HT'): PricingSettings {
  const open = (bands: readonly { upToGrams: number; fee: number }[]) => [
    ...bands,
    { upToGrams: Number.MAX_SAFE_INTEGER, fee: bands[bands.length - 1]!.fee + 1001 },
  ]
  const grid = DEMO_DELIVERY_SETTINGS.bands
  return {
    ...DEMO_PRICING_SETTINGS,
    priceMode,
    delivery: {
      ...DEMO_DELIVERY_SETTINGS,
      bands: {
        FR: { standard: open(grid.FR.standard), express: open(grid.FR.express) },
        EU: { standard: open(grid.EU.standard), express: open(grid.EU.express) },
        WORLD: { standard: open(grid.WORLD.standard), express: open(grid.WORLD.express) },
      },
    },
  }
}

/** Demo settings with a different price for standard delivery in France up to 500 g. */
export function settingsWithFrStandardFee(fee: number): PricingSettings {
  const grid = DEMO_DELIVERY_SETTINGS.bands
  return {
    ...DEMO_PRICING_SETTINGS,
    delivery: {
      ...DEMO_DELIVERY_SETTINGS,
      bands: {
        ...grid,
        FR: { ...grid.FR, standard: [{ upToGrams: 500, fee }, ...grid.FR.standard.slice(1)] },
      },
    },
  }
}
