import { describe, expect, it } from 'vitest'
import { banknoteSuggestions, parseTenderedAmount } from '@renderer/checkout/tendered-amount'
import { checkAddress, emptyAddress, postcodeWrongWhileTyping } from '@renderer/checkout/address-validation'
import {
  cardErrors,
  emptyCardDraft,
  formatExpiryAsTyped,
  readyToJudge,
  regroupNumber,
} from '@renderer/checkout/card-entry-feedback'
import { fieldsNamedBy, missingCashOf, paymentFailureOf } from '@renderer/checkout/payment-failure'

const NOW = new Date('2026-11-26T12:00:00Z')

describe('cash tendered as typed', () => {
  it('reads "50", "50,00", "50.5" and "1 250,00" into cents without a float', () => {
    expect(parseTenderedAmount('50')).toBe(5000)
    expect(parseTenderedAmount('50,00')).toBe(5000)
    expect(parseTenderedAmount('50.5')).toBe(5050)
    expect(parseTenderedAmount('0,1')).toBe(10)
    expect(parseTenderedAmount('1 250,00')).toBe(125000)
    expect(parseTenderedAmount('19,99 €')).toBe(1999)
  })
  it('refuses what is not a plain amount, or has more cents than the currency', () => {
    for (const typed of ['', 'abc', '5,001', '-5', '5,5,5', ',5']) expect(parseTenderedAmount(typed)).toBeNull()
  })
  it('offers the smallest banknotes above the total', () => {
    expect(banknoteSuggestions(890)).toEqual([1000, 2000, 5000])
    expect(banknoteSuggestions(2000)).toEqual([5000, 10000, 20000])
  })
})

describe('shipping address checked field by field', () => {
  it('names each missing field and a French postcode that is not five digits', () => {
    const errors = checkAddress({ ...emptyAddress(), postcode: '750' })
    expect(errors).toMatchObject({ recipient: 'REQUIRED', line1: 'REQUIRED', city: 'REQUIRED', postcode: 'POSTCODE_FR' })
    expect(errors.line2).toBeUndefined()
  })
  it('accepts a complete French address', () => {
    expect(checkAddress({ recipient: 'Jeanne', line1: '12 rue des Lilas', line2: '', postcode: '75011', city: 'Paris', country: 'FR' })).toEqual({})
  })
  it('tells a wrong French postcode while it is typed, not before', () => {
    expect(postcodeWrongWhileTyping('FR', '750')).toBe(false)
    expect(postcodeWrongWhileTyping('FR', '75A')).toBe(true)
    expect(postcodeWrongWhileTyping('FR', '75011')).toBe(false)
  })
})

describe('card entry feedback', () => {
  it('groups the number as typed and keeps the caret after the same digit', () => {
    expect(regroupNumber('42424', 5)).toEqual({ value: '4242 4', caret: 6 })
    expect(regroupNumber('378282246310005', 15).value).toBe('3782 822463 10005')
  })
  it('writes the expiry slash once the year has started', () => {
    expect(formatExpiryAsTyped('12')).toBe('12')
    expect(formatExpiryAsTyped('123')).toBe('12/3')
    expect(formatExpiryAsTyped('12/30')).toBe('12/30')
  })
  it('judges a Luhn failure as soon as sixteen Visa digits are typed', () => {
    const draft = { ...emptyCardDraft(), number: '4242 4242 4242 4241' }
    expect(readyToJudge('number', draft)).toBe(true)
    expect(cardErrors(draft, NOW).number).toBe('FAILS_CHECK_DIGIT')
    expect(readyToJudge('number', { ...draft, number: '4242 4242' })).toBe(false)
  })
  it('wants four security digits on an Amex card, and a holder name', () => {
    const draft = { ...emptyCardDraft(), number: '3782 822463 10005', expiry: '12/30', securityCode: '123' }
    expect(cardErrors(draft, NOW)).toEqual({ securityCode: 'WRONG_LENGTH', holderName: 'REQUIRED' })
    expect(cardErrors({ ...draft, securityCode: '1234', holderName: 'Jo' }, NOW)).toEqual({})
  })
})

describe('payment failures from main', () => {
  it('reads a decline with its code, message and next steps', () => {
    const failure = paymentFailureOf({
      code: 'CARD_DECLINED',
      message: 'Insufficient funds',
      details: {
        orderId: 1,
        responseCode: '51',
        meaning: 'insufficient funds',
        message: { fr: 'Provision insuffisante.', en: 'Insufficient funds.' },
        nextSteps: ['another-card', 'cash', 'bogus'],
        card: { brand: 'visa', lastFour: '9995' },
      },
    })
    expect(failure).toEqual({
      kind: 'declined',
      responseCode: '51',
      meaning: 'insufficient funds',
      message: { fr: 'Provision insuffisante.', en: 'Insufficient funds.' },
      nextSteps: ['another-card', 'cash'],
      card: { brand: 'visa', lastFour: '9995' },
    })
    expect(paymentFailureOf({ code: 'NETWORK', message: 'down' })).toBeNull()
  })
  it('finds the fields named by zod issues, the card checker or a plain list', () => {
    expect(fieldsNamedBy({ code: 'VALIDATION_FAILED', message: '', details: [{ path: ['card', 'securityCode'] }] })).toEqual(['securityCode'])
    expect(fieldsNamedBy({ code: 'VALIDATION_FAILED', message: '', details: { fields: [{ field: 'expiry' }] } })).toEqual(['expiry'])
    expect(fieldsNamedBy({ code: 'CONFLICT', message: '', details: { fields: ['email'] } })).toEqual(['email'])
    expect(missingCashOf({ code: 'CASH_SHORT', message: '', details: { missing: 390 } })).toBe(390)
  })
})
