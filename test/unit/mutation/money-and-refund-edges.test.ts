// Money and refund rules at the points where Stryker's surviving mutants changed them (issue 20,
// test/mutation/survivors.md).
import { describe, expect, it } from 'vitest'
import { refundByRate, type RateAmounts } from '../../../src/shared/domain/refund-vat'
import { createMoney } from '../../../src/shared/money'

describe('VAT given back by refunds', () => {
  const order: RateAmounts[] = [
    { rateBasisPoints: 2000, ht: 1000, vat: 200, ttc: 1200 },
    { rateBasisPoints: 550, ht: 2000, vat: 110, ttc: 2110 },
  ]

  it('nothing refunded gives nothing back at any rate', () => {
    expect(refundByRate(order, 0)).toEqual([])
  })

  it('an order without VAT rates gives nothing back, and a refund on it does not fail', () => {
    expect(refundByRate([], 500)).toEqual([])
  })
})

describe('a currency for money', () => {
  it('a currency with 0 to 20 decimal places holds money', () => {
    expect(createMoney(100, { code: 'JPY', exponent: 0 }).amount).toBe(100)
    expect(createMoney(100, { code: 'XTS', exponent: 20 }).amount).toBe(100)
  })

  it('a currency with more than 20, fewer than 0 or a fraction of decimal places is refused', () => {
    for (const exponent of [21, -1, 2.5]) {
      expect(() => createMoney(100, { code: 'XTS', exponent })).toThrow(RangeError)
    }
  })
})
