// Tests that kill the mutants Stryker and issue 20 found surviving (see test/mutation/survivors.md):
// each names the business rule at the exact point where a one-character change would break it.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VELOCITY,
  decideAuthorization,
  makeAuthorizationCode,
  type AuthorizationFacts,
} from '../../../src/issuer/authorization-rules'
import type { IssuerAccount } from '../../../src/issuer/issuer-account'
import { auditEntryHash, GENESIS_HASH, type ChainedFields } from '../../../src/main/audit/audit-hash'
import { DEMO_DELIVERY_SETTINGS } from '../../../src/main/pricing/demo-pricing-settings'
import { resolveDelivery } from '../../../src/main/pricing/delivery-fee'
import { bucketVat } from '../../../src/main/pricing/vat-buckets'

const account: IssuerAccount = {
  id: 1,
  lastFour: '4242',
  holderName: 'Test',
  expiryMonth: 5,
  expiryYear: 2026,
  kind: 'credit',
  creditLimit: 100_000,
  overdraft: 0,
  perTransactionLimit: 50_000,
  dailyLimit: 80_000,
  status: 'active',
  currency: 'EUR',
  simulatedFault: null,
  balance: 0,
  held: 0,
}

const facts = (
  overrides: Partial<AuthorizationFacts> = {},
  accountOverrides: Partial<IssuerAccount> = {},
): AuthorizationFacts => {
  const merged = { ...account, ...accountOverrides }
  return {
    pan: '4242424242424242',
    amount: 1_000,
    currency: 'EUR',
    expiryMonth: merged.expiryMonth,
    expiryYear: merged.expiryYear,
    entryMode: 'manual',
    securityCodeMatches: true,
    now: new Date('2026-05-15T10:00:00Z'),
    account: merged,
    recentAttempts: 0,
    approvedToday: 0,
    velocity: DEFAULT_VELOCITY,
    ...overrides,
  }
}

describe('the issuer at the edges of its rules', () => {
  it('a card is valid through its expiry month', () => {
    expect(decideAuthorization(facts({ now: new Date('2026-05-31T23:59:59Z') }))).toBe('00')
  })

  it('a card is expired from the first day of the month after', () => {
    expect(decideAuthorization(facts({ now: new Date('2026-06-01T00:00:00Z') }))).toBe('54')
  })

  it('a card expiring in a later month of this year, or any month of a later year, is valid', () => {
    expect(decideAuthorization(facts({}, { expiryMonth: 6 }))).toBe('00')
    expect(decideAuthorization(facts({}, { expiryMonth: 1, expiryYear: 2027 }))).toBe('00')
  })

  it('a card that expired last year is refused even in a later month number', () => {
    expect(decideAuthorization(facts({}, { expiryMonth: 12, expiryYear: 2025 }))).toBe('54')
  })

  it('the issuer answers 65 before 51 when both apply', () => {
    const overDailyAndFunds = facts({ amount: 30_000, approvedToday: 60_000 }, { creditLimit: 20_000 })
    expect(decideAuthorization(overDailyAndFunds)).toBe('65')
    const overVelocityAndFunds = facts({ recentAttempts: 20 }, { creditLimit: 500 })
    expect(decideAuthorization(overVelocityAndFunds)).toBe('65')
  })

  it('a payment of exactly the per-transaction limit, the daily limit or the funds is approved', () => {
    expect(decideAuthorization(facts({ amount: 50_000 }))).toBe('00')
    expect(decideAuthorization(facts({ amount: 10_000, approvedToday: 70_000 }))).toBe('00')
    expect(decideAuthorization(facts({ amount: 20_000 }, { creditLimit: 20_000 }))).toBe('00')
  })

  it('one cent over each of them is refused', () => {
    expect(decideAuthorization(facts({ amount: 50_001 }))).toBe('61')
    expect(decideAuthorization(facts({ amount: 10_001, approvedToday: 70_000 }))).toBe('65')
    expect(decideAuthorization(facts({ amount: 20_001 }, { creditLimit: 20_000 }))).toBe('51')
  })

  it('the attempt that reaches the velocity limit is refused, the one before it is not', () => {
    expect(decideAuthorization(facts({ recentAttempts: 19 }))).toBe('00')
    expect(decideAuthorization(facts({ recentAttempts: 20 }))).toBe('65')
  })
})

