import { describe, expect, it } from 'vitest'
import { buildAuthorizationRequest, type CardData } from '../../../src/main/payments/authorization-request-builder'
import type { MerchantProfile } from '../../../src/main/payments/payment-settings'

// The 0100 message as the till builds it (issue 20: rules the mutation run of src/main/payments
// found unchecked by the tests that go through the issuer).

const merchant: MerchantProfile = {
  merchantId: 'COMPTOIR0001',
  name: 'Épicerie fine et bazar du Comptoir de la Croix-Rousse',
  city: 'Villefranche-sur-Saône',
  country: 'FR',
  terminalId: 'TILL01',
  categoryCode: '5411',
  currency: 'EUR',
}

const typed: CardData = {
  pan: '4242424242424242',
  expiryMonth: 12,
  expiryYear: 2030,
  securityCode: '123',
  brand: 'cb',
  network: 'visa',
  entryMode: 'manual',
}

const payment = { amount: 1490, currency: 'EUR', traceNumber: '000007', idempotencyKey: 'order-1:1', at: new Date('2026-12-08T09:30:00.000Z') }

describe('the authorization request (0100)', () => {
  it('carries who asks, which transmission, how much, which card and under which key', () => {
    expect(buildAuthorizationRequest(merchant, typed, payment)).toEqual({
      messageType: '0100',
      merchantId: 'COMPTOIR0001',
      terminalId: 'TILL01',
      traceNumber: '000007',
      transmissionTime: '2026-12-08T09:30:00.000Z',
      merchantName: 'Épicerie fine et bazar du Comptoir de la',
      merchantCity: 'Villefranche-',
      merchantCountry: 'FR',
      merchantCategoryCode: '5411',
      amount: 1490,
      currency: 'EUR',
      pan: '4242424242424242',
      expiryMonth: 12,
      expiryYear: 2030,
      securityCode: '123',
      entryMode: 'manual',
      brand: 'cb',
      idempotencyKey: 'order-1:1',
    })
  })

  it('the merchant name is cut to 40 characters and the city to 13, as the message fields hold', () => {
    const request = buildAuthorizationRequest(merchant, typed, payment)
    expect(request.merchantName).toHaveLength(40)
    expect(request.merchantCity).toHaveLength(13)
  })

  it('a saved card is sent without any security code field, not an empty one', () => {
    const { securityCode: _never, ...saved } = typed
    const request = buildAuthorizationRequest(merchant, { ...saved, entryMode: 'stored-credential' }, payment)
    expect(request).not.toHaveProperty('securityCode')
    expect(request.entryMode).toBe('stored-credential')
  })
})
