import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DEMO_PRICING_SETTINGS,
  lineDiscountNeedsApproval,
  priceCart,
  type PricingInput,
  type Promotion,
} from '../../../src/main/pricing'
import { PRICED_AT, mug } from './pricing-test-support'

function errorOf(
  input: Omit<PricingInput, 'pricedAt'> & { pricedAt?: Date },
  settings = DEMO_PRICING_SETTINGS,
) {
  const result = priceCart({ pricedAt: PRICED_AT, ...input }, settings)
  if (result.ok) throw new Error('expected an error, got a quote')
  return result.error
}

const code = (overrides: Partial<Promotion> = {}): Promotion => ({
  code: 'ETE25',
  discount: { type: 'percent', basisPoints: 2500 },
  ...overrides,
})

describe('bad lines are refused with a clear code', () => {
  it.each([0, 10000, 1.5, -1])('a quantity of %s is out of range', (quantity) => {
    const line = mug({ quantity })
    expect(errorOf({ lines: [line] })).toMatchObject({
      code: 'QUANTITY_OUT_OF_RANGE',
      details: { lineId: line.lineId, quantity },
    })
  })

  it('a quantity of 9 999 is still accepted', () => {
    expect(priceCart({ pricedAt: PRICED_AT, lines: [mug({ quantity: 9999 })] }).ok).toBe(true)
  })

  it('a negative or fractional price, a rate above 100 % and a negative weight are refused', () => {
    expect(errorOf({ lines: [mug({ unitPrice: -1 })] }).code).toBe('PRICE_OUT_OF_RANGE')
    expect(errorOf({ lines: [mug({ unitPrice: 12.5 })] }).code).toBe('PRICE_OUT_OF_RANGE')
    expect(errorOf({ lines: [mug({ vatRateBasisPoints: 10001 })] }).code).toBe(
      'VAT_RATE_OUT_OF_RANGE',
    )
    expect(errorOf({ lines: [mug({ vatRateBasisPoints: 5.5 })] }).code).toBe(
      'VAT_RATE_OUT_OF_RANGE',
    )
    expect(errorOf({ lines: [mug({ weightGrams: -1 })] }).code).toBe('WEIGHT_OUT_OF_RANGE')
  })

  it('a cart beyond what a till handles is refused rather than losing cents', () => {
    expect(errorOf({ lines: [mug({ unitPrice: 2 ** 50, quantity: 9999 })] }).code).toBe(
      'AMOUNT_OUT_OF_RANGE',
    )
  })

  it('two lines with the same id are refused', () => {
    const line = mug()
    expect(errorOf({ lines: [line, { ...line }] }).code).toBe('DUPLICATE_LINE')
  })
})

describe('line discounts never take a line below zero', () => {
  it('a discount amount over the line is refused', () => {
    const line = mug({ discount: { type: 'amount', amount: 1201 } })
    expect(errorOf({ lines: [line] })).toMatchObject({
      code: 'DISCOUNT_EXCEEDS_LINE',
      details: { lineId: line.lineId },
    })
  })

  it('a discount over 100 % is refused', () => {
    expect(
      errorOf({ lines: [mug({ discount: { type: 'percent', basisPoints: 10001 } })] }).code,
    ).toBe('DISCOUNT_EXCEEDS_LINE')
  })

  it('a negative or fractional discount is invalid', () => {
    expect(errorOf({ lines: [mug({ discount: { type: 'amount', amount: -1 } })] }).code).toBe(
      'DISCOUNT_INVALID',
    )
    expect(
      errorOf({ lines: [mug({ discount: { type: 'percent', basisPoints: 12.5 } })] }).code,
    ).toBe('DISCOUNT_INVALID')
  })

  it('the whole line as a discount is allowed and gives a zero line', () => {
    const result = priceCart({
      pricedAt: PRICED_AT,
      lines: [mug({ discount: { type: 'amount', amount: 1200 } })],
    })
    expect(result.ok && result.value.totals.ttc).toBe(0)
  })

  it('a cashier discount above 20 % of the line needs an administrator', () => {
    expect(lineDiscountNeedsApproval(1000, { type: 'amount', amount: 200 })).toBe(false)
    expect(lineDiscountNeedsApproval(1000, { type: 'amount', amount: 201 })).toBe(true)
    expect(lineDiscountNeedsApproval(1000, { type: 'amount', amount: 300 }, 3000)).toBe(false)
  })

  it('the limit compares the exact share, not the rounded amount: 20 % of 3,89 EUR is 20 %', () => {
    // 20 % of 389 rounds to 78 cents, which is 20.05 % of the line; the discount is still 20 %.
    expect(lineDiscountNeedsApproval(389, { type: 'percent', basisPoints: 2000 })).toBe(false)
    expect(lineDiscountNeedsApproval(389, { type: 'percent', basisPoints: 2001 })).toBe(true)
    // An amount is compared exactly too: 77,8 cents would be 20 %, so 78 is over and 77 is not.
    expect(lineDiscountNeedsApproval(389, { type: 'amount', amount: 78 })).toBe(true)
    expect(lineDiscountNeedsApproval(389, { type: 'amount', amount: 77 })).toBe(false)
  })

  it('any percentage up to the threshold passes on any line, whatever the rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10000 }), (line, threshold) => {
        expect(lineDiscountNeedsApproval(line, { type: 'percent', basisPoints: threshold }, threshold)).toBe(false)
        if (threshold < 10000) {
          expect(lineDiscountNeedsApproval(line, { type: 'percent', basisPoints: threshold + 1 }, threshold)).toBe(true)
        }
      }),
    )
  })

  it('an amount passes exactly when amount × 10000 ≤ threshold × line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10000 }), fc.nat(), (line, threshold, seed) => {
        const amount = seed % (line + 1)
        const within = BigInt(amount) * 10000n <= BigInt(threshold) * BigInt(line)
        expect(lineDiscountNeedsApproval(line, { type: 'amount', amount }, threshold)).toBe(!within)
      }),
    )
  })
})

