import type { LineDiscount } from '@shared/contract'

export type DiscountKind = LineDiscount['type']

/** Percentages are typed with at most two decimals, which is exactly one basis point. */
const PERCENT_DIGITS = 2
const MAX_INTEGER_DIGITS = 9

/**
 * Reads what a cashier typed ("10", "5,5", "2.50 €") as a whole number of 10^-digits units,
 * by string arithmetic only: "2,50" with 2 digits is 250, never 2.5 × 100. Spaces and a trailing
 * % or currency sign are ignored; a comma or a point is the decimal mark. Null when it is not a
 * plain non-negative number with at most `digits` decimals.
 */
export function parseDecimalInput(text: string, digits: number): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[%€$£]$/u, '')
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(cleaned)
  if (!match) return null
  const whole = match[1] ?? ''
  const fraction = match[2] ?? ''
  if (whole === '' && fraction === '') return null
  if (whole.length > MAX_INTEGER_DIGITS || fraction.length > digits) return null
  const units = Number.parseInt(`${whole || '0'}${fraction.padEnd(digits, '0')}`, 10)
  return Number.isSafeInteger(units) ? units : null
}

/**
 * The line discount a cashier typed: a percentage becomes basis points ("10" is 1000), an amount
 * becomes minor units of the currency ("2,50" is 250 cents). Null when the text is not a number,
 * or a percentage is above 100 %.
 */
export function parseDiscountInput(
  kind: DiscountKind,
  text: string,
  currencyDigits: number,
): LineDiscount | null {
  if (kind === 'percent') {
    const basisPoints = parseDecimalInput(text, PERCENT_DIGITS)
    if (basisPoints === null || basisPoints > 10000) return null
    return { type: 'percent', basisPoints }
  }
  const amount = parseDecimalInput(text, currencyDigits)
  return amount === null ? null : { type: 'amount', amount }
}

/**
 * The text that puts an existing discount back in the field: 550 basis points is "5,5", 250
 * cents is "2,50" (with the locale's decimal mark).
 */
export function discountInputText(
  discount: LineDiscount,
  currencyDigits: number,
  decimalMark: string,
): string {
  const [units, digits] =
    discount.type === 'percent'
      ? [discount.basisPoints, PERCENT_DIGITS]
      : [discount.amount, currencyDigits]
  const text = String(units).padStart(digits + 1, '0')
  const whole = digits === 0 ? text : text.slice(0, -digits)
  let fraction = digits === 0 ? '' : text.slice(-digits)
  if (discount.type === 'percent') fraction = fraction.replace(/0+$/, '')
  return fraction ? `${whole}${decimalMark}${fraction}` : whole
}

/** How many decimals the currency's minor unit has (2 for EUR, 0 for JPY), from Intl. */
export function currencyDigits(currency: string): number {
  const formatter = new Intl.NumberFormat('en', { style: 'currency', currency })
  return formatter.resolvedOptions().maximumFractionDigits ?? 2
}

/** The locale's decimal mark: "," in French, "." in English. */
export function decimalMark(locale: string): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5)
  return parts.find((part) => part.type === 'decimal')?.value ?? '.'
}

/** The currency's sign as the locale writes it: "€" for EUR. */
export function currencySymbol(currency: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0)
  return parts.find((part) => part.type === 'currency')?.value ?? currency
}
