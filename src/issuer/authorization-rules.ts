import { passesLuhn } from '@shared/cards/luhn'
import type { ResponseCode } from '@shared/cards/response-codes'
import type { CardEntryMode } from '@shared/domain/payment'
import { availableFunds, type IssuerAccount } from './issuer-account'

/** Limits the issuer applies on top of each account's own. */
export interface VelocitySettings {
  /** More attempts than this within the window answer 65. */
  maxAttempts: number
  windowSeconds: number
}

export const DEFAULT_VELOCITY: VelocitySettings = { maxAttempts: 20, windowSeconds: 300 }

/** What the issuer knows when it decides; gathered by the simulator, judged here. */
export interface AuthorizationFacts {
  pan: string
  amount: number
  currency: string
  expiryMonth: number
  expiryYear: number
  entryMode: CardEntryMode
  /** null when no code was sent; the rules decide whether that is allowed. */
  securityCodeMatches: boolean | null
  now: Date
  account: IssuerAccount | null
  /** Earlier attempts on this account within the velocity window. */
  recentAttempts: number
  /** Amount approved and not reversed today (UTC), before this request. */
  approvedToday: number
  velocity: VelocitySettings
}

/** The card expired before the current month (UTC), as the merchant's check does. */
function accountExpired(account: IssuerAccount, now: Date): boolean {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() + 1
  return account.expiryYear < year || (account.expiryYear === year && account.expiryMonth < month)
}

const STATUS_CODES: Readonly<Record<IssuerAccount['status'], ResponseCode | null>> = {
  active: null,
  lost: '41',
  stolen: '43',
  blocked: '05',
  restricted: '62',
}

/**
 * Decides an authorization in a fixed order, so that a card with several problems always gets the
 * same answer and the most serious one (a lost card outranks a typo in the date):
 *
 * 1. 14: number malformed, failing Luhn, or unknown to the issuer;
 *    then 96 for an account configured to fail processing (test card 0119);
 * 2. 41 lost, 43 stolen, 05 blocked, 62 restricted;
 * 3. 54: card expired, or expiry not matching the account;
 * 4. N7: security code wrong, or missing on a manual entry (a stored-credential payment has none);
 *    then 57 when the currency is not the account's;
 * 5. 61: over the per-transaction limit;
 * 6. 65: over the daily limit, or too many attempts in the velocity window;
 * 7. 51: over the available funds;
 * 8. 00: approved.
 */
export function decideAuthorization(facts: AuthorizationFacts): ResponseCode {
  const { account } = facts
  if (!/^\d{13,19}$/.test(facts.pan) || !passesLuhn(facts.pan) || !account) return '14'
  if (account.simulatedFault) return account.simulatedFault
  const statusCode = STATUS_CODES[account.status]
  if (statusCode) return statusCode
  if (
    accountExpired(account, facts.now) ||
    account.expiryMonth !== facts.expiryMonth ||
    account.expiryYear !== facts.expiryYear
  ) {
    return '54'
  }
  if (facts.entryMode === 'manual' && facts.securityCodeMatches !== true) return 'N7'
  if (facts.securityCodeMatches === false) return 'N7'
  if (facts.currency !== account.currency) return '57'
  if (facts.amount > account.perTransactionLimit) return '61'
  if (facts.approvedToday + facts.amount > account.dailyLimit) return '65'
  if (facts.recentAttempts >= facts.velocity.maxAttempts) return '65'
  if (facts.amount > availableFunds(account)) return '51'
  return '00'
}

const AUTH_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'

/**
 * A 6-character alphanumeric approval code (ISO 8583 field 38). Letters easily misread on a
 * receipt (I, O) are left out; `randomInt` is injected so the code stays pure.
 */
export function makeAuthorizationCode(randomInt: (maxExclusive: number) => number): string {
  let code = ''
  for (let i = 0; i < 6; i++) code += AUTH_CODE_ALPHABET[randomInt(AUTH_CODE_ALPHABET.length)]
  return code
}
