/**
 * Reads the cash the customer handed over as the cashier types it ("50", "50,00", "50.5",
 * "1 250,00") into integer minor units, digit by digit: no float ever holds the amount.
 * Returns null for anything that is not a plain amount with at most `fractionDigits` decimals.
 */
export function parseTenderedAmount(typed: string, fractionDigits = 2): number | null {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '')
  const pattern = fractionDigits > 0 ? new RegExp(`^(\\d{1,9})(?:[.,](\\d{0,${fractionDigits}}))?$`) : /^(\d{1,9})$/
  const match = pattern.exec(compact)
  if (!match) return null
  const whole = match[1] ?? '0'
  const fraction = (match[2] ?? '').padEnd(fractionDigits, '0')
  const amount = Number.parseInt(`${whole}${fraction}`, 10)
  return Number.isSafeInteger(amount) ? amount : null
}

const BANKNOTES_MINOR = [500, 1000, 2000, 5000, 10000, 20000, 50000] as const

/**
 * The banknotes a customer is likely to hand over for a total: the smallest ones that cover it,
 * at most `count`, never the exact total itself (that has its own button).
 */
export function banknoteSuggestions(totalMinor: number, count = 3): number[] {
  return BANKNOTES_MINOR.filter((note) => note > totalMinor).slice(0, count)
}
