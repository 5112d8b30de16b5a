import fc from 'fast-check'
import type { DeliverySelection, PricingLine, Promotion } from '../../../src/main/pricing'

/**
 * Prices that tie often (so that leftover cents meet equal weights), everyday prices, and very
 * large ones.
 */
const unitPrice = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 100, 1055, 1200, 2110), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 20000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 10 ** 9 }), weight: 1 },
)

const quantity = fc.oneof(
  { arbitrary: fc.constant(1), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 9999 }), weight: 1 },
)

type DiscountSpec =
  { type: 'percent'; basisPoints: number } | { type: 'share'; perMille: number } | null

const discountSpec: fc.Arbitrary<DiscountSpec> = fc.oneof(
  fc.constant(null),
  fc
    .integer({ min: 0, max: 10000 })
    .map((basisPoints) => ({ type: 'percent' as const, basisPoints })),
  fc.integer({ min: 0, max: 1000 }).map((perMille) => ({ type: 'share' as const, perMille })),
)

const lineSpec = fc.record({
  unitPrice,
  quantity,
  vatRateBasisPoints: fc.constantFrom(2000, 1000, 550, 210, 0),
  kind: fc.constantFrom('physical' as const, 'digital' as const),
  weightGrams: fc.integer({ min: 0, max: 5000 }),
  discount: discountSpec,
})

/** Random carts of up to 12 lines with unique ids; amount discounts never exceed their line. */
export const cartLines: fc.Arbitrary<PricingLine[]> = fc
  .array(lineSpec, { maxLength: 12 })
  .map((specs) =>
    specs.map((spec, index) => {
      const gross = spec.unitPrice * spec.quantity
      const discount =
        spec.discount === null
          ? null
          : spec.discount.type === 'percent'
            ? spec.discount
            : {
                type: 'amount' as const,
                amount: Number((BigInt(gross) * BigInt(spec.discount.perMille)) / 1000n),
              }
      return {
        lineId: index + 1,
        productId: 100 + index,
        name: { fr: `Article ${index + 1}`, en: `Item ${index + 1}` },
        unitPrice: spec.unitPrice,
        quantity: spec.quantity,
        vatRateBasisPoints: spec.vatRateBasisPoints,
        kind: spec.kind,
        weightGrams: spec.weightGrams,
        discount,
      }
    }),
  )

export const promotion: fc.Arbitrary<Promotion | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 10000 }).map((basisPoints) => ({
    code: 'PCT',
    discount: { type: 'percent' as const, basisPoints },
  })),
  fc
    .oneof(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 10 ** 12 }),
    )
    .map((amount) => ({
      code: 'FIX',
      discount: { type: 'amount' as const, amount },
    })),
  fc.constant({ code: 'SHIP', discount: { type: 'free-delivery' as const } }),
)

export const delivery: fc.Arbitrary<DeliverySelection> = fc.oneof(
  fc.constant({ option: 'pickup' as const }),
  fc.record({
    option: fc.constantFrom('standard' as const, 'express' as const),
    zone: fc.constantFrom('FR' as const, 'EU' as const, 'WORLD' as const),
  }),
)

export const priceMode = fc.constantFrom('TTC' as const, 'HT' as const)
