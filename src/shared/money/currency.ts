/**
 * A currency and the number of decimal places its minor unit stands for (EUR: 2, so 1 EUR is
 * 100 minor units; JPY: 0).
 */
export interface Currency {
  readonly code: string
  readonly exponent: number
}

export const EUR: Currency = Object.freeze({ code: 'EUR', exponent: 2 })

const knownCurrencies = new Map<string, Currency>([['EUR', EUR]])

/**
 * Looks up a currency by its ISO 4217 code; the exponent comes from the platform's currency data
 * so that a shop in another currency needs no table of ours.
 */
export function currencyFromCode(code: string): Currency {
  const known = knownCurrencies.get(code)
  if (known) return known
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`Not an ISO 4217 currency code: ${code}`)
  const exponent = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: code,
  }).resolvedOptions().maximumFractionDigits
  const currency: Currency = Object.freeze({ code, exponent: exponent ?? 2 })
  knownCurrencies.set(code, currency)
  return currency
}
