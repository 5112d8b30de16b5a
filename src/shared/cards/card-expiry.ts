export interface CardExpiry {
  month: number
  /** Four-digit year. */
  year: number
}

/**
 * Reads an expiry as a cashier types it: `MM/YY`, `MMYY`, `MM-YY`, `MM.YY`, `MM YY` or with a
 * four-digit year; every form of the same month gives the same value. This is the one place an
 * expiry is parsed: the contract calls it where a typed card enters main, and every later step
 * (the issuer request, the vault) takes the `{ month, year }` it returns. Null when it is not a
 * real month.
 */
export function parseExpiry(typed: string): CardExpiry | null {
  const match = /^\s*(\d{1,2})\s*[/\-. ]?\s*(\d{2}|\d{4})\s*$/.exec(typed)
  if (!match) return null
  const month = Number(match[1])
  const rawYear = match[2] ?? ''
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear)
  return validExpiry({ month, year })
}

/** The expiry when it is a real month of a four-digit year, else null. */
export function validExpiry(expiry: CardExpiry): CardExpiry | null {
  const { month, year } = expiry
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null
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
