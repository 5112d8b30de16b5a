import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VELOCITY,
  decideAuthorization,
  makeAuthorizationCode,
  type AuthorizationFacts,
} from '../../../src/issuer/authorization-rules'
import { availableFunds, type IssuerAccount } from '../../../src/issuer/issuer-account'

const account: IssuerAccount = {
  id: 1,
  lastFour: '4242',
  holderName: 'Test',
  expiryMonth: 12,
  expiryYear: 2030,
  kind: 'credit',
  creditLimit: 100_000,
  overdraft: 0,
  perTransactionLimit: 50_000,
  dailyLimit: 80_000,
  status: 'active',
  currency: 'EUR',
  simulatedFault: null,
  balance: 20_000,
  held: 10_000,
}

const facts = (
  overrides: Partial<AuthorizationFacts> = {},
  accountOverrides: Partial<IssuerAccount> = {},
): AuthorizationFacts => ({
  pan: '4242424242424242',
  amount: 1_000,
  currency: 'EUR',
  expiryMonth: 12,
  expiryYear: 2030,
  entryMode: 'manual',
  securityCodeMatches: true,
  now: new Date('2026-05-15T10:00:00Z'),
  account: { ...account, ...accountOverrides },
  recentAttempts: 0,
  approvedToday: 0,
  velocity: DEFAULT_VELOCITY,
  ...overrides,
})

describe('issuer decisions, in their fixed order', () => {
  it('approves a sound request within funds and limits', () => {
    expect(decideAuthorization(facts())).toBe('00')
  })

  it('14: malformed number, failed Luhn, or unknown card', () => {
    expect(decideAuthorization(facts({ pan: '4242-4242' }))).toBe('14')
    expect(decideAuthorization(facts({ pan: '4242424242424241' }))).toBe('14')
    expect(decideAuthorization(facts({ account: null }))).toBe('14')
  })

  it('a failed Luhn outranks a lost card', () => {
    expect(decideAuthorization(facts({ pan: '4242424242424241' }, { status: 'lost' }))).toBe('14')
  })

  it('41 lost, 43 stolen, 05 blocked, 62 restricted, before anything about the request', () => {
    const wrongEverything = { expiryYear: 2029, securityCodeMatches: false, amount: 999_999 }
    expect(decideAuthorization(facts(wrongEverything, { status: 'lost' }))).toBe('41')
    expect(decideAuthorization(facts(wrongEverything, { status: 'stolen' }))).toBe('43')
    expect(decideAuthorization(facts(wrongEverything, { status: 'blocked' }))).toBe('05')
    expect(decideAuthorization(facts(wrongEverything, { status: 'restricted' }))).toBe('62')
  })

  it('54: expired account or an expiry that does not match, before the security code', () => {
    expect(
      decideAuthorization(
        facts({ expiryYear: 2023, securityCodeMatches: false }, { expiryYear: 2023 }),
      ),
    ).toBe('54')
    expect(decideAuthorization(facts({ expiryMonth: 11, securityCodeMatches: false }))).toBe('54')
  })

  it('N7: wrong or missing security code on a manual entry, before limits', () => {
    expect(decideAuthorization(facts({ securityCodeMatches: false, amount: 60_000 }))).toBe('N7')
    expect(decideAuthorization(facts({ securityCodeMatches: null }))).toBe('N7')
  })

  it('a stored-credential payment carries no security code and is not refused for it', () => {
    expect(
      decideAuthorization(facts({ entryMode: 'stored-credential', securityCodeMatches: null })),
    ).toBe('00')
  })

  it("57: a currency other than the account's, after the security code and before the limits", () => {
    expect(decideAuthorization(facts({ currency: 'USD' }))).toBe('57')
    expect(decideAuthorization(facts({ currency: 'USD', securityCodeMatches: false }))).toBe('N7')
    expect(decideAuthorization(facts({ currency: 'USD', amount: 50_001 }))).toBe('57')
  })

  it('61: over the per-transaction limit, before the daily limit and the funds', () => {
    expect(decideAuthorization(facts({ amount: 50_001, approvedToday: 80_000 }))).toBe('61')
  })

  it('65: over the daily limit, or too many attempts in the window, before the funds', () => {
    expect(decideAuthorization(facts({ amount: 30_000, approvedToday: 50_001 }))).toBe('65')
    expect(decideAuthorization(facts({ recentAttempts: DEFAULT_VELOCITY.maxAttempts }))).toBe('65')
    const noFunds = { balance: 100_000, held: 0 }
    expect(decideAuthorization(facts({ amount: 30_000, approvedToday: 50_001 }, noFunds))).toBe('65')
    expect(decideAuthorization(facts({ recentAttempts: DEFAULT_VELOCITY.maxAttempts }, noFunds))).toBe('65')
    expect(decideAuthorization(facts({}, noFunds))).toBe('51')
  })

  it('51: over limit - balance - open holds on credit', () => {
    // available = 100 000 - 20 000 - 10 000 = 70 000
    expect(
      decideAuthorization(
        facts({ amount: 40_000 }, { balance: 60_000, held: 10_000, perTransactionLimit: 90_000 }),
      ),
    ).toBe('51')
    expect(decideAuthorization(facts({ amount: 30_000 }, { balance: 60_000, held: 10_000 }))).toBe(
      '00',
    )
  })

  it('51 on debit counts the overdraft', () => {
    const debit = { kind: 'debit' as const, balance: 5_000, overdraft: 2_000, held: 0 }
    expect(decideAuthorization(facts({ amount: 7_000 }, debit))).toBe('00')
    expect(decideAuthorization(facts({ amount: 7_001 }, debit))).toBe('51')
  })

  it('96 for an account configured to fail processing, once the card is found, before its status', () => {
    expect(decideAuthorization(facts({}, { simulatedFault: '96' }))).toBe('96')
    expect(decideAuthorization(facts({}, { simulatedFault: '96', status: 'lost' }))).toBe('96')
    expect(decideAuthorization(facts({}, { simulatedFault: '96', status: 'stolen' }))).toBe('96')
    expect(decideAuthorization(facts({ pan: '4242424242424241' }, { simulatedFault: '96' }))).toBe('14')
  })
})

describe('available funds', () => {
  it('credit: limit - balance - holds; debit: balance + overdraft - holds', () => {
    expect(availableFunds(account)).toBe(70_000)
    expect(
      availableFunds({ ...account, kind: 'debit', balance: 1_000, overdraft: 500, held: 200 }),
    ).toBe(1_300)
  })
})

describe('authorization code', () => {
  it('is six alphanumeric characters', () => {
    let seed = 7
    const random = (max: number) => (seed = (seed * 31 + 11) % 1_000) % max
    for (let i = 0; i < 100; i++) expect(makeAuthorizationCode(random)).toMatch(/^[A-Z0-9]{6}$/)
  })
})