describe('the issuer reads the card number and what the terminal sent', () => {
  // Luhn-valid numbers outside every card brand's range: only their length matters here.
  it('a card number of 13 to 19 digits is read, one of 12 or 20 digits is refused as invalid (14)', () => {
    expect(decideAuthorization(facts({ pan: '9123456789016' }))).toBe('00')
    expect(decideAuthorization(facts({ pan: '9123456789012345672' }))).toBe('00')
    expect(decideAuthorization(facts({ pan: '912345678904' }))).toBe('14')
    expect(decideAuthorization(facts({ pan: '91234567890123456786' }))).toBe('14')
  })

  it('an expiry year that is not the card\'s is refused as expired (54), even on a valid card', () => {
    expect(decideAuthorization(facts({ expiryYear: 2027 }))).toBe('54')
    expect(decideAuthorization(facts({ expiryMonth: 6 }))).toBe('54')
  })

  it('a wrong security code is refused (N7) on a stored-credential payment too; none sent is allowed there', () => {
    expect(
      decideAuthorization(facts({ entryMode: 'stored-credential', securityCodeMatches: false })),
    ).toBe('N7')
    expect(
      decideAuthorization(facts({ entryMode: 'stored-credential', securityCodeMatches: null })),
    ).toBe('00')
    expect(decideAuthorization(facts({ entryMode: 'manual', securityCodeMatches: null }))).toBe('N7')
  })
})

describe('the approval code on the receipt', () => {
  it('is six characters drawn from capitals and digits without I and O', () => {
    const asked: number[] = []
    expect(makeAuthorizationCode((max) => (asked.push(max), 0))).toBe('AAAAAA')
    expect(makeAuthorizationCode((max) => max - 1)).toBe('999999')
    expect(makeAuthorizationCode(() => 8)).toBe('JJJJJJ')
    expect(asked).toEqual([34, 34, 34, 34, 34, 34])
  })
})

describe('free delivery in metropolitan France', () => {
  const standardFr = { option: 'standard', zone: 'FR' } as const
  const context = (goodsTtc: number) => ({ weightGrams: 400, goodsTtc, freeDeliveryCode: false })

  it('free delivery starts at exactly 49,00 €', () => {
    const quote = resolveDelivery(standardFr, context(4900), DEMO_DELIVERY_SETTINGS)
    expect(quote).toMatchObject({ ok: true, value: { fee: 0, bandFee: 490, waiver: 'threshold' } })
  })

  it('at 48,99 € the delivery is paid', () => {
    const quote = resolveDelivery(standardFr, context(4899), DEMO_DELIVERY_SETTINGS)
    expect(quote).toMatchObject({ ok: true, value: { fee: 490, waiver: null } })
  })
})

describe('VAT of a rate bucket', () => {
  it('a half-cent of VAT rounds away from zero, taken on the VAT and not from a rounded HT', () => {
    // 0,03 € TTC at 20 %: VAT 0,005 €, HT 0,025 €. The VAT rounds to 0,01 €; rounding the HT
    // first (0,03 €) would leave no VAT at all.
    expect(bucketVat(3, 2000, 'TTC')).toEqual({ ht: 2, vat: 1, ttc: 3 })
    expect(bucketVat(9, 2000, 'TTC')).toEqual({ ht: 7, vat: 2, ttc: 9 })
  })

  it('with HT prices, 1,00 € at 5,5 % carries 0,06 € of VAT (0,055 € rounded up)', () => {
    expect(bucketVat(100, 550, 'HT')).toEqual({ ht: 100, vat: 6, ttc: 106 })
  })
})

describe('the audit hash covers every chained field', () => {
  const fields: ChainedFields = {
    id: 7,
    at: '2026-11-26T10:00:00.000Z',
    action: 'order.refund',
    userId: 3,
    subject: 'order:42',
    detailsJson: '{"amount":500}',
  }
  const base = auditEntryHash(GENESIS_HASH, fields)

  it.each([
    ['id', { id: 8 }],
    ['time', { at: '2026-11-26T10:00:00.001Z' }],
    ['action', { action: 'order.cancel' }],
    ['user', { userId: 4 }],
    ['subject', { subject: 'order:43' }],
    ['details', { detailsJson: '{"amount":501}' }],
  ] as const)('changing the %s of an entry changes its hash', (_name, change) => {
    expect(auditEntryHash(GENESIS_HASH, { ...fields, ...change })).not.toBe(base)
  })

  it('the hash depends on the previous hash and is sha256 in hex', () => {
    expect(auditEntryHash('1'.repeat(64), fields)).not.toBe(base)
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(GENESIS_HASH).toBe('0'.repeat(64))
  })
})
