import type { CardEnrolment } from './account-enrolment'

const VALID = { expiryMonth: 12, expiryYear: 2030, securityCode: '123' } as const
const CREDIT = {
  kind: 'credit',
  creditLimit: 500_000,
  perTransactionLimit: 300_000,
  dailyLimit: 500_000,
} as const
const DEBIT = {
  kind: 'debit',
  openingBalance: 250_000,
  overdraft: 50_000,
  perTransactionLimit: 200_000,
  dailyLimit: 300_000,
} as const

/**
 * The public test cards (../shared/DOMAIN.md §2), each behaving as its number promises, so that
 * cashiers can train with the numbers everybody knows. Security code 123 (Amex 1234), expiry
 * 12/30, except where the card exists to test that field.
 */
export const TEST_CARD_ACCOUNTS: readonly CardEnrolment[] = [
  { pan: '4242424242424242', holderName: 'Test Visa', ...VALID, ...CREDIT },
  { pan: '5555555555554444', holderName: 'Test Mastercard', ...VALID, ...DEBIT },
  { pan: '2223003122003222', holderName: 'Test Mastercard 2-series', ...VALID, ...CREDIT },
  { pan: '378282246310005', holderName: 'Test Amex', ...VALID, ...CREDIT, securityCode: '1234' },
  {
    pan: '4000000000000002',
    holderName: 'Test generic decline',
    ...VALID,
    ...CREDIT,
    status: 'blocked',
  },
  {
    pan: '4000000000009995',
    holderName: 'Test insufficient funds',
    ...VALID,
    ...DEBIT,
    openingBalance: 300,
    overdraft: 0,
  },
  { pan: '4000000000009987', holderName: 'Test lost card', ...VALID, ...CREDIT, status: 'lost' },
  {
    pan: '4000000000009979',
    holderName: 'Test stolen card',
    ...VALID,
    ...CREDIT,
    status: 'stolen',
  },
  {
    pan: '4000000000000069',
    holderName: 'Test expired card',
    ...CREDIT,
    ...VALID,
    expiryMonth: 12,
    expiryYear: 2023,
  },
  // The issuer holds another code than the 123 everybody types: N7.
  {
    pan: '4000000000000127',
    holderName: 'Test incorrect CVC',
    ...VALID,
    ...CREDIT,
    securityCode: '987',
  },
  {
    pan: '4000000000000119',
    holderName: 'Test processing error',
    ...VALID,
    ...CREDIT,
    simulatedFault: '96',
  },
  // Fails Luhn: the issuer answers 14 before it even looks the account up.
  { pan: '4242424242424241', holderName: 'Test incorrect number', ...VALID, ...CREDIT },
]

/** A few realistic customers, with the limits and states a till meets on an ordinary day. */
export const CUSTOMER_CARD_ACCOUNTS: readonly CardEnrolment[] = [
  {
    pan: '4970101234567893',
    holderName: 'Camille Martin',
    securityCode: '314',
    expiryMonth: 9,
    expiryYear: 2028,
    kind: 'debit',
    openingBalance: 184_250,
    overdraft: 40_000,
    perTransactionLimit: 150_000,
    dailyLimit: 250_000,
  },
  {
    // Low limits: 200 € per purchase and 500 € a day (61 and 65).
    pan: '5131009876543218',
    holderName: 'Lucas Bernard',
    securityCode: '271',
    expiryMonth: 3,
    expiryYear: 2029,
    kind: 'debit',
    openingBalance: 120_000,
    overdraft: 0,
    perTransactionLimit: 20_000,
    dailyLimit: 50_000,
  },
  {
    pan: '2224007654321091',
    holderName: 'Inès Moreau',
    securityCode: '602',
    expiryMonth: 11,
    expiryYear: 2027,
    kind: 'credit',
    creditLimit: 300_000,
    openingBalance: 275_000,
    perTransactionLimit: 200_000,
    dailyLimit: 300_000,
  },
  {
    pan: '345678901234564',
    holderName: 'Hugo Laurent',
    securityCode: '8812',
    expiryMonth: 6,
    expiryYear: 2031,
    kind: 'credit',
    creditLimit: 1_500_000,
    perTransactionLimit: 1_000_000,
    dailyLimit: 1_500_000,
  },
  {
    // Restricted by the bank (e.g. under review): 62.
    pan: '4556730011223346',
    holderName: 'Élodie Petit',
    securityCode: '455',
    expiryMonth: 1,
    expiryYear: 2029,
    kind: 'debit',
    openingBalance: 60_000,
    perTransactionLimit: 100_000,
    dailyLimit: 150_000,
    status: 'restricted',
  },
]
