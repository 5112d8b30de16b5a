import type { Locale } from '@shared/contract'

const collators = new Map<Locale, Intl.Collator>()

function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale)
  if (!found) {
    // Accents sort with their letter: "Écouteurs" among the E's, not after the Z's.
    found = new Intl.Collator(locale)
    collators.set(locale, found)
  }
  return found
}

/**
 * Products in the order a French (or English) reader expects them on the till's grid: by name
 * with the locale's collation, never by character code, then by id so equal names keep one order.
 */
export function sortByName<T extends { id: number; name_fr: string; name_en: string }>(rows: T[], locale: Locale): T[] {
  const compare = collator(locale).compare
  const nameOf = (row: T): string => (locale === 'en' ? row.name_en : row.name_fr)
  return rows.sort((a, b) => compare(nameOf(a), nameOf(b)) || a.id - b.id)
}
