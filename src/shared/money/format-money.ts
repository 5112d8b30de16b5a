import { currencyFromCode, type Currency } from './currency'
import { assertMinorUnits } from './minor-units'

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * Formats minor units for display only ("12,50 €" in French, "€12.50" in English). The amount
 * reaches Intl as an exact decimal string, never as a float divided by 100.
 */
export function formatMoney(minor: number, currency: Currency | string, locale: string): string {
  assertMinorUnits(minor)
  const resolved = typeof currency === 'string' ? currencyFromCode(currency) : currency
  return formatterFor(locale, resolved).format(toDecimalString(minor, resolved.exponent))
}

/** `1250` with exponent 2 becomes `"12.50"`; `-5` becomes `"-0.05"`. */
export function toDecimalString(minor: number, exponent: number): `${number}` {
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0')
  const sign = minor < 0 ? '-' : ''
  if (exponent === 0) return `${sign}${digits}` as `${number}`
  const units = digits.slice(0, digits.length - exponent)
  const fraction = digits.slice(digits.length - exponent)
  return `${sign}${units}.${fraction}` as `${number}`
}

function formatterFor(locale: string, currency: Currency): Intl.NumberFormat {
  const key = `${locale}|${currency.code}|${currency.exponent}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.code,
      minimumFractionDigits: currency.exponent,
      maximumFractionDigits: currency.exponent,
    })
    formatters.set(key, formatter)
  }
  return formatter
}
