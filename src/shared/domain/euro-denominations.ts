/**
 * The euro's notes and coins, in cents, largest first: what a till's drawer holds and what the
 * cashier counts at the opening (the float) and at the closing (the blind count). The 500 € note
 * is no longer issued but still legal tender, so a drawer may hold one.
 */
export const EURO_NOTES = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500] as const
export const EURO_COINS = [200, 100, 50, 20, 10, 5, 2, 1] as const
export const EURO_DENOMINATIONS = [...EURO_NOTES, ...EURO_COINS] as const
export type EuroDenomination = (typeof EURO_DENOMINATIONS)[number]

/** How many of one note or coin a count may name: far above any drawer, far below an overflow. */
export const MAX_DENOMINATION_QUANTITY = 100_000

/** One line of a count: so many of this note or coin. */
export interface DenominationCount {
  denomination: EuroDenomination
  quantity: number
}

/** What a count is worth, in cents (an exact integer: at most 15 lines of 100,000 × 50,000). */
export function countTotal(count: readonly DenominationCount[]): number {
  return count.reduce((sum, line) => sum + line.denomination * line.quantity, 0)
}

/** The count without its empty lines, largest denomination first: the form it is stored in. */
export function normalizedCount(count: readonly DenominationCount[]): DenominationCount[] {
  return count
    .filter((line) => line.quantity > 0)
    .map((line) => ({ denomination: line.denomination, quantity: line.quantity }))
    .sort((a, b) => b.denomination - a.denomination)
}
