import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cardNumbersIn, isCardNumber, scanFile, securityCodeIn } from '../../leak-scan/card-data-finder'
import { demoEan } from '../../../src/main/seed/seed-demo-shop'

describe('the leak scan recognises a full card number by its brand, length and Luhn check', () => {
  it('finds every test card of the README and the tests, not only a fixed list', () => {
    for (const pan of ['4242424242424242', '5555555555554444', '2223003122003222', '378282246310005', '4000000000000002', '4000000000009995', '4000000000000127', '4970101234567893']) {
      expect(isCardNumber(pan), pan).toBe(true)
    }
  })

  it('finds a number plain, grouped with spaces or hyphens, inside longer text and in UTF-16', () => {
    expect(cardNumbersIn('{"pan":"4970101234567893"}')).toEqual(['4970101234567893'])
    expect(cardNumbersIn('mastercard5555555555554444TILL-01')).toEqual(['5555555555554444'])
    expect(cardNumbersIn('carte 4242 4242 4242 4242 refusée')).toEqual(['4242424242424242'])
    expect(cardNumbersIn('n° 12 3782 822463 10005')).toEqual(['378282246310005'])
    expect(cardNumbersIn('5555-5555-5555-4444')).toEqual(['5555555555554444'])
    expect(cardNumbersIn(Buffer.from('x 4242424242424242 y', 'utf16le').toString('latin1'))).toEqual(['4242424242424242'])
  })

  it('leaves alone what is not a card: masks, a number failing Luhn, timestamps, order numbers, catalogue barcodes', () => {
    expect(cardNumbersIn('424242******4242 4242 42•• •••• 4242 4242424242424241')).toEqual([])
    expect(cardNumbersIn('1765123456789 2026-12-07T18:49:22.123Z 20261207184922123 FR-2026-000123')).toEqual([])
    expect(cardNumbersIn(Array.from({ length: 40 }, (_, index) => demoEan(index)).join(' '))).toEqual([])
    expect(cardNumbersIn('4006381333931')).toEqual([])
    expect(cardNumbersIn('"hash":"11bb120d4739357459667d438c1050b7ba40d1506cb3bfb4103"')).toEqual([])
    expect(cardNumbersIn('{"minBasket":6077172103665677,"type":"amount"}')).toEqual([])
    expect(cardNumbersIn('orders_sort_keys1 1 1 1 12337 2337 2337 2337 2337')).toEqual([])
  })
})

describe('the leak scan recognises a security code after its field name or in prose', () => {
  it.each(['"securityCode":"123"', 'security_code=1234', 'cvv: 123', 'CVC2 314', 'the security code is 123', 'code de sécurité : 123'])(
    'finds %s',
    (text) => expect(securityCodeIn(text)).not.toBeNull(),
  )

  it('leaves alone letters inside an identifier or a hash that happen to spell an abbreviation', () => {
    // Seen in the issuer's SQLite file: a random identifier ending in "cSc", then a date column.
    expect(securityCodeIn('7fQx9cSc2026-12-07T22:20:01.120Z')).toBeNull()
    expect(securityCodeIn('trace_cvv1234')).toBeNull()
    expect(securityCodeIn('csc2026')).toBeNull()
  })

  it('leaves alone a field without a code and a length rule', () => {
    expect(securityCodeIn('"securityCode":"" securityCodeLength:3 the security code has 3 digits')).toBeNull()
  })
})

describe('the leak scan reads a whole file, whatever its size', () => {
  it('finds a number written across the boundary of two chunks', () => {
    const folder = mkdtempSync(join(tmpdir(), 'comptoir-leak-finder-'))
    try {
      const file = join(folder, 'big.bin')
      writeFileSync(file, Buffer.concat([Buffer.alloc(1000, 'x'), Buffer.from('4970101234567893'), Buffer.alloc(1000, 'y')]))
      expect(scanFile(file, 1008).map((finding) => finding.what)).toEqual(['card number 497010…7893 (16 digits)'])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
