import { wallClock } from '@shared/time/shop-time-zone'

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0')

/**
 * An instant as the shop's wall clock to the second with its offset, `2026-12-07T23:15:02+01:00`:
 * what a tax auditor reads on the ticket, and still one exact instant. Its first ten characters
 * are the shop's day.
 */
export function localTimeWithOffset(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone)
  const seconds = Math.floor(instant.getTime() / 1000)
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) / 1000
  const offsetMinutes = Math.round((asUtc - seconds) / 60)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${offset}`
}
