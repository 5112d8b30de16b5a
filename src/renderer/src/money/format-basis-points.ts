const formatters = new Map<string, Intl.NumberFormat>()

/**
 * A rate or a percentage in basis points, for display only: 550 is "5,5 %" in French and "5.5%"
 * in English. The only place where basis points become a fraction.
 */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  if (!Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`A rate must be an integer number of basis points, got ${basisPoints}`)
  }
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
    formatters.set(locale, formatter)
  }
  return formatter.format(basisPoints / 10000)
}
