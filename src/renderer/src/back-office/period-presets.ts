import { shopDay } from '@shared/time/shop-time-zone'

/** Dashboard periods: both days inclusive, `YYYY-MM-DD` days of the shop's time zone. */
export type PeriodPreset = 'today' | 'last7' | 'thisMonth' | 'lastMonth'
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['today', 'last7', 'thisMonth', 'lastMonth']

export interface Period {
  from: string
  to: string
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function utcDate(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month, dayOfMonth))
}

/** The preset's days around `now`, "today" being the shop's day in `timeZone` (Europe/Paris by default). */
export function periodOf(preset: PeriodPreset, now: Date = new Date(), timeZone = 'Europe/Paris'): Period {
  const [year, month, date] = shopDay(now, timeZone).split('-').map(Number) as [number, number, number]
  return periodAround(preset, year, month - 1, date)
}

function periodAround(preset: PeriodPreset, year: number, month: number, date: number): Period {
  const today = utcDate(year, month, date)
  switch (preset) {
    case 'today':
      return { from: day(today), to: day(today) }
    case 'last7':
      return { from: day(utcDate(year, month, date - 6)), to: day(today) }
    case 'thisMonth':
      return { from: day(utcDate(year, month, 1)), to: day(today) }
    case 'lastMonth':
      return { from: day(utcDate(year, month - 1, 1)), to: day(utcDate(year, month, 0)) }
  }
}

/** The preset a period matches on this day, if any, so its button shows as chosen. */
export function presetOf(period: Period, now: Date = new Date(), timeZone = 'Europe/Paris'): PeriodPreset | null {
  return PERIOD_PRESETS.find((preset) => {
    const candidate = periodOf(preset, now, timeZone)
    return candidate.from === period.from && candidate.to === period.to
  }) ?? null
}
