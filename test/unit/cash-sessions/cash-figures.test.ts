import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EURO_DENOMINATIONS, countTotal, normalizedCount } from '@shared/domain/euro-denominations'
import { differenceNeedsApproval, expectedCash } from '../../../src/main/cash-sessions/cash-figures'

describe('cash figures', () => {
  it('a count is worth the sum of each denomination times its quantity, in cents', () => {
    expect(countTotal([{ denomination: 2000, quantity: 2 }, { denomination: 5, quantity: 3 }, { denomination: 1, quantity: 0 }])).toBe(4015)
    expect(countTotal([])).toBe(0)
  })

  it('a count is stored without its empty lines, largest first, and keeps its worth', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...EURO_DENOMINATIONS)), fc.array(fc.integer({ min: 0, max: 100_000 })), (denominations, quantities) => {
        const count = denominations.map((denomination, index) => ({ denomination, quantity: quantities[index] ?? 0 }))
        const normalized = normalizedCount(count)
        expect(countTotal(normalized)).toBe(countTotal(count))
        expect(normalized.every((line) => line.quantity > 0)).toBe(true)
        expect(normalized.map((line) => line.denomination)).toEqual([...normalized.map((line) => line.denomination)].sort((a, b) => b - a))
      }),
    )
  })

  it('expected cash is the float plus cash sales minus cash refunds plus cash in minus cash out', () => {
    expect(expectedCash({ floatAmount: 15_000, cashSales: 2300, cashRefunds: 300, cashIn: 1000, cashOut: 5000 })).toBe(13_000)
  })

  it('a difference needs an administrator only strictly above the threshold, short or over', () => {
    expect(differenceNeedsApproval(1000, 1000)).toBe(false)
    expect(differenceNeedsApproval(-1000, 1000)).toBe(false)
    expect(differenceNeedsApproval(1001, 1000)).toBe(true)
    expect(differenceNeedsApproval(-1001, 1000)).toBe(true)
    expect(differenceNeedsApproval(0, 0)).toBe(false)
    expect(differenceNeedsApproval(1, 0)).toBe(true)
  })
})
