import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundHalfAwayFromZero, scaleAmount } from '@shared/money'

/** Reference rounding on BigInt only, written differently from the module on purpose. */
function referenceRound(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  return sign * ((2n * n + d) / (2n * d))
}

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(5, 2)).toBe(3)
    expect(roundHalfAwayFromZero(-5, 2)).toBe(-3)
    expect(roundHalfAwayFromZero(7, 2)).toBe(4)
    expect(roundHalfAwayFromZero(5, -2)).toBe(-3)
  })

  it('rounds below a half down and above a half up', () => {
    expect(roundHalfAwayFromZero(1001, 1000)).toBe(1)
    expect(roundHalfAwayFromZero(1499, 1000)).toBe(1)
    expect(roundHalfAwayFromZero(1501, 1000)).toBe(2)
    expect(roundHalfAwayFromZero(-1499, 1000)).toBe(-1)
  })

  it('never answers minus zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-1, 3), 0)).toBe(true)
  })

  it('rejects floats, unsafe integers and a zero denominator', () => {
    expect(() => roundHalfAwayFromZero(1.5, 2)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(2 ** 53, 2)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(1, 0)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError)
  })

  it('agrees with exact BigInt rounding across the whole safe range', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.maxSafeInteger().filter((d) => d !== 0),
        (numerator, denominator) => {
          const expected = referenceRound(BigInt(numerator), BigInt(denominator))
          expect(roundHalfAwayFromZero(numerator, denominator)).toBe(Number(expected))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('agrees with exact BigInt rounding for products beyond 2^53', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
        fc.bigInt({ min: 2n ** 28n, max: 2n ** 60n }),
        (numerator, denominator) => {
          expect(roundHalfAwayFromZero(numerator, denominator)).toBe(
            Number(referenceRound(numerator, denominator)),
          )
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('scaleAmount', () => {
  it('takes 20 % VAT out of 12.00 EUR tax-inclusive as 2.00 EUR', () => {
    expect(scaleAmount(1200, 2000, 12000)).toBe(200)
  })

  it('keeps the product exact when amount × rate passes 2^53', () => {
    const amount = 10 ** 15 + 7
    expect(scaleAmount(amount, 2000, 12000)).toBe(
      Number(referenceRound(BigInt(amount) * 2000n, 12000n)),
    )
  })

  it('rejects a float amount even when the product would look whole', () => {
    expect(() => scaleAmount(1.5, 2, 1)).toThrow(RangeError)
  })

  it('is the exact rational rounded once, for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 15 }),
        fc.integer({ min: 0, max: 10000 }),
        (amount, rate) => {
          const expected = referenceRound(BigInt(amount) * BigInt(rate), BigInt(10000 + rate))
          expect(scaleAmount(amount, rate, 10000 + rate)).toBe(Number(expected))
        },
      ),
      { numRuns: 1000 },
    )
  })
})
