import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  brandChoices,
  checkCardEntry,
  detectNetwork,
  formatExpiry,
  groupForDisplay,
  isExpired,
  maskCardNumber,
  parseExpiry,
  passesLuhn,
  validateCardEntry,
} from '@shared/cards'
import { cardEntrySchema } from '@shared/contract/calls/checkout-calls'

const now = new Date('2026-05-15T10:00:00Z')
const entry = (number: string, expiry = '12/30', securityCode = '123') => ({
  number,
  expiry,
  securityCode,
})

describe('Luhn check digit', () => {
  it('accepts the public test cards and refuses 4242 4242 4242 4241', () => {
    for (const pan of [
      '4242424242424242',
      '5555555555554444',
      '2223003122003222',
      '378282246310005',
    ]) {
      expect(passesLuhn(pan)).toBe(true)
    }
    expect(passesLuhn('4242424242424241')).toBe(false)
  })

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 9 }),
        (position, shift) => {
          const pan = '4242424242424242'
          const typo =
            pan.slice(0, position) +
            ((Number(pan[position]) + shift) % 10) +
            pan.slice(position + 1)
          expect(passesLuhn(typo)).toBe(false)
        },
      ),
    )
  })
})

describe('brand from the prefix', () => {
  it('tells Visa, Mastercard (both series) and Amex apart', () => {
    expect(detectNetwork('4242')).toBe('visa')
    expect(detectNetwork('5155')).toBe('mastercard')
    expect(detectNetwork('2221')).toBe('mastercard')
    expect(detectNetwork('2720')).toBe('mastercard')
    expect(detectNetwork('2721')).toBeNull()
    expect(detectNetwork('2220')).toBeNull()
    expect(detectNetwork('34')).toBe('amex')
    expect(detectNetwork('37')).toBe('amex')
    expect(detectNetwork('6011')).toBeNull()
  })

  it('lets the cardholder choose CB or the network on a co-badged card, never on Amex', () => {
    expect(brandChoices('visa', true)).toEqual(['cb', 'visa'])
    expect(brandChoices('mastercard', false)).toEqual(['mastercard'])
    expect(brandChoices('amex', true)).toEqual(['amex'])
  })
})

describe('what the cashier typed', () => {
  it('accepts a well-typed Visa with spaces', () => {
    const result = validateCardEntry(entry('4242 4242 4242 4242'), now)
    expect(result.ok && result.value).toMatchObject({
      pan: '4242424242424242',
      network: 'visa',
      routingBrand: 'visa',
    })
  })

  it('names the number field when the check digit fails', () => {
    expect(checkCardEntry(entry('4242 4242 4242 4241'), now).errors).toEqual([
      expect.objectContaining({ field: 'number', code: 'FAILS_CHECK_DIGIT' }),
    ])
  })

  it('checks the length for the brand: Mastercard has 16 digits, Amex 15, Visa 13, 16 or 19', () => {
    expect(checkCardEntry(entry('555555555555444'), now).errors?.[0]).toMatchObject({
      field: 'number',
      code: 'WRONG_LENGTH',
    })
    expect(checkCardEntry(entry('37828224631000', '12/30', '1234'), now).errors?.[0]).toMatchObject(
      { code: 'WRONG_LENGTH' },
    )
    expect(checkCardEntry(entry('4222222222222'), now).card?.network).toBe('visa')
  })

  it('refuses an unknown brand and letters', () => {
    expect(checkCardEntry(entry('6011111111111117'), now).errors?.[0]?.code).toBe('UNKNOWN_BRAND')
    expect(checkCardEntry(entry('4242abcd42424242'), now).errors?.[0]?.code).toBe('NOT_DIGITS')
  })

  it('wants four digits of security code on Amex and three elsewhere', () => {
    expect(checkCardEntry(entry('378282246310005', '12/30', '123'), now).errors?.[0]).toMatchObject(
      {
        field: 'securityCode',
        code: 'WRONG_LENGTH',
      },
    )
    expect(checkCardEntry(entry('378282246310005', '12/30', '1234'), now).card?.network).toBe(
      'amex',
    )
    expect(checkCardEntry(entry('4242424242424242', '12/30', '1234'), now).errors?.[0]?.field).toBe(
      'securityCode',
    )
  })

  it('refuses an expiry in the past but accepts the current month', () => {
    expect(checkCardEntry(entry('4242424242424242', '04/26'), now).errors?.[0]).toMatchObject({
      field: 'expiry',
      code: 'EXPIRED',
    })
    expect(checkCardEntry(entry('4242424242424242', '05/26'), now).card).toBeDefined()
    expect(checkCardEntry(entry('4242424242424242', '13/26'), now).errors?.[0]?.code).toBe(
      'BAD_FORMAT',
    )
  })

  it('reports every wrong field at once', () => {
    const fields = checkCardEntry({ number: '', expiry: 'x', securityCode: '' }, now).errors?.map(
      (e) => e.field,
    )
    expect(fields).toEqual(['number', 'expiry', 'securityCode'])
  })

  it('routes a co-badged card through CB unless the cardholder picks the network', () => {
    expect(
      checkCardEntry({ ...entry('4970101234567893'), coBadgedCb: true }, now).card?.routingBrand,
    ).toBe('cb')
    const picked = checkCardEntry(
      { ...entry('4970101234567893'), coBadgedCb: true, chosenBrand: 'visa' },
      now,
    )
    expect(picked.card?.routingBrand).toBe('visa')
    const refused = checkCardEntry({ ...entry('4970101234567893'), chosenBrand: 'cb' }, now)
    expect(refused.errors?.[0]).toMatchObject({ field: 'brand', code: 'BRAND_NOT_OFFERED' })
  })

  it('never repeats the security code in an error', () => {
    const result = validateCardEntry(
      { number: '4242424242424242', expiry: '12/30', securityCode: '98x' },
      now,
    )
    expect(JSON.stringify(result)).not.toContain('98x')
  })
})

