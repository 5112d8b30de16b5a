/**
 * What an administrator types into a money or percentage field, read by string arithmetic only:
 * "12,50" € is 1250 cents and "5,5" % is 550 basis points, never 12.5 × 100. A comma or a point
 * is the decimal mark; spaces (including the narrow ones French formatting writes) and a
 * trailing € or % are ignored.
 */

const MAX_WHOLE_DIGITS = 9

function scaledInteger(text: string, digits: number, allowNegative: boolean): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[%€]$/u, '')
  const match = /^([-−]?)(\d*)(?:[.,](\d*))?$/u.exec(cleaned)
  if (!match) return null
  const negative = match[1] !== ''
  const whole = match[2] ?? ''
  const fraction = match[3] ?? ''
  if (negative && !allowNegative) return null
  if (whole === '' && fraction === '') return null
  if (whole.length > MAX_WHOLE_DIGITS || fraction.length > digits) return null
  const units = Number.parseInt(`${whole || '0'}${fraction.padEnd(digits, '0')}`, 10)
  if (!Number.isSafeInteger(units)) return null
  return negative && units !== 0 ? -units : units
}

/** "12,50" → 1250 cents; null for anything but a non-negative amount with at most 2 decimals. */
export function parseEuroCents(text: string): number | null {
  return scaledInteger(text, 2, false)
}

/** Like parseEuroCents, but "-12,50" → -1250 (an account balance may be negative). */
export function parseSignedEuroCents(text: string): number | null {
  return scaledInteger(text, 2, true)
}

/** "5,5" → 550 basis points; null above 100 % or with more than 2 decimals. */
export function parsePercentBasisPoints(text: string): number | null {
  const basisPoints = scaledInteger(text, 2, false)
  return basisPoints !== null && basisPoints <= 10_000 ? basisPoints : null
}

/** "30", " 1 000 " → a whole number; null for decimals, signs or anything else. */
export function parseWholeNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d{1,12}$/.test(cleaned)) return null
  const value = Number.parseInt(cleaned, 10)
  return Number.isSafeInteger(value) ? value : null
}

function scaledText(units: number, digits: number, decimalMark: string, trimZeros: boolean): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`Expected an integer, got ${units}`)
  const sign = units < 0 ? '-' : ''
  const text = String(Math.abs(units)).padStart(digits + 1, '0')
  const whole = text.slice(0, -digits)
  let fraction = text.slice(-digits)
  if (trimZeros) fraction = fraction.replace(/0+$/, '')
  return fraction ? `${sign}${whole}${decimalMark}${fraction}` : `${sign}${whole}`
}

/** The text that puts cents back in a field: 1250 → "12,50" (French mark). */
export function centsInputText(cents: number, decimalMark = ','): string {
  return scaledText(cents, 2, decimalMark, false)
}

/** The text that puts basis points back in a field: 550 → "5,5", 2000 → "20". */
export function basisPointsInputText(basisPoints: number, decimalMark = ','): string {
  return scaledText(basisPoints, 2, decimalMark, true)
}

/** The locale's decimal mark: "," in French, "." in English. */
export function localeDecimalMark(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'
}
