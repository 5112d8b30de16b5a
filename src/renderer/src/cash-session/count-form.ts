import { EURO_DENOMINATIONS, MAX_DENOMINATION_QUANTITY, type DenominationCount, type EuroDenomination } from '@shared/domain/euro-denominations'

/** What the cashier typed per note and coin, as text: an empty field counts as none. */
export type CountDraft = Record<EuroDenomination, string>

export function emptyCountDraft(): CountDraft {
  return Object.fromEntries(EURO_DENOMINATIONS.map((denomination) => [denomination, ''])) as CountDraft
}

/** A typed quantity as a whole number (empty is 0); null when it is not one. */
export function parseQuantity(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '')
  if (compact === '') return 0
  if (!/^\d{1,6}$/.test(compact)) return null
  const quantity = Number.parseInt(compact, 10)
  return quantity <= MAX_DENOMINATION_QUANTITY ? quantity : null
}

/** The draft as a count for main (its non-empty lines), or null while a field holds no number. */
export function draftToCount(draft: CountDraft): DenominationCount[] | null {
  const count: DenominationCount[] = []
  for (const denomination of EURO_DENOMINATIONS) {
    const quantity = parseQuantity(draft[denomination])
    if (quantity === null) return null
    if (quantity > 0) count.push({ denomination, quantity })
  }
  return count
}

/** The running total of the draft in cents, the fields that hold no number counted as none. */
export function draftTotal(draft: CountDraft): number {
  return EURO_DENOMINATIONS.reduce((sum, denomination) => sum + denomination * (parseQuantity(draft[denomination]) ?? 0), 0)
}