describe('expiry', () => {
  it('reads MM/YY, MM/YYYY and MMYY', () => {
    expect(parseExpiry('12/30')).toEqual({ month: 12, year: 2030 })
    expect(parseExpiry('1/2031')).toEqual({ month: 1, year: 2031 })
    expect(parseExpiry('0329')).toEqual({ month: 3, year: 2029 })
    expect(parseExpiry('00/29')).toBeNull()
  })

  it('a card is valid through the last day of its month', () => {
    expect(isExpired({ month: 5, year: 2026 }, new Date('2026-05-31T23:59:59Z'))).toBe(false)
    expect(isExpired({ month: 5, year: 2026 }, new Date('2026-06-01T00:00:00Z'))).toBe(true)
  })
})

describe('display', () => {
  it('shows at most the BIN and the last four digits', () => {
    expect(maskCardNumber('4242424242424242', { showBin: true })).toBe('4242 42•• •••• 4242')
    expect(maskCardNumber('4242424242424242')).toBe('•••• 4242')
    expect(maskCardNumber('378282246310005', { showBin: true })).toBe('3782 82•••• •0005')
  })

  it('never shows more than ten digits of any number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^4\d{15}$/), (pan) => {
        expect(maskCardNumber(pan, { showBin: true }).replace(/\D/g, '').length).toBe(10)
      }),
    )
  })

  it('groups as typed: 4-4-4-4, and 4-6-5 for Amex', () => {
    expect(groupForDisplay('42424242')).toBe('4242 4242')
    expect(groupForDisplay('4242-4242-4242-4242')).toBe('4242 4242 4242 4242')
    expect(groupForDisplay('378282246310005')).toBe('3782 822463 10005')
  })
})

describe('one expiry value, whatever form the cashier types', () => {
  it('MM/YY, MMYY, MM-YY, MM.YY and MM/YYYY all give { month: 12, year: 2030 } at the contract', () => {
    for (const typed of ['12/30', '1230', '12-30', '12.30', '12/2030', ' 12 / 30 ', '12 / 2030']) {
      const parsed = cardEntrySchema.parse({ number: '4242424242424242', expiry: typed, securityCode: '123', holderName: 'Jeanne' })
      expect(parsed.expiry).toEqual({ month: 12, year: 2030 })
      expect(formatExpiry(parsed.expiry)).toBe('12/30')
    }
  })

  it('a month that does not exist, or a garbled expiry, is refused at the contract on the expiry field', () => {
    for (const typed of ['13/30', '00/30', '12/3', '1/2/30', 'ab/cd', '']) {
      const parsed = cardEntrySchema.safeParse({ number: '4242424242424242', expiry: typed, securityCode: '123', holderName: 'Jeanne' })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.path).toEqual(['expiry'])
    }
  })

  it('the card check takes the parsed value as well as the typed text, with the same verdict', () => {
    const now = new Date('2026-12-07T12:00:00Z')
    const entry = { number: '4242424242424242', securityCode: '123' }
    const typed = checkCardEntry({ ...entry, expiry: '12-30' }, now)
    const parsed = checkCardEntry({ ...entry, expiry: { month: 12, year: 2030 } }, now)
    expect(parsed).toEqual(typed)
    expect(checkCardEntry({ ...entry, expiry: { month: 11, year: 2026 } }, now).errors).toMatchObject([{ field: 'expiry', code: 'EXPIRED' }])
    expect(checkCardEntry({ ...entry, expiry: { month: 13, year: 2030 } }, now).errors).toMatchObject([{ field: 'expiry', code: 'BAD_FORMAT' }])
  })
})
