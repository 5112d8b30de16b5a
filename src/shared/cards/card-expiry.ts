export interface CardExpiry {
  month: number
  /** Four-digit year. */
  year: number
}

/**
 * Reads an expiry as printed on a card, `MM/YY` (also `MM/YYYY`, `MMYY`, `MM-YY`). Returns null
 * when it is not a real month.
 */
export function parseExpiry(typed: string): CardExpiry | null {
  const match = /^\s*(\d{1,2})\s*[/\-. ]?\s*(\d{2}|\d{4})\s*$/.exec(typed)
  if (!match) return null
  const month = Number(match[1])
  const rawYear = match[2] ?? ''
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear)
  if (month < 1 || month > 12) return null
  return { month, year }
}

/**
 * A card is valid through the last day of its expiry month. Months are compared in UTC so that
 * the till and the issuer, given the same instant, agree.
 */
export function isExpired(expiry: CardExpiry, now: Date): boolean {
  const currentYear = now.getUTCFullYear()
  const currentMonth = now.getUTCMonth() + 1
  return expiry.year < currentYear || (expiry.year === currentYear && expiry.month < currentMonth)
}

export function formatExpiry(expiry: CardExpiry): string {
  return `${String(expiry.month).padStart(2, '0')}/${String(expiry.year % 100).padStart(2, '0')}`
}
