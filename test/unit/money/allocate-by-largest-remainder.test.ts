import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateByLargestRemainder } from '@shared/money'

describe('allocateByLargestRemainder', () => {
  it('splits 100 cents three ways as 34, 33, 33: the first of equal weights wins the cent', () => {
    expect(allocateByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33])
  })

  it('gives the leftover cent to the largest remainder', () => {
    // 490 × [1000, 2000] / 3000 = 163.33…, 326.66…
    expect(allocateByLargestRemainder(490, [1000, 2000])).toEqual([163, 327])
  })

  it('breaks a tie on remainders in favour of the larger weight', () => {
    // 5 × [1, 3] / 4 = 1.25, 3.75: no tie. 2 × [1, 3] / 4 = 0.5, 1.5: tied remainders.
    expect(allocateByLargestRemainder(2, [1, 3])).toEqual([0, 2])
    expect(allocateByLargestRemainder(2, [3, 1])).toEqual([2, 0])
  })

  it('splits evenly when every weight is zero', () => {
    expect(allocateByLargestRemainder(5, [0, 0])).toEqual([3, 2])
  })

  it('never gives anything to a zero weight while another weight is positive', () => {
    expect(allocateByLargestRemainder(7, [0, 3, 0, 4])).toEqual([0, 3, 0, 4])
  })

  it('splits a negative amount as the opposite of its opposite', () => {
    expect(allocateByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33])
  })

  it('rejects floats, negative weights and an empty list', () => {
    expect(() => allocateByLargestRemainder(1.5, [1])).toThrow(RangeError)
    expect(() => allocateByLargestRemainder(1, [-1, 2])).toThrow(RangeError)
    expect(() => allocateByLargestRemainder(1, [0.5])).toThrow(RangeError)
    expect(() => allocateByLargestRemainder(1, [])).toThrow(RangeError)
  })

  const weights = fc.array(
    fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.maxSafeInteger().map(Math.abs)),
    {
      minLength: 1,
      maxLength: 20,
    },
  )
  const amount = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.maxSafeInteger())

  it('always returns parts that sum exactly to the whole', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const parts = allocateByLargestRemainder(total, ws)
        expect(parts).toHaveLength(ws.length)
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total)
        for (const part of parts) expect(Number.isSafeInteger(part)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('keeps every part within one cent of its exact proportional share', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const effective = ws.every((w) => w === 0) ? ws.map(() => 1) : ws
        const sumWeights = effective.reduce((sum, w) => sum + BigInt(w), 0n)
        allocateByLargestRemainder(total, ws).forEach((part, index) => {
          // |part - total × w / W| < 1  <=>  |part × W - total × w| < W
          const gap = BigInt(part) * sumWeights - BigInt(total) * BigInt(effective[index]!)
          expect((gap < 0n ? -gap : gap) < sumWeights).toBe(true)
        })
      }),
      { numRuns: 1000 },
    )
  })

  it('never makes a part of a positive amount negative', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), weights, (total, ws) => {
        for (const part of allocateByLargestRemainder(total, ws))
          expect(part).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 1000 },
    )
  })
})
