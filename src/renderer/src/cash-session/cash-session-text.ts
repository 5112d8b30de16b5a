/** A session's instants on the shop's clock, in the screen's language: "7 déc. 2026, 09:12". */
export function formatSessionTime(instant: string, locale: string, timeZone: string, withSeconds = false): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short', timeZone }).format(date)
}

/** Only the hour of an instant on the shop's clock: "09:12". */
export function formatSessionHour(instant: string, locale: string, timeZone: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date)
}
