/**
 * Dates as a date field gives them ("2027-01-01") and instants as main stores them (ISO with an
 * offset). A day typed by the administrator means that day on this till's clock.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function localDate(day: string): Date | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const value = new Date(year, month - 1, date)
  return value.getFullYear() === year && value.getMonth() === month - 1 && value.getDate() === date ? value : null
}

/** "2027-01-01" → the instant that day starts, local time, as ISO; null if not a real day. */
export function startOfDayInstant(day: string): string | null {
  return localDate(day)?.toISOString() ?? null
}

/** "2027-01-31" → the last millisecond of that day, local time: a validity that includes it. */
export function endOfDayInstant(day: string): string | null {
  const start = localDate(day)
  if (!start) return null
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, 0, 0, 0, -1).toISOString()
}

/** An instant back into a date field's "YYYY-MM-DD", on this till's clock. */
export function dayOfInstant(instant: string | null): string {
  if (!instant) return ''
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Whether the day starts after `now`: a new VAT rate may only begin on a future day. */
export function isFutureDay(day: string, now: Date = new Date()): boolean {
  const start = localDate(day)
  return start !== null && start.getTime() > now.getTime()
}
