import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money/format-money'

// Intl separates French thousands with a narrow no-break space and puts a no-break space before
// the euro sign; comparing after normalising spaces keeps the tests readable.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('money formatting', () => {
  it('shows euro cents the French way: comma, space, sign after', () => {
    expect(spaces(formatMoney(1299, 'EUR', 'fr'))).toBe('12,99 €')
    expect(spaces(formatMoney(123456789, 'EUR', 'fr'))).toBe('1 234 567,89 €')
  })

  it('shows euro cents the English way: sign before, point', () => {
    expect(formatMoney(1299, 'EUR', 'en')).toBe('€12.99')
    expect(formatMoney(123456789, 'EUR', 'en')).toBe('€1,234,567.89')
  })

  it('keeps single cents and zero exact', () => {
    expect(spaces(formatMoney(5, 'EUR', 'fr'))).toBe('0,05 €')
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0.00')
    expect(formatMoney(-250, 'EUR', 'en')).toBe('-€2.50')
  })

  it('uses the currency’s own minor units: yen have none', () => {
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500')
  })

  it('refuses an amount that is not a whole number of minor units', () => {
    expect(() => formatMoney(12.5, 'EUR', 'fr')).toThrow(RangeError)
  })
})

describe('the one money formatter: exact digits whatever the amount', () => {
  it('shows a refund as a negative amount in both languages', () => {
    expect(spaces(formatMoney(-1250, 'EUR', 'fr'))).toBe('-12,50 €')
    expect(formatMoney(-1, 'EUR', 'en')).toBe('-€0.01')
  })

  it('keeps every cent of the largest safe amount, where dividing by 100 would round', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('€90,071,992,547,409.91')
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('-€90,071,992,547,409.91')
  })

  it('shows zero yen and negative yen without decimals', () => {
    expect(formatMoney(0, 'JPY', 'en')).toBe('¥0')
    expect(formatMoney(-1500, 'JPY', 'en')).toBe('-¥1,500')
  })

  it('uses three decimals for a currency whose minor unit is a thousandth', () => {
    expect(spaces(formatMoney(1234, 'KWD', 'en'))).toBe('KWD 1.234')
  })

  it('refuses an amount beyond the safe integers', () => {
    expect(() => formatMoney(2 ** 53, 'EUR', 'en')).toThrow(RangeError)
  })
})
