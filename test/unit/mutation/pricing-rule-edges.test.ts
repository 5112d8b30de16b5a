// Pricing rules at the exact points where Stryker's surviving mutants changed them (issue 20,
// test/mutation/survivors.md): each test says the rule in the shop's words and fails under the
// mutant named beside it.
import { describe, expect, it } from 'vitest'
import { allocateCartDiscount, type AllocatableLine } from '../../../src/main/pricing/cart-discount-allocation'
import { DEMO_DELIVERY_SETTINGS } from '../../../src/main/pricing/demo-pricing-settings'
import { MAX_DELIVERY_FEE, resolveDelivery } from '../../../src/main/pricing/delivery-fee'
import {
  lineDiscountAmount,
  lineDiscountNeedsApproval,
  lineDiscountShare,
  shareExceeds,
} from '../../../src/main/pricing/line-discounts'
import { MAX_CART_AMOUNT, MAX_CART_WEIGHT_GRAMS, validateLines } from '../../../src/main/pricing/line-validation'
import type { DeliverySettings, Promotion } from '../../../src/main/pricing/pricing-types'
import { checkPromotionValidity } from '../../../src/main/pricing/promotion-rules'
import { splitShippingFee } from '../../../src/main/pricing/shipping-split'
import { line } from '../pricing/pricing-test-support'

const errorCode = (result: { ok: boolean; error?: { code: string } }) =>
  result.ok ? 'ok' : result.error!.code

describe('a cart discount spread across the lines', () => {
  const physical = (vatRateBasisPoints: number, amount: number): AllocatableLine => ({
    vatRateBasisPoints,
    kind: 'physical',
    amount,
  })
  const digital = (vatRateBasisPoints: number, amount: number): AllocatableLine => ({
    vatRateBasisPoints,
    kind: 'digital',
    amount,
  })

  it('a cart discount on an empty cart takes nothing off and does not fail', () => {
    expect(allocateCartDiscount(500, [])).toEqual([])
  })

  it('at the same VAT rate, the leftover cent goes to physical goods before digital ones, whatever the cart order', () => {
    expect(allocateCartDiscount(1, [digital(2000, 1000), physical(2000, 1000)])).toEqual([0, 1])
    expect(allocateCartDiscount(1, [physical(2000, 1000), digital(2000, 1000)])).toEqual([1, 0])
  })

  it('the leftover cent goes to the higher VAT rate first, whatever the cart order', () => {
    expect(allocateCartDiscount(1, [physical(550, 1000), physical(2000, 1000)])).toEqual([0, 1])
    expect(allocateCartDiscount(1, [physical(2000, 1000), physical(550, 1000)])).toEqual([1, 0])
    expect(allocateCartDiscount(1, [digital(550, 1000), physical(550, 1000), digital(2000, 1000)])).toEqual([
      0, 0, 1,
    ])
  })
})

describe('delivery prices from the settings', () => {
  const frStandard = { option: 'standard', zone: 'FR' } as const
  const frExpress = { option: 'express', zone: 'FR' } as const
  const parcel = (weightGrams: number, freeDeliveryCode = false) => ({
    weightGrams,
    goodsTtc: 1000,
    freeDeliveryCode,
  })
  /** The demo grid, with French express at one price for any parcel up to 30 kg. */
  const withFrExpressFee = (fee: number): DeliverySettings => ({
    ...DEMO_DELIVERY_SETTINGS,
    bands: {
      ...DEMO_DELIVERY_SETTINGS.bands,
      FR: { ...DEMO_DELIVERY_SETTINGS.bands.FR, express: [{ upToGrams: 30_000, fee }] },
    },
  })

  it('a parcel of exactly 500 g pays the band "up to 500 g"; one gram more pays the next band', () => {
    expect(resolveDelivery(frStandard, parcel(500), DEMO_DELIVERY_SETTINGS)).toMatchObject({
      ok: true,
      value: { fee: 490 },
    })
    expect(resolveDelivery(frStandard, parcel(501), DEMO_DELIVERY_SETTINGS)).toMatchObject({
      ok: true,
      value: { fee: 690 },
    })
  })

  it('a zone missing from the settings offers no delivery there, answered as unavailable', () => {
    const franceOnly = {
      ...DEMO_DELIVERY_SETTINGS,
      bands: { FR: DEMO_DELIVERY_SETTINGS.bands.FR },
    } as unknown as DeliverySettings
    const quote = resolveDelivery({ option: 'standard', zone: 'EU' }, parcel(400), franceOnly)
    expect(errorCode(quote)).toBe('DELIVERY_UNAVAILABLE')
  })

  it('a delivery fee above the limit is refused as invalid settings, naming the fee', () => {
    const quote = resolveDelivery(frExpress, parcel(400), withFrExpressFee(MAX_DELIVERY_FEE + 1))
    expect(quote).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', details: { fee: MAX_DELIVERY_FEE + 1 } },
    })
  })

  it('a negative delivery fee or one in fractions of a cent is refused as invalid settings', () => {
    expect(errorCode(resolveDelivery(frExpress, parcel(400), withFrExpressFee(-1)))).toBe('SETTINGS_INVALID')
    expect(errorCode(resolveDelivery(frExpress, parcel(400), withFrExpressFee(4.9)))).toBe('SETTINGS_INVALID')
  })

  it('a delivery fee of exactly the limit, or of nothing, is a price', () => {
    expect(resolveDelivery(frExpress, parcel(400), withFrExpressFee(MAX_DELIVERY_FEE))).toMatchObject({
      ok: true,
      value: { fee: MAX_DELIVERY_FEE, waiver: null },
    })
    expect(resolveDelivery(frExpress, parcel(400), withFrExpressFee(0))).toMatchObject({
      ok: true,
      value: { fee: 0, waiver: null },
    })
  })

  it('a free-delivery code waives a paid delivery, but is not recorded as paying for a free one', () => {
    expect(resolveDelivery(frExpress, parcel(400, true), withFrExpressFee(990))).toMatchObject({
      ok: true,
      value: { bandFee: 990, fee: 0, waiver: 'promotion' },
    })
    expect(resolveDelivery(frExpress, parcel(400, true), withFrExpressFee(0))).toMatchObject({
      ok: true,
      value: { bandFee: 0, fee: 0, waiver: null },
    })
  })
})

