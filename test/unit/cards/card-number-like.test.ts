import { describe, expect, it } from 'vitest'
import { containsCardNumber, holdsLongDigitRun } from '../../../src/shared/cards'
import { withEan13CheckDigit } from '../../../src/shared/catalogue/ean13'

describe('a card number typed where none belongs', () => {
  it('is found plain, grouped by spaces or dashes, and inside other words', () => {
    expect(containsCardNumber('4242424242424242')).toBe(true)
    expect(containsCardNumber('4242 4242 4242 4242')).toBe(true)
    expect(containsCardNumber('5555-5555-5555-4444')).toBe(true)
    expect(containsCardNumber('3782 822463 10005')).toBe(true)
    expect(containsCardNumber('carte 4242 4242 4242 4242 svp')).toBe(true)
  })

  it('is not a number that fails Luhn, nor one too short or too long to be a card', () => {
    expect(containsCardNumber('4242 4242 4242 4241')).toBe(false)
    expect(containsCardNumber('424242424242')).toBe(false)
    expect(containsCardNumber('42424242424242424242')).toBe(false)
    expect(containsCardNumber('06 12 34 56 78')).toBe(false)
    expect(containsCardNumber('théière 12 rue de la Paix 75002')).toBe(false)
  })

  it('is not a product barcode typed as printed, even one that happens to pass Luhn', () => {
    // Find a body whose EAN-13 also passes Luhn: about one in ten do.
    let barcode = ''
    for (let body = 376012345000; barcode === ''; body++) {
      const candidate = withEan13CheckDigit(String(body))
      if (containsCardNumber(`${candidate.slice(0, 4)} ${candidate.slice(4)}`)) barcode = candidate
    }
    expect(containsCardNumber(barcode)).toBe(false)
    expect(holdsLongDigitRun(barcode)).toBe(false)
  })

  it('on its way (13 digits or more, not yet valid) is held back from any search', () => {
    expect(holdsLongDigitRun('4242 4242 4242 4')).toBe(true)
    expect(holdsLongDigitRun('4242424242424')).toBe(true)
    expect(holdsLongDigitRun('424242424242')).toBe(false)
    expect(holdsLongDigitRun('expresso')).toBe(false)
  })
})
