import { describe, expect, it } from 'vitest'
import {
  EUR,
  assertMinorUnits,
  createMoney,
  currencyFromCode,
  formatMoney,
  isMinorUnits,
  toDecimalString,
} from '@shared/money'

/** Intl separates digits and symbol with (narrow) no-break spaces; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

describe('money construction', () => {
  it('holds euros as integer cents with exponent 2', () => {
    expect(createMoney(1250)).toEqual({ amount: 1250, currency: EUR })
    expect(EUR.exponent).toBe(2)
  })

  it('rejects a fraction of a cent and integers beyond 2^53', () => {
    expect(() => createMoney(12.5)).toThrow(RangeError)
    expect(() => createMoney(Number.NaN)).toThrow(RangeError)
    expect(() => createMoney(2 ** 53)).toThrow(RangeError)
    expect(isMinorUnits(0.1 + 0.2)).toBe(false)
    expect(() => assertMinorUnits(Infinity)).toThrow(RangeError)
  })

  it('takes a currency exponent from the platform data', () => {
    expect(currencyFromCode('JPY').exponent).toBe(0)
    expect(currencyFromCode('EUR')).toBe(EUR)
    expect(() => currencyFromCode('euro')).toThrow(RangeError)
  })
})

describe('formatMoney', () => {
  it('writes cents as an exact decimal string before formatting', () => {
    expect(toDecimalString(1250, 2)).toBe('12.50')
    expect(toDecimalString(-5, 2)).toBe('-0.05')
    expect(toDecimalString(7, 0)).toBe('7')
    expect(toDecimalString(9007199254740991, 2)).toBe('90071992547409.91')
  })

  it('shows 12.50 EUR the French way and the English way', () => {
    expect(plain(formatMoney(1250, 'EUR', 'fr-FR'))).toBe('12,50 €')
    expect(formatMoney(1250, EUR, 'en-GB')).toBe('€12.50')
  })

  it('keeps every cent of the largest safe amount', () => {
    expect(formatMoney(9007199254740991, 'EUR', 'en-GB')).toBe('€90,071,992,547,409.91')
  })
})
