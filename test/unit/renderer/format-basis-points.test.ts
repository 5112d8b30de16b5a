import { describe, expect, it } from 'vitest'
import { formatBasisPoints } from '@renderer/money/format-basis-points'

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('rates in basis points, for display', () => {
  it('shows the French VAT rates the French way: comma and a space before the sign', () => {
    expect(spaces(formatBasisPoints(2000, 'fr'))).toBe('20 %')
    expect(spaces(formatBasisPoints(550, 'fr'))).toBe('5,5 %')
    expect(spaces(formatBasisPoints(210, 'fr'))).toBe('2,1 %')
  })

  it('shows them the English way', () => {
    expect(formatBasisPoints(550, 'en')).toBe('5.5%')
    expect(formatBasisPoints(0, 'en')).toBe('0%')
    expect(formatBasisPoints(10_000, 'en')).toBe('100%')
  })

  it('keeps a hundredth of a percent', () => {
    expect(formatBasisPoints(1, 'en')).toBe('0.01%')
  })

  it('refuses a rate that is not a whole number of basis points', () => {
    expect(() => formatBasisPoints(5.5, 'en')).toThrow(RangeError)
  })
})
