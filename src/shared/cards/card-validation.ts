import { err, ok, type Result } from '@shared/contract/result'
import {
  NETWORK_RULES,
  brandChoices,
  detectNetwork,
  type CardNetwork,
  type RoutingBrand,
} from './card-brand'
import { isExpired, parseExpiry, validExpiry, type CardExpiry } from './card-expiry'
import { digitsOnly, passesLuhn } from './luhn'

/** What the cashier typed (or the customer, on a keypad). */
export interface CardEntry {
  number: string
  /** As typed, or already parsed once where it entered (the contract parses it for main). */
  expiry: string | CardExpiry
  securityCode: string
  /** The card carries the CB logo next to Visa or Mastercard. */
  coBadgedCb?: boolean
  /** The brand the cardholder chose on a co-badged card; defaults to CB when co-badged. */
  chosenBrand?: RoutingBrand
}

export type CardField = 'number' | 'expiry' | 'securityCode' | 'brand'

export type CardErrorCode =
  | 'REQUIRED'
  | 'NOT_DIGITS'
  | 'UNKNOWN_BRAND'
  | 'WRONG_LENGTH'
  | 'FAILS_CHECK_DIGIT'
  | 'BAD_FORMAT'
  | 'EXPIRED'
  | 'BRAND_NOT_OFFERED'

export interface CardFieldError {
  field: CardField
  code: CardErrorCode
  message: string
}

declare const checkedOnce: unique symbol

/**
 * A typed card after {@link checkCardEntry}: the digits alone, the network read from the prefix,
 * the brand it is routed through, the expiry as a month. It is made only by the check (the type
 * cannot be written by hand), so every later step (the authorization, the summary, the vault)
 * takes it as it is and checks nothing again. The security code is here for the authorization
 * only: nothing stores it and nothing logs this value.
 */
export interface ValidatedCard {
  readonly pan: string
  readonly network: CardNetwork
  readonly routingBrand: RoutingBrand
  /** The card carries CB next to Visa or Mastercard (never set on Amex). */
  readonly coBadgedCb: boolean
  readonly expiry: CardExpiry
  readonly securityCode: string
  readonly [checkedOnce]: true
}

function checkNumber(typed: string): CardFieldError | { pan: string; network: CardNetwork } {
  const fail = (code: CardErrorCode, message: string): CardFieldError => ({
    field: 'number',
    code,
    message,
  })
  if (typed.trim() === '') return fail('REQUIRED', 'Card number is required')
  if (/[^\d\s-]/.test(typed)) return fail('NOT_DIGITS', 'Card number may contain digits only')
  const pan = digitsOnly(typed)
  const network = detectNetwork(pan)
  if (!network)
    return fail('UNKNOWN_BRAND', 'Card number does not belong to Visa, Mastercard or Amex')
  const rule = NETWORK_RULES[network]
  if (!rule.lengths.includes(pan.length)) {
    return fail('WRONG_LENGTH', `A ${rule.label} number has ${rule.lengths.join(', ')} digits`)
  }
  if (!passesLuhn(pan)) return fail('FAILS_CHECK_DIGIT', 'Card number is mistyped (check digit)')
  return { pan, network }
}

function checkExpiry(typed: string | CardExpiry, now: Date): CardFieldError | CardExpiry {
  if (typeof typed === 'string' && typed.trim() === '')
    return { field: 'expiry', code: 'REQUIRED', message: 'Expiry date is required' }
  const expiry = typeof typed === 'string' ? parseExpiry(typed) : validExpiry(typed)
  if (!expiry)
    return { field: 'expiry', code: 'BAD_FORMAT', message: 'Expiry date must read MM/YY' }
  if (isExpired(expiry, now))
    return { field: 'expiry', code: 'EXPIRED', message: 'Card has expired' }
  return expiry
}

/** The security code's length depends on the brand: 4 digits on Amex, 3 elsewhere. */
export function checkSecurityCode(
  typed: string,
  network: CardNetwork | null,
): CardFieldError | null {
  if (typed === '')
    return { field: 'securityCode', code: 'REQUIRED', message: 'Security code is required' }
  if (!/^\d+$/.test(typed)) {
    return {
      field: 'securityCode',
      code: 'NOT_DIGITS',
      message: 'Security code may contain digits only',
    }
  }
  const expected = network ? NETWORK_RULES[network].securityCodeLength : null
  if (expected !== null ? typed.length !== expected : typed.length < 3 || typed.length > 4) {
    const length = expected ?? '3 or 4'
    return {
      field: 'securityCode',
      code: 'WRONG_LENGTH',
      message: `Security code has ${length} digits`,
    }
  }
  return null
}

function isError(value: object): value is CardFieldError {
  return 'field' in value && 'code' in value
}

/**
 * Checks everything the till can check before asking the issuer: every field is checked, so the
 * cashier sees all mistakes at once, and each error names its field. Messages never repeat what
 * was typed (the security code must not reach a log through an error).
 */
export function checkCardEntry(
  entry: CardEntry,
  now: Date,
): { card: ValidatedCard; errors?: undefined } | { errors: CardFieldError[]; card?: undefined } {
  const errors: CardFieldError[] = []
  const number = checkNumber(entry.number)
  const network = isError(number) ? detectNetwork(digitsOnly(entry.number)) : number.network
  if (isError(number)) errors.push(number)
  const expiry = checkExpiry(entry.expiry, now)
  if (isError(expiry)) errors.push(expiry)
  const securityCode = checkSecurityCode(entry.securityCode.trim(), network)
  if (securityCode) errors.push(securityCode)

  const coBadgedCb = entry.coBadgedCb === true && network !== 'amex'
  let routingBrand: RoutingBrand | null = network
  if (network) {
    const choices = brandChoices(network, coBadgedCb)
    routingBrand = entry.chosenBrand ?? choices[0] ?? network
    if (!choices.includes(routingBrand)) {
      errors.push({
        field: 'brand',
        code: 'BRAND_NOT_OFFERED',
        message: 'This card cannot be used with that brand',
      })
    }
  }
  if (errors.length > 0 || isError(number) || isError(expiry) || !routingBrand) return { errors }
  const card = {
    pan: number.pan,
    network: number.network,
    routingBrand,
    coBadgedCb,
    expiry,
    securityCode: entry.securityCode.trim(),
  }
  return { card: card as ValidatedCard }
}

/** {@link checkCardEntry} as a result value: `VALIDATION_FAILED` with `details.fields`. */
export function validateCardEntry(entry: CardEntry, now: Date): Result<ValidatedCard> {
  const checked = checkCardEntry(entry, now)
  if (checked.card) return ok(checked.card)
  const fields = checked.errors.map((error) => error.field).join(', ')
  return err('VALIDATION_FAILED', `Invalid card details: ${fields}`, { fields: checked.errors })
}
