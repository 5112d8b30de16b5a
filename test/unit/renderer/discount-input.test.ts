import { describe, expect, it } from 'vitest'
import {
  currencyDigits,
  decimalMark,
  discountInputText,
  parseDecimalInput,
  parseDiscountInput,
} from '@renderer/cart/discount-input'
import { formatBasisPoints } from '@renderer/money/format-basis-points'

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('a typed line discount', () => {
  it('reads a whole percentage as basis points: "10" % is 1000', () => {
    expect(parseDiscountInput('percent', '10', 2)).toEqual({ type: 'percent', basisPoints: 1000 })
  })

  it('reads a decimal percentage with a comma or a point: "5,5" and "5.5" are 550', () => {
    expect(parseDiscountInput('percent', '5,5', 2)).toEqual({ type: 'percent', basisPoints: 550 })
    expect(parseDiscountInput('percent', '5.5 %', 2)).toEqual({ type: 'percent', basisPoints: 550 })
    expect(parseDiscountInput('percent', '0,01', 2)).toEqual({ type: 'percent', basisPoints: 1 })
  })

  it('reads an amount in cents without floats: "2,50" € is 250 and "0,29" is 29', () => {
    expect(parseDiscountInput('amount', '2,50', 2)).toEqual({ type: 'amount', amount: 250 })
    expect(parseDiscountInput('amount', '2,5 €', 2)).toEqual({ type: 'amount', amount: 250 })
    // 0.29 * 100 is 28.999999999999996 in floating point; string arithmetic gives 29.
    expect(parseDiscountInput('amount', '0,29', 2)).toEqual({ type: 'amount', amount: 29 })
    expect(parseDiscountInput('amount', '5', 2)).toEqual({ type: 'amount', amount: 500 })
    expect(parseDiscountInput('amount', ',75', 2)).toEqual({ type: 'amount', amount: 75 })
  })

  it('follows the currency’s minor unit: yen have no decimals', () => {
    expect(parseDiscountInput('amount', '300', 0)).toEqual({ type: 'amount', amount: 300 })
    expect(parseDiscountInput('amount', '300,5', 0)).toBeNull()
  })

  it('refuses what is not a plain non-negative number', () => {
    for (const text of ['', ' ', 'abc', '-5', '1,2,3', '2,505', '1e3', '12..5', ',']) {
      expect(parseDecimalInput(text, 2), text).toBeNull()
    }
  })

  it('refuses a percentage above 100 % but accepts exactly 100 %', () => {
    expect(parseDiscountInput('percent', '100,01', 2)).toBeNull()
    expect(parseDiscountInput('percent', '100', 2)).toEqual({ type: 'percent', basisPoints: 10000 })
  })

  it('puts an existing discount back in the field as the cashier would type it', () => {
    expect(discountInputText({ type: 'percent', basisPoints: 1000 }, 2, ',')).toBe('10')
    expect(discountInputText({ type: 'percent', basisPoints: 550 }, 2, ',')).toBe('5,5')
    expect(discountInputText({ type: 'amount', amount: 250 }, 2, ',')).toBe('2,50')
    expect(discountInputText({ type: 'amount', amount: 5 }, 2, '.')).toBe('0.05')
    expect(discountInputText({ type: 'amount', amount: 300 }, 0, ',')).toBe('300')
  })

  it('knows the currency’s decimals and the locale’s decimal mark from Intl', () => {
    expect(currencyDigits('EUR')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(decimalMark('fr')).toBe(',')
    expect(decimalMark('en')).toBe('.')
  })
})

describe('rates in basis points on screen', () => {
  it('shows French VAT rates the French way', () => {
    expect(spaces(formatBasisPoints(2000, 'fr'))).toBe('20 %')
    expect(spaces(formatBasisPoints(550, 'fr'))).toBe('5,5 %')
    expect(spaces(formatBasisPoints(210, 'fr'))).toBe('2,1 %')
  })

  it('shows them the English way', () => {
    expect(formatBasisPoints(550, 'en')).toBe('5.5%')
    expect(formatBasisPoints(1000, 'en')).toBe('10%')
  })

  it('refuses a rate that is not whole basis points', () => {
    expect(() => formatBasisPoints(5.5, 'fr')).toThrow(RangeError)
  })

  it('keeps a hundredth of a percent, and runs from nothing to the whole', () => {
    expect(formatBasisPoints(1, 'en')).toBe('0.01%')
    expect(formatBasisPoints(0, 'en')).toBe('0%')
    expect(formatBasisPoints(10_000, 'en')).toBe('100%')
  })
})
