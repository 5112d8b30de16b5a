import { describe, expect, it } from 'vitest'
import {
  basisPointsInputText,
  centsInputText,
  parseEuroCents,
  parsePercentBasisPoints,
  parseSignedEuroCents,
  parseWholeNumber,
} from '@renderer/administration/decimal-input'
import { dayOfInstant, endOfDayInstant, isFutureDay, startOfDayInstant } from '@renderer/administration/date-input'

describe('euro amounts typed by an administrator become cents without a float', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    [',5', 50],
    ['0,01', 1],
    ['1 250,00', 125000],
    ['1\u202f250,00 €', 125000],
    ['4,90€', 490],
    ['0', 0],
  ])('"%s" is %i cents', (typed, cents) => {
    expect(parseEuroCents(typed)).toBe(cents)
  })

  it.each(['', ' ', '12,505', '-3', 'abc', '12,50,1', '1e3', '12..5', '1234567890'])('"%s" is refused', (typed) => {
    expect(parseEuroCents(typed)).toBeNull()
  })

  it('a balance may be negative, written with a hyphen or a minus sign', () => {
    expect(parseSignedEuroCents('-12,50')).toBe(-1250)
    expect(parseSignedEuroCents('−0,01')).toBe(-1)
    expect(parseSignedEuroCents('-0')).toBe(0)
    expect(parseSignedEuroCents('--1')).toBeNull()
  })

  it('0.1 + 0.2 style amounts come out exact: "0,29" is 29 cents, not 28.999…', () => {
    expect(parseEuroCents('0,29')).toBe(29)
    expect(parseEuroCents('1,15')).toBe(115)
    expect(parseEuroCents('4,35')).toBe(435)
  })
})

describe('percentages typed by an administrator become basis points', () => {
  it.each([
    ['5,5', 550],
    ['5.5', 550],
    ['20', 2000],
    ['0,01', 1],
    ['100', 10000],
    ['2,1 %', 210],
    ['0', 0],
  ])('"%s" is %i basis points', (typed, basisPoints) => {
    expect(parsePercentBasisPoints(typed)).toBe(basisPoints)
  })

  it.each(['100,01', '101', '5,555', '-5', '', 'x'])('"%s" is refused', (typed) => {
    expect(parsePercentBasisPoints(typed)).toBeNull()
  })
})

describe('whole numbers (seconds, grams, counts)', () => {
  it('reads digits, ignoring spaces, and refuses anything else', () => {
    expect(parseWholeNumber('300')).toBe(300)
    expect(parseWholeNumber(' 86 400 ')).toBe(86400)
    expect(parseWholeNumber('30,5')).toBeNull()
    expect(parseWholeNumber('-1')).toBeNull()
    expect(parseWholeNumber('')).toBeNull()
  })
})

describe('stored values go back into the fields as the administrator would type them', () => {
  it('cents keep two decimals with the locale mark', () => {
    expect(centsInputText(1250)).toBe('12,50')
    expect(centsInputText(5, '.')).toBe('0.05')
    expect(centsInputText(-1250)).toBe('-12,50')
    expect(centsInputText(0)).toBe('0,00')
  })

  it('basis points lose their trailing zeros', () => {
    expect(basisPointsInputText(550)).toBe('5,5')
    expect(basisPointsInputText(2000)).toBe('20')
    expect(basisPointsInputText(1)).toBe('0,01')
    expect(basisPointsInputText(210, '.')).toBe('2.1')
  })

  it('what is shown parses back to the same number', () => {
    for (const cents of [0, 1, 99, 100, 490, 123456, 99999999]) {
      expect(parseEuroCents(centsInputText(cents))).toBe(cents)
    }
    for (const basisPoints of [0, 1, 10, 550, 2000, 9999, 10000]) {
      expect(parsePercentBasisPoints(basisPointsInputText(basisPoints))).toBe(basisPoints)
    }
  })

  it('refuses to show a float as money', () => {
    expect(() => centsInputText(12.5)).toThrow(RangeError)
  })
})

describe('days typed in a date field', () => {
  it('a day starts at local midnight and a validity runs to the end of its last day', () => {
    const start = new Date(startOfDayInstant('2027-01-31')!)
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2027, 0, 31, 0])
    const end = new Date(endOfDayInstant('2027-01-31')!)
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([31, 23, 59, 999])
    expect(dayOfInstant(startOfDayInstant('2027-01-31'))).toBe('2027-01-31')
    expect(dayOfInstant(endOfDayInstant('2027-01-31'))).toBe('2027-01-31')
  })

  it('an impossible day is refused', () => {
    expect(startOfDayInstant('2027-02-30')).toBeNull()
    expect(startOfDayInstant('31/01/2027')).toBeNull()
    expect(dayOfInstant(null)).toBe('')
  })

  it('a new VAT rate may start tomorrow, never today', () => {
    const now = new Date(2027, 5, 15, 10, 30)
    expect(isFutureDay('2027-06-16', now)).toBe(true)
    expect(isFutureDay('2027-06-15', now)).toBe(false)
    expect(isFutureDay('2027-06-14', now)).toBe(false)
    expect(isFutureDay('', now)).toBe(false)
  })
})
