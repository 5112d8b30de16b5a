/**
 * Amounts typed by an administrator ("12,50", "12.5", "1 234") read as integer cents by string
 * arithmetic alone, so no float ever holds the value. Two decimals at most.
 */
const AMOUNT_PATTERN = /^(\d{1,13})(?:[.,](\d{1,2}))?$/

/** `null` for an empty field, `'invalid'` for text that is not an amount, else cents. */
export function parseAmountText(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '')
  if (compact === '') return null
  const match = AMOUNT_PATTERN.exec(compact)
  if (!match) return 'invalid'
  const units = Number.parseInt(match[1]!, 10)
  const cents = Number.parseInt((match[2] ?? '').padEnd(2, '0'), 10)
  const total = units * 100 + cents
  return Number.isSafeInteger(total) ? total : 'invalid'
}

/** Cents back into the text an administrator would type, e.g. 1250 → "12,50" in French. */
export function amountToText(cents: number, locale: string): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not an amount in cents: ${cents}`)
  const separator = locale.startsWith('fr') ? ',' : '.'
  return `${Math.trunc(cents / 100)}${separator}${String(cents % 100).padStart(2, '0')}`
}
