import { isDay } from '@shared/time/shop-time-zone'

/**
 * Dates as the interface's language writes them, whatever the browser's locale: `dd/mm/yyyy` in
 * French, `yyyy-mm-dd` in English (unambiguous for a French shop's English-speaking staff). The
 * value behind is always a `YYYY-MM-DD` day.
 */
export function dateTextPattern(locale: string): string {
  return locale.startsWith('fr') ? 'jj/mm/aaaa' : 'yyyy-mm-dd'
}

/** A day written for the interface: `2026-12-08` → `08/12/2026` in French. */
export function dayToText(day: string, locale: string): string {
  if (!isDay(day)) return ''
  if (!locale.startsWith('fr')) return day
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}

/**
 * What was typed, read as a day: `8/12/2026`, `08/12/2026`, `08.12.2026` or `08-12-2026` in
 * French (day first), and the ISO form in either language. `null` for an empty field,
 * `'invalid'` for anything else (31/02/2026 included).
 */
export function textToDay(text: string, locale: string): string | null | 'invalid' {
  const trimmed = text.trim()
  if (trimmed === '') return null
  let day: string | null = null
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed)
  if (iso) day = `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`
  else if (locale.startsWith('fr')) {
    const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed)
    if (french) day = `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`
  }
  return day !== null && isDay(day) ? day : 'invalid'
}