describe('promotion codes', () => {
  it('an expired code is refused: validity ends at validUntil, exclusive', () => {
    const promotion = code({ validUntil: PRICED_AT.toISOString() })
    expect(errorOf({ lines: [mug()], promotion })).toMatchObject({
      code: 'PROMOTION_EXPIRED',
      details: { code: 'ETE25' },
    })
  })

  it('a code starts at validFrom, inclusive', () => {
    const startsNow = code({ validFrom: PRICED_AT.toISOString() })
    expect(priceCart({ pricedAt: PRICED_AT, lines: [mug()], promotion: startsNow }).ok).toBe(true)
    const startsLater = code({ validFrom: '2025-06-15T10:00:01Z' })
    expect(errorOf({ lines: [mug()], promotion: startsLater }).code).toBe('PROMOTION_NOT_YET_VALID')
  })

  it('a basket below the minimum is refused, judged TTC after line discounts', () => {
    const promotion = code({ minBasket: 1200 })
    expect(priceCart({ pricedAt: PRICED_AT, lines: [mug()], promotion }).ok).toBe(true)
    expect(
      errorOf({ lines: [mug({ discount: { type: 'amount', amount: 1 } })], promotion }),
    ).toMatchObject({ code: 'PROMOTION_MIN_BASKET', details: { minBasket: 1200, basket: 1199 } })
  })

  it('a code whose usage limit is reached is refused', () => {
    expect(
      errorOf({ lines: [mug()], promotion: code({ usageLimit: 10, timesUsed: 10 }) }).code,
    ).toBe('PROMOTION_USAGE_EXHAUSTED')
  })

  it('a malformed code is invalid', () => {
    const over100 = code({ discount: { type: 'percent', basisPoints: 10001 } })
    expect(errorOf({ lines: [mug()], promotion: over100 }).code).toBe('PROMOTION_INVALID')
    expect(errorOf({ lines: [mug()], promotion: code({ validUntil: 'soon' }) }).code).toBe(
      'PROMOTION_INVALID',
    )
    expect(errorOf({ lines: [mug()], promotion: code({ code: ' ' }) }).code).toBe(
      'PROMOTION_INVALID',
    )
  })
})

describe('delivery', () => {
  it('world express is unavailable above 20 kg', () => {
    expect(
      errorOf({
        lines: [mug({ weightGrams: 20001 })],
        delivery: { option: 'express', zone: 'WORLD' },
      }),
    ).toMatchObject({
      code: 'DELIVERY_UNAVAILABLE',
      details: { option: 'express', zone: 'WORLD', weightGrams: 20001 },
    })
  })

  it('an option without bands in a zone is unavailable', () => {
    const settings = {
      ...DEMO_PRICING_SETTINGS,
      delivery: {
        ...DEMO_PRICING_SETTINGS.delivery,
        bands: { ...DEMO_PRICING_SETTINGS.delivery.bands, EU: { standard: [], express: [] } },
      },
    }
    expect(
      errorOf({ lines: [mug()], delivery: { option: 'standard', zone: 'EU' } }, settings).code,
    ).toBe('DELIVERY_UNAVAILABLE')
  })
})

describe('a refused cart stays as it was', () => {
  it('pricing never modifies its input, even when it fails', () => {
    const input: PricingInput = {
      pricedAt: PRICED_AT,
      lines: [mug(), mug({ quantity: 0 })],
      promotion: code(),
      delivery: { option: 'standard', zone: 'FR' },
    }
    const before = structuredClone(input)
    priceCart(input)
    expect(input).toEqual(before)
  })
})
