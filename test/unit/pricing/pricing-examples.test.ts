import { describe, expect, it } from 'vitest'
import { priceQuoteSchema, type PriceQuote } from '@shared/contract/pricing-schemas'
import type { Result } from '@shared/contract/result'
import { DEMO_PRICING_SETTINGS, priceCart, type PricingInput } from '../../../src/main/pricing'
import {
  PRICED_AT,
  book,
  ebook,
  line,
  mug,
  settingsWithFrStandardFee,
} from './pricing-test-support'

function quote(
  input: Omit<PricingInput, 'pricedAt'>,
  settings = DEMO_PRICING_SETTINGS,
): PriceQuote {
  const result: Result<PriceQuote> = priceCart({ pricedAt: PRICED_AT, ...input }, settings)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  expect(priceQuoteSchema.parse(result.value)).toEqual(result.value)
  return result.value
}

const standardFr = { option: 'standard', zone: 'FR' } as const

describe('VAT per rate', () => {
  it('computes VAT once per rate, not per line: three 1.00 EUR items at 20 % carry 0.50 EUR', () => {
    // Per line, round(100 / 6) = 17 would make 0.51 EUR; on the bucket, 300 / 6 = 50.
    const result = quote({
      lines: [line({ unitPrice: 100 }), line({ unitPrice: 100 }), line({ unitPrice: 100 })],
    })
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 300, shipping: 0, ht: 250, vat: 50, ttc: 300 },
    ])
    expect(result.totals).toMatchObject({ ht: 250, vat: 50, ttc: 300 })
  })

  it('with TTC prices takes VAT out of the gross: round(G × r / (10000 + r))', () => {
    // 20 %: 1200 × 2000 / 12000 = 200. 5.5 %: 2110 × 550 / 10550 = 110.
    const result = quote({ lines: [mug(), book()] })
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 1200, shipping: 0, ht: 1000, vat: 200, ttc: 1200 },
      { rateBasisPoints: 550, goods: 2110, shipping: 0, ht: 2000, vat: 110, ttc: 2110 },
    ])
    expect(result.totals).toEqual({
      goods: 3310,
      discounts: 0,
      delivery: 0,
      ht: 3000,
      vat: 310,
      ttc: 3310,
    })
  })

  it('with HT prices adds VAT to the net: round(N × r / 10000)', () => {
    // 20 %: 1003 × 0.2 = 200.6 -> 201. 5.5 %: 999 × 0.055 = 54.945 -> 55.
    const settings = { ...DEMO_PRICING_SETTINGS, priceMode: 'HT' as const }
    const result = quote({ lines: [mug({ unitPrice: 1003 }), book({ unitPrice: 999 })] }, settings)
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 1003, shipping: 0, ht: 1003, vat: 201, ttc: 1204 },
      { rateBasisPoints: 550, goods: 999, shipping: 0, ht: 999, vat: 55, ttc: 1054 },
    ])
    expect(result.totals).toMatchObject({ ht: 2002, vat: 256, ttc: 2258 })
    expect(result.lines.map((l) => [l.unitPriceHt, l.unitPriceTtc])).toEqual([
      [1003, 1204],
      [999, 1054],
    ])
  })

  it('shows each line its unit price with and without VAT, as a French invoice must', () => {
    const result = quote({ lines: [mug(), book({ unitPrice: 1055, quantity: 2 })] })
    expect(
      result.lines.map((l) => [l.unitPriceHt, l.unitPriceTtc, l.quantity, l.vatRateBasisPoints]),
    ).toEqual([
      [1000, 1200, 1, 2000],
      [1000, 1055, 2, 550],
    ])
  })
})