describe('line discounts', () => {
  it('a percentage discount in fractions of a basis point, or below zero, is refused as invalid', () => {
    expect(errorCode(lineDiscountAmount(1000, { type: 'percent', basisPoints: 12.5 }))).toBe('DISCOUNT_INVALID')
    expect(errorCode(lineDiscountAmount(1000, { type: 'percent', basisPoints: -1 }))).toBe('DISCOUNT_INVALID')
    expect(lineDiscountAmount(1000, { type: 'percent', basisPoints: 0 })).toEqual({ ok: true, value: 0 })
  })

  it('an amount discount on a line of 0,00 € needs an administrator', () => {
    expect(lineDiscountNeedsApproval(0, { type: 'amount', amount: 100 })).toBe(true)
  })

  it('a discount of 0,00 € never needs an administrator, even on a line of 0,00 €', () => {
    expect(lineDiscountNeedsApproval(0, { type: 'amount', amount: 0 })).toBe(false)
    expect(shareExceeds(lineDiscountShare(0, { type: 'amount', amount: 0 }), lineDiscountShare(0, null))).toBe(false)
  })

  it("an administrator's approval of a discount on a line of 0,00 € covers that same discount", () => {
    const onEmptyLine = lineDiscountShare(0, { type: 'amount', amount: 100 })
    expect(shareExceeds(onEmptyLine, lineDiscountShare(0, { type: 'amount', amount: 100 }))).toBe(false)
  })

  it('any discount on a priced line stays within an approval given on a line of 0,00 €', () => {
    const approvedOnEmptyLine = lineDiscountShare(0, { type: 'amount', amount: 100 })
    const almostAll = lineDiscountShare(1000, { type: 'amount', amount: 999 })
    expect(shareExceeds(almostAll, approvedOnEmptyLine)).toBe(false)
    expect(shareExceeds(approvedOnEmptyLine, almostAll)).toBe(true)
  })
})

