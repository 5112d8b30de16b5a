import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidEan13, withEan13CheckDigit } from '@shared/catalogue/ean13'

describe('EAN-13 barcodes', () => {
  it('accepts a real product barcode', () => {
    expect(isValidEan13('4006381333931')).toBe(true)
    expect(isValidEan13('3017620422003')).toBe(true)
  })

  it('refuses a barcode whose check digit was misread', () => {
    expect(isValidEan13('4006381333932')).toBe(false)
  })

  it('refuses anything but thirteen digits', () => {
    expect(isValidEan13('400638133393')).toBe(false)
    expect(isValidEan13('400638133393a')).toBe(false)
  })

  it('any single-digit change of a valid code is detected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const code = withEan13CheckDigit(body)
        const changed = code.slice(0, position) + ((Number(code[position]) + delta) % 10) + code.slice(position + 1)
        return isValidEan13(code) && !isValidEan13(changed)
      }),
      { numRuns: 1000 },
    )
  })
})