describe('shipping follows the VAT of the goods', () => {
  it('a 5.5 % book and a 20 % mug share a 4.90 EUR delivery fee in proportion to their net amounts', () => {
    // Nets: mug 10.00, book 20.00. 490 × 1/3 = 163.33, 490 × 2/3 = 326.67 -> 163 and 327.
    // 20 %: 1363 × 2000 / 12000 = 227.17 -> 227. 5.5 %: 2437 × 550 / 10550 = 127.05 -> 127.
    const result = quote({ lines: [mug(), book()], delivery: standardFr })
    expect(result.delivery).toEqual({
      option: 'standard',
      zone: 'FR',
      weightGrams: 450,
      bandFee: 490,
      fee: 490,
      waiver: null,
      split: [
        { rateBasisPoints: 2000, amount: 163 },
        { rateBasisPoints: 550, amount: 327 },
      ],
    })
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 1200, shipping: 163, ht: 1136, vat: 227, ttc: 1363 },
      { rateBasisPoints: 550, goods: 2110, shipping: 327, ht: 2310, vat: 127, ttc: 2437 },
    ])
    expect(result.totals).toEqual({
      goods: 3310,
      discounts: 0,
      delivery: 490,
      ht: 3446,
      vat: 354,
      ttc: 3800,
    })
  })

  it('an odd cent of shipping between equal net amounts goes to the higher rate', () => {
    // Mug 12.00 and book 10.55 are both 10.00 net: 4.91 EUR splits 2.46 at 20 %, 2.45 at 5.5 %.
    const result = quote(
      { lines: [book({ unitPrice: 1055 }), mug()], delivery: standardFr },
      settingsWithFrStandardFee(491),
    )
    expect(result.delivery?.split).toEqual([
      { rateBasisPoints: 2000, amount: 246 },
      { rateBasisPoints: 550, amount: 245 },
    ])
  })

  it('a single-rate cart puts the whole fee at that rate', () => {
    // Two mugs, 700 g: band up to 1 kg, 6.90 EUR. 3090 × 2000 / 12000 = 515.
    const result = quote({ lines: [mug({ quantity: 2, weightGrams: 350 })], delivery: standardFr })
    expect(result.delivery?.split).toEqual([{ rateBasisPoints: 2000, amount: 690 }])
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 2400, shipping: 690, ht: 2575, vat: 515, ttc: 3090 },
    ])
  })

  it('shipping is split over the shipped goods only, not over digital goods', () => {
    // The e-book at 5.5 % is not shipped: the whole fee goes to the mug's 20 %.
    const result = quote({ lines: [mug(), ebook()], delivery: standardFr })
    expect(result.delivery?.split).toEqual([{ rateBasisPoints: 2000, amount: 490 }])
    expect(result.rates.map((rate) => rate.shipping)).toEqual([490, 0])
  })

  it('a cart with only digital goods has no delivery and no fee, whatever was selected', () => {
    // 999 × 550 / 10550 = 52.08 -> 52.
    const result = quote({ lines: [ebook()], delivery: { option: 'express', zone: 'WORLD' } })
    expect(result.delivery).toBeNull()
    expect(result.totals).toEqual({
      goods: 999,
      discounts: 0,
      delivery: 0,
      ht: 947,
      vat: 52,
      ttc: 999,
    })
  })

  it('store pickup is free and is the default', () => {
    const result = quote({ lines: [mug()] })
    expect(result.delivery).toMatchObject({
      option: 'pickup',
      zone: null,
      fee: 0,
      split: [{ rateBasisPoints: 2000, amount: 0 }],
    })
  })

  it('a heavier cart moves to the next weight band', () => {
    const result = quote({ lines: [mug({ weightGrams: 501 })], delivery: standardFr })
    expect(result.delivery).toMatchObject({ weightGrams: 501, fee: 690 })
  })

  it('express and other zones follow their own grids', () => {
    expect(
      quote({ lines: [mug()], delivery: { option: 'express', zone: 'FR' } }).delivery?.fee,
    ).toBe(990)
    expect(
      quote({ lines: [mug()], delivery: { option: 'standard', zone: 'EU' } }).delivery?.fee,
    ).toBe(1190)
    expect(
      quote({ lines: [mug()], delivery: { option: 'express', zone: 'WORLD' } }).delivery?.fee,
    ).toBe(3990)
  })
})

describe('free standard delivery in metropolitan France', () => {
  const twoMugs = (overrides = {}) =>
    mug({ unitPrice: 2500, quantity: 2, weightGrams: 350, ...overrides })

  it('is free from 49.00 EUR of goods TTC: at exactly 49.00 EUR, not at 48.99 EUR', () => {
    const result = quote({ lines: [twoMugs()], delivery: standardFr })
    expect(result.delivery).toMatchObject({ bandFee: 690, fee: 0, waiver: 'threshold' })
    expect(result.totals.ttc).toBe(5000)
    const atThreshold = quote({ lines: [twoMugs({ unitPrice: 2450 })], delivery: standardFr })
    expect(atThreshold.delivery).toMatchObject({ fee: 0, waiver: 'threshold' })
    expect(atThreshold.totals).toMatchObject({ goods: 4900, delivery: 0, ttc: 4900 })
    const oneCentShort = quote({ lines: [mug({ unitPrice: 4899, weightGrams: 700 })], delivery: standardFr })
    expect(oneCentShort.delivery).toMatchObject({ bandFee: 690, fee: 690, waiver: null })
    expect(oneCentShort.totals).toMatchObject({ goods: 4899, ttc: 4899 + 690 })
  })

  it('is judged after discounts: 50.00 EUR less a 2.00 EUR discount pays delivery', () => {
    const result = quote({
      lines: [twoMugs({ discount: { type: 'amount', amount: 200 } })],
      delivery: standardFr,
    })
    expect(result.delivery).toMatchObject({ fee: 690, waiver: null })
    expect(result.totals).toMatchObject({ goods: 5000, discounts: 200, delivery: 690, ttc: 5490 })
  })

  it('does not apply to express delivery nor to other zones', () => {
    expect(
      quote({ lines: [twoMugs()], delivery: { option: 'express', zone: 'FR' } }).delivery?.fee,
    ).toBe(1290)
    expect(
      quote({ lines: [twoMugs()], delivery: { option: 'standard', zone: 'EU' } }).delivery?.fee,
    ).toBe(1490)
  })
})

