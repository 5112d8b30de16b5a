const formatters = new Map<string, Intl.NumberFormat>()

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatters.set(key, formatter)
  }
  return formatter
}

/**
 * The only place where an amount leaves integer minor units: it is divided by the currency's
 * minor-unit factor (from Intl, e.g. 100 for EUR, 1 for JPY) just before display.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`An amount must be an integer number of minor units, got ${amountMinor}`)
  }
  const formatter = formatterFor(locale, currency)
  const fractionDigits = formatter.resolvedOptions().maximumFractionDigits ?? 2
  return formatter.format(amountMinor / 10 ** fractionDigits)
}