describe('the lines of a cart, checked before pricing', () => {
  it('VAT rates of 0 % and 100 % are accepted; below 0, above 100 % or in fractions of a basis point are refused', () => {
    expect(validateLines([line({ unitPrice: 100, vatRateBasisPoints: 0 })]).ok).toBe(true)
    expect(validateLines([line({ unitPrice: 100, vatRateBasisPoints: 10_000 })]).ok).toBe(true)
    for (const rate of [-1, 10_001, 550.5]) {
      expect(errorCode(validateLines([line({ unitPrice: 100, vatRateBasisPoints: rate })]))).toBe(
        'VAT_RATE_OUT_OF_RANGE',
      )
    }
  })

  it('digital goods weigh nothing on the delivery, whatever weight their product carries', () => {
    const lines = [
      line({ unitPrice: 999, kind: 'digital', weightGrams: 300 }),
      line({ unitPrice: 1200, quantity: 2, weightGrams: 150 }),
    ]
    expect(validateLines(lines)).toEqual({ ok: true, value: { goodsAmount: 3399, weightGrams: 300 } })
  })

  it('a cart of exactly the largest amount a till handles is accepted; one cent more is refused', () => {
    expect(validateLines([line({ unitPrice: MAX_CART_AMOUNT })]).ok).toBe(true)
    expect(errorCode(validateLines([line({ unitPrice: MAX_CART_AMOUNT + 1 })]))).toBe('AMOUNT_OUT_OF_RANGE')
  })

  it('a cart of exactly 1 000 tonnes is accepted; one gram more is refused', () => {
    expect(validateLines([line({ unitPrice: 100, weightGrams: MAX_CART_WEIGHT_GRAMS })]).ok).toBe(true)
    const overweight = [
      line({ unitPrice: 100, weightGrams: MAX_CART_WEIGHT_GRAMS }),
      line({ unitPrice: 100, weightGrams: 1 }),
    ]
    expect(validateLines(overweight)).toMatchObject({
      ok: false,
      error: { code: 'WEIGHT_OUT_OF_RANGE', details: { lineId: overweight[1]!.lineId } },
    })
  })
})

describe('promotion codes', () => {
  const at = new Date('2026-12-07T10:00:00.000Z')
  const tenPercent: Promotion = { code: 'NOEL10', discount: { type: 'percent', basisPoints: 1000 } }

  it('a promotion cannot be checked against a pricing date that is not a date', () => {
    expect(errorCode(checkPromotionValidity(tenPercent, new Date('not a date')))).toBe('PROMOTION_INVALID')
  })

  it('a fixed promotion below zero or in fractions of a cent is refused as invalid', () => {
    for (const amount of [-1, 1.5]) {
      const promotion: Promotion = { code: 'MOINS5', discount: { type: 'amount', amount } }
      expect(errorCode(checkPromotionValidity(promotion, at))).toBe('PROMOTION_INVALID')
    }
  })

  it('a percentage promotion below 0 %, above 100 % or in fractions of a basis point is refused as invalid', () => {
    for (const basisPoints of [-1, 10_001, 12.5]) {
      const promotion: Promotion = { code: 'BIZARRE', discount: { type: 'percent', basisPoints } }
      expect(errorCode(checkPromotionValidity(promotion, at))).toBe('PROMOTION_INVALID')
    }
    const everything: Promotion = { code: 'OFFERT', discount: { type: 'percent', basisPoints: 10_000 } }
    expect(checkPromotionValidity(everything, at).ok).toBe(true)
  })

  it('a promotion of a kind the till does not know is refused as invalid', () => {
    const promotion = { code: 'CADEAU', discount: { type: 'gift' } } as unknown as Promotion
    expect(errorCode(checkPromotionValidity(promotion, at))).toBe('PROMOTION_INVALID')
  })

  it('a minimum basket below zero or in fractions of a cent is refused as invalid; none, or 0,00 €, is fine', () => {
    for (const minBasket of [-1, 10.5]) {
      expect(errorCode(checkPromotionValidity({ ...tenPercent, minBasket }, at))).toBe('PROMOTION_INVALID')
    }
    expect(checkPromotionValidity({ ...tenPercent, minBasket: null }, at).ok).toBe(true)
    expect(checkPromotionValidity({ ...tenPercent, minBasket: 0 }, at).ok).toBe(true)
  })

  it('a code used before its start is refused as not yet valid, saying from when', () => {
    const fromTomorrow = { ...tenPercent, validFrom: '2026-12-08T00:00:00.000Z' }
    expect(checkPromotionValidity(fromTomorrow, at)).toMatchObject({
      ok: false,
      error: { code: 'PROMOTION_NOT_YET_VALID', details: { code: 'NOEL10', validFrom: '2026-12-08T00:00:00.000Z' } },
    })
  })

  it('a code without an end date stays valid; one with an end is valid to the last millisecond before it', () => {
    expect(checkPromotionValidity({ ...tenPercent, validFrom: '2026-12-01T00:00:00.000Z' }, at).ok).toBe(true)
    const untilTen = { ...tenPercent, validUntil: '2026-12-07T10:00:00.000Z' }
    expect(checkPromotionValidity(untilTen, new Date('2026-12-07T09:59:59.999Z')).ok).toBe(true)
    expect(errorCode(checkPromotionValidity(untilTen, at))).toBe('PROMOTION_EXPIRED')
  })
})

describe('the delivery fee split across VAT rates', () => {
  it('a delivery with no shipped goods to carry it splits into nothing, without failing', () => {
    expect(splitShippingFee(490, new Map())).toEqual([])
  })
})
