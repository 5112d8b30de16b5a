// Money and refund rules at the points where Stryker's surviving mutants changed them (issue 20,
// test/mutation/survivors.md).
import { describe, expect, it } from 'vitest'
import { refundByRate, type RateAmounts } from '../../../src/shared/domain/refund-vat'
import {
  allocateByLargestRemainder,
  createMoney,
  currencyFromCode,
  roundHalfAwayFromZero,
} from '../../../src/shared/money'

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

describe('cents split by largest remainder', () => {
  it('the leftover cents go to the largest remainders, not to the largest weights', () => {
    // 2 € over 1 : 2 : 4 is 0,29 / 0,57 / 1,14: the floors leave one cent, for the 0,57 share.
    expect(allocateByLargestRemainder(2, [1, 2, 4])).toEqual([0, 1, 1])
  })

  it('the same rule holds for amounts near the till limit, computed exactly', () => {
    // 7 000 000 000 000,02 € over 1 : 2 : 4, beyond what doubles multiply exactly.
    expect(allocateByLargestRemainder(700_000_000_000_002, [1, 2, 4])).toEqual([
      100_000_000_000_000, 200_000_000_000_001, 400_000_000_000_001,
    ])
  })

  it('between equal remainders and weights, the earlier line gets the cent', () => {
    expect(allocateByLargestRemainder(1, [1, 1, 1])).toEqual([1, 0, 0])
    expect(allocateByLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0])
    expect(allocateByLargestRemainder(4, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([
      1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    ])
  })

  it('a negative amount split gives plain zeros, never minus zero', () => {
    const parts = allocateByLargestRemainder(-1, [1, 1])
    expect(parts[0]).toBe(-1)
    expect(Object.is(parts[1], 0)).toBe(true)
  })
})

describe('rounding refuses what it cannot hold exactly', () => {
  it('a rounded amount beyond the exact range of a number is refused, not approximated', () => {
    expect(() => roundHalfAwayFromZero(2n ** 60n, 1n)).toThrow(RangeError)
    expect(roundHalfAwayFromZero(2n ** 52n, 1n)).toBe(2 ** 52)
  })

  it('a number beyond the exact range is refused even beside a BigInt, though its quotient would fit', () => {
    // 2^60 as a number may already have lost its last digits; 2^60 / 2^20 would be a safe 2^40.
    expect(() => roundHalfAwayFromZero(2 ** 60, 2n ** 20n)).toThrow(RangeError)
    expect(roundHalfAwayFromZero(2n ** 60n, 2n ** 20n)).toBe(2 ** 40)
  })
})

describe('currency codes', () => {
  it('a code that is not three capital letters is refused as not ISO 4217', () => {
    for (const code of ['eur', 'EURO', 'XEUR', 'E1R']) {
      expect(() => currencyFromCode(code)).toThrow(/ISO 4217/)
    }
  })
})
