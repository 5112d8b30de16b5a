import { describe, expect, it } from 'vitest'
import { draftToCount, draftTotal, emptyCountDraft, parseQuantity } from '../../../src/renderer/src/cash-session/count-form'

describe('the count as the cashier types it', () => {
  it('a quantity is a whole number; an empty field counts as none', () => {
    expect(parseQuantity('')).toBe(0)
    expect(parseQuantity(' 12 ')).toBe(12)
    expect(parseQuantity('1 000')).toBe(1000)
    expect(parseQuantity('1,5')).toBeNull()
    expect(parseQuantity('-2')).toBeNull()
    expect(parseQuantity('100001')).toBeNull()
  })

  it('the running total counts what is readable; the count for main waits until every field is', () => {
    const draft = { ...emptyCountDraft(), 2000: '2', 500: '1', 1: '7' }
    expect(draftTotal(draft)).toBe(4507)
    expect(draftToCount(draft)).toEqual([
      { denomination: 2000, quantity: 2 },
      { denomination: 500, quantity: 1 },
      { denomination: 1, quantity: 7 },
    ])
    const mistyped = { ...draft, 50: 'x' }
    expect(draftTotal(mistyped)).toBe(4507)
    expect(draftToCount(mistyped)).toBeNull()
    expect(draftToCount(emptyCountDraft())).toEqual([])
  })
})
