/**
 * The shop's days and hours, in its IANA time zone (Europe/Paris by default), computed with
 * `Intl` alone: the zone rules (summer time, past changes) are the runtime's ICU data, never
 * written here. A day is `YYYY-MM-DD`; an instant is an ISO 8601 string in UTC, as stored.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris'

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** True for an IANA zone name the runtime knows (`Europe/Paris`, `UTC`), not an offset nor an abbreviation. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false
  try {
    partsFormatter(name)
    return true
  } catch {
    return false
  }
}

/** The wall clock of `instant` in the zone. */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export function wallClock(instant: Date | number | string, timeZone: string): WallClock {
  const time = typeof instant === 'number' ? instant : new Date(instant).getTime()
  const values: Record<string, number> = {}
  for (const part of partsFormatter(timeZone).formatToParts(time)) {
    if (part.type !== 'literal') values[part.type] = Number.parseInt(part.value, 10)
  }
  return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour!, minute: values.minute!, second: values.second! }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The shop's day an instant falls on: a sale at 23:30 UTC on 7 Dec is on 8 Dec in Paris. */
export function shopDay(instant: Date | number | string, timeZone: string): string {
  const clock = wallClock(instant, timeZone)
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`
}

/** How far the zone's wall clock is ahead of UTC at `time`, in milliseconds. */
function offsetAt(time: number, timeZone: string): number {
  const clock = wallClock(time, timeZone)
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second)
  return asUtc - Math.floor(time / 1000) * 1000
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === text
}

/** The calendar day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  const match = DAY.exec(day)
  if (!match) throw new RangeError(`Not a day: ${day}`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + count)).toISOString().slice(0, 10)
}

/** How many calendar days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The first instant of the shop's day, as a UTC ISO string: 2026-03-29 in Paris starts at
 * 2026-03-28T23:00:00.000Z and lasts 23 hours; 2026-10-25 starts at 22:00Z and lasts 25 hours.
 * Where midnight itself is skipped by a clock change, the day starts at the first instant after.
 */
export function startOfShopDay(day: string, timeZone: string): string {
  const match = DAY.exec(day)
  if (!match) throw new RangeError(`Not a day: ${day}`)
  const midnightAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  // The offset may differ on each side of the instant; two rounds settle it.
  let guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone)
  guess = midnightAsUtc - offsetAt(guess, timeZone)
  if (shopDay(guess, timeZone) !== day) {
    // Midnight does not exist that day (a clock jumping from 23:59 to 01:00): step to the day's first minute.
    let time = guess
    while (shopDay(time, timeZone) < day) time += 60_000
    guess = time
  }
  // Never later than the day's true first instant (a repeated midnight keeps the first one).
  while (shopDay(guess - 60_000, timeZone) === day) guess -= 60_000
  return new Date(guess).toISOString()
}

/** The instants `[start, end)` of the shop's days `from` to `to`, both included. */
export function shopDaysRange(from: string, to: string, timeZone: string): { start: string; end: string } {
  return { start: startOfShopDay(from, timeZone), end: startOfShopDay(addDays(to, 1), timeZone) }
}
