const formatters = new Map<string, Intl.NumberFormat>()

/** Basis points for display only: 550 is "5,5 %" in French, "5.5%" in English. */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`Expected basis points, got ${basisPoints}`)
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
    formatters.set(locale, formatter)
  }
  return formatter.format(basisPoints / 10_000)
}
