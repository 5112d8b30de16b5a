import { describe, expect, it } from 'vitest'
import {
  compactIdentifier,
  frenchVatKey,
  frenchVatNumber,
  isValidCompanyId,
  isValidEuVatNumber,
  isValidSiren,
  isValidSiret,
  sirenOf,
  vatNumberMatchesCompany,
} from '@shared/invoices/business-identifiers'

describe('a buyer’s SIREN, SIRET and VAT number on an invoice', () => {
  it('accepts a SIREN whose Luhn digit is right, typed with spaces or dots', () => {
    expect(isValidSiren('552 032 534')).toBe(true)
    expect(isValidSiren('552.032.534')).toBe(true)
    expect(isValidSiren('732829320')).toBe(true)
  })

  it('refuses a SIREN with one digit changed, two neighbours swapped, or the wrong length', () => {
    expect(isValidSiren('552032535')).toBe(false)
    expect(isValidSiren('525032534')).toBe(false)
    expect(isValidSiren('55203253')).toBe(false)
    expect(isValidSiren('5520325340')).toBe(false)
    expect(isValidSiren('55203253A')).toBe(false)
  })

  it('accepts a SIRET (SIREN and establishment) whose Luhn digit over 14 digits is right', () => {
    expect(isValidSiret('552 032 534 00018')).toBe(true)
    expect(isValidSiret('55203253400013')).toBe(false)
    expect(isValidSiret('5520325340001')).toBe(false)
  })

  it('accepts La Poste’s establishments by the sum of their digits, as INSEE numbers them', () => {
    // 356 000 000 + 00055: digits sum to 3+5+6+5+5 = 24, not a multiple of 5; 00056 sums to 25.
    expect(isValidSiret('35600000000056')).toBe(true)
    expect(isValidSiret('35600000000055')).toBe(false)
  })

  it('takes either a SIREN or a SIRET as the company’s identifier, and finds the SIREN in both', () => {
    expect(isValidCompanyId('552032534')).toBe(true)
    expect(isValidCompanyId('55203253400018')).toBe(true)
    expect(isValidCompanyId('5520325340001')).toBe(false)
    expect(sirenOf('552 032 534 00013')).toBe('552032534')
  })

  it('computes the French VAT key from the SIREN: (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(frenchVatKey('552032534')).toBe('27')
    expect(frenchVatNumber('123456789')).toBe('FR32123456789')
    // A key under 10 keeps its leading zero.
    expect(frenchVatKey('000000097')).toBe('12')
    expect(frenchVatKey('000000002')).toBe('18')
  })

  it('accepts a French VAT number only with its SIREN’s key, and another EU state’s by its form', () => {
    expect(isValidEuVatNumber('FR27 552032534')).toBe(true)
    expect(isValidEuVatNumber('fr27552032534')).toBe(true)
    expect(isValidEuVatNumber('FR28552032534')).toBe(false)
    expect(isValidEuVatNumber('FR27552032535')).toBe(false)
    expect(isValidEuVatNumber('DE123456789')).toBe(true)
    expect(isValidEuVatNumber('US123456789')).toBe(false)
    expect(isValidEuVatNumber('DE1')).toBe(false)
  })

  it('says whether a French VAT number belongs to the buyer’s SIREN', () => {
    expect(vatNumberMatchesCompany('FR27552032534', '55203253400018')).toBe(true)
    expect(vatNumberMatchesCompany('FR44732829320', '552032534')).toBe(false)
    expect(vatNumberMatchesCompany('DE123456789', '552032534')).toBe(true)
  })

  it('compacts what was typed without touching the characters that count', () => {
    expect(compactIdentifier(' fr 27-552.032 534 ')).toBe('FR27552032534')
  })
})
