import {
  NETWORK_RULES,
  brandChoices,
  checkCardEntry,
  detectNetwork,
  digitsOnly,
  groupForDisplay,
  type CardErrorCode,
  type CardField,
  type CardNetwork,
  type RoutingBrand,
} from '@shared/cards'

export interface CardDraft {
  number: string
  expiry: string
  securityCode: string
  holderName: string
  coBadgedCb: boolean
  chosenBrand: RoutingBrand | null
}

export type CardFormField = CardField | 'holderName'
export type CardFormErrors = Partial<Record<CardFormField, CardErrorCode>>

export function emptyCardDraft(): CardDraft {
  return { number: '', expiry: '', securityCode: '', holderName: '', coBadgedCb: false, chosenBrand: null }
}

/** Every mistake the till can see before asking the issuer, one code per field. */
export function cardErrors(draft: CardDraft, now: Date): CardFormErrors {
  const errors: CardFormErrors = {}
  const checked = checkCardEntry(
    {
      number: draft.number,
      expiry: draft.expiry,
      securityCode: draft.securityCode,
      coBadgedCb: draft.coBadgedCb,
      ...(draft.chosenBrand ? { chosenBrand: draft.chosenBrand } : {}),
    },
    now,
  )
  for (const error of checked.errors ?? []) errors[error.field] ??= error.code
  const holder = draft.holderName.trim()
  if (holder === '') errors.holderName = 'REQUIRED'
  else if (holder.length < 2) errors.holderName = 'WRONG_LENGTH'
  return errors
}

/**
 * Whether a field holds enough to be judged while the cashier is still typing in it: a number
 * as long as its brand's longest, a whole MM/YY expiry. Other fields wait until they are left.
 */
export function readyToJudge(field: CardFormField, draft: CardDraft): boolean {
  if (field === 'number') {
    const digits = digitsOnly(draft.number)
    const network = detectNetwork(digits)
    if (/[^\d\s-]/.test(draft.number)) return true
    if (!network) return digits.length >= 2
    return digits.length >= Math.max(...NETWORK_RULES[network].lengths.filter((length) => length <= 16))
  }
  if (field === 'expiry') return digitsOnly(draft.expiry).length >= 4
  return false
}

export function networkOf(number: string): CardNetwork | null {
  return detectNetwork(digitsOnly(number))
}

export function securityCodeLength(number: string): number {
  const network = networkOf(number)
  return network ? NETWORK_RULES[network].securityCodeLength : 4
}

/** Brands the cardholder may choose on this card, or an empty list when there is no choice. */
export function brandOptions(number: string, coBadgedCb: boolean): readonly RoutingBrand[] {
  const network = networkOf(number)
  if (!network) return []
  const choices = brandChoices(network, coBadgedCb)
  return choices.length > 1 ? choices : []
}

/** "1230" -> "12/30" as typed; a slash only once the year has started, so Backspace works. */
export function formatExpiryAsTyped(typed: string): string {
  const digits = digitsOnly(typed).slice(0, 4)
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits
}

/**
 * Reformats a typed card number and says where the caret goes: after as many digits as were
 * before it, so a correction in the middle does not throw the caret to the end.
 */
export function regroupNumber(typed: string, caret: number): { value: string; caret: number } {
  const value = groupForDisplay(typed)
  const digitsBefore = digitsOnly(typed.slice(0, caret)).length
  let seen = 0
  let position = 0
  while (position < value.length && seen < digitsBefore) {
    if (/\d/.test(value[position] ?? '')) seen++
    position++
  }
  return { value, caret: position }
}

/**
 * A typed number as the till may keep showing it once the issuer has answered: its brand and
 * last four ("Visa •••• 0002"), never the whole number (PCI DSS 3.4.1).
 */
export function maskedForScreen(number: string): string {
  const digits = digitsOnly(number)
  const network = detectNetwork(digits)
  const lastFour = digits.slice(-4)
  return network ? `${NETWORK_RULES[network].label} •••• ${lastFour}` : `•••• ${lastFour}`
}