describe('discounts', () => {
  it('a percentage line discount is rounded once, half away from zero', () => {
    // 3 × 3.35 = 10.05 EUR; 10 % = 100.5 cents -> 101.
    const result = quote({
      lines: [
        mug({ unitPrice: 335, quantity: 3, discount: { type: 'percent', basisPoints: 1000 } }),
      ],
    })
    expect(result.lines[0]).toMatchObject({ grossAmount: 1005, lineDiscount: 101, lineTotal: 904 })
    expect(result.discounts).toEqual({ lineDiscounts: 101, promotion: null, total: 101 })
  })

  it('a cart discount is spread across lines in proportion to their amounts before VAT', () => {
    // 5.00 EUR over 12.00 and 21.10: 181.27 and 318.73 -> 181 and 319.
    // 20 %: 1019 × 2000 / 12000 = 169.83 -> 170. 5.5 %: 1791 × 550 / 10550 = 93.37 -> 93.
    const result = quote({
      lines: [mug(), book()],
      promotion: { code: 'MOINS5', discount: { type: 'amount', amount: 500 } },
    })
    expect(result.lines.map((l) => [l.promotionDiscount, l.lineTotal])).toEqual([
      [181, 1019],
      [319, 1791],
    ])
    expect(result.rates).toEqual([
      { rateBasisPoints: 2000, goods: 1019, shipping: 0, ht: 849, vat: 170, ttc: 1019 },
      { rateBasisPoints: 550, goods: 1791, shipping: 0, ht: 1698, vat: 93, ttc: 1791 },
    ])
    expect(result.discounts.promotion).toEqual({
      code: 'MOINS5',
      type: 'amount',
      goodsDiscount: 500,
      waivedDelivery: 0,
    })
    expect(result.totals).toEqual({
      goods: 3310,
      discounts: 500,
      delivery: 0,
      ht: 2547,
      vat: 263,
      ttc: 2810,
    })
  })

  it('a tied cent of cart discount goes to the higher rate first, then to the earlier line', () => {
    const oneCent = { code: 'CENT', discount: { type: 'amount' as const, amount: 1 } }
    const acrossRates = quote({ lines: [book({ unitPrice: 1200 }), mug()], promotion: oneCent })
    expect(acrossRates.lines.map((l) => l.promotionDiscount)).toEqual([0, 1])
    const sameRate = quote({ lines: [mug(), mug()], promotion: oneCent })
    expect(sameRate.lines.map((l) => l.promotionDiscount)).toEqual([1, 0])
  })

  it('a percentage code takes its share of the goods after line discounts', () => {
    // Goods after line discount: 1200 + 2110 - 110 = 3200; 15 % = 480.
    const result = quote({
      lines: [mug(), book({ discount: { type: 'amount', amount: 110 } })],
      promotion: { code: 'PRINTEMPS15', discount: { type: 'percent', basisPoints: 1500 } },
    })
    expect(result.discounts).toMatchObject({ lineDiscounts: 110, total: 590 })
    expect(result.discounts.promotion?.goodsDiscount).toBe(480)
    expect(result.totals.ttc).toBe(3310 - 590)
  })

  it('a fixed code larger than the basket brings the goods to zero, never below', () => {
    const result = quote({
      lines: [mug()],
      promotion: { code: 'CADEAU', discount: { type: 'amount', amount: 5000 } },
    })
    expect(result.discounts.promotion?.goodsDiscount).toBe(1200)
    expect(result.totals).toMatchObject({ ht: 0, vat: 0, ttc: 0 })
  })

  it('a free-delivery code waives the delivery fee and says how much', () => {
    const result = quote({
      lines: [mug()],
      delivery: standardFr,
      promotion: { code: 'LIVRAISON', discount: { type: 'free-delivery' } },
    })
    expect(result.delivery).toMatchObject({ bandFee: 490, fee: 0, waiver: 'promotion' })
    expect(result.discounts.promotion).toMatchObject({ goodsDiscount: 0, waivedDelivery: 490 })
    expect(result.totals.ttc).toBe(1200)
  })
})
