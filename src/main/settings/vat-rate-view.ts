import type { VatRateEntry } from '../pricing'

export interface VatRateView extends VatRateEntry {
  current: boolean
}

/**
 * The rate history with the entry in force at `now` marked for each category, by the resolver's
 * rule: the latest `effectiveFrom` not after `now`, the later entry winning a tie.
 */
export function vatRatesWithCurrent(history: readonly VatRateEntry[], now: Date): VatRateView[] {
  const inForce = new Map<string, { index: number; from: number }>()
  history.forEach((entry, index) => {
    const from = Date.parse(entry.effectiveFrom)
    if (Number.isNaN(from) || from > now.getTime()) return
    const best = inForce.get(entry.category)
    if (!best || from >= best.from) inForce.set(entry.category, { index, from })
  })
  return history.map((entry, index) => ({
    ...entry,
    current: inForce.get(entry.category)?.index === index,
  }))
}
