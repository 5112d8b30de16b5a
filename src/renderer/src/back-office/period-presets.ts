/** Dashboard periods: both days inclusive, `YYYY-MM-DD` in UTC like the stored instants. */
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

export function periodOf(preset: PeriodPreset, now: Date = new Date()): Period {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth()
  const today = utcDate(year, month, now.getUTCDate())
  switch (preset) {
    case 'today':
      return { from: day(today), to: day(today) }
    case 'last7':
      return { from: day(utcDate(year, month, now.getUTCDate() - 6)), to: day(today) }
    case 'thisMonth':
      return { from: day(utcDate(year, month, 1)), to: day(today) }
    case 'lastMonth':
      return { from: day(utcDate(year, month - 1, 1)), to: day(utcDate(year, month, 0)) }
  }
}

/** The preset a period matches on this day, if any, so its button shows as chosen. */
export function presetOf(period: Period, now: Date = new Date()): PeriodPreset | null {
  return PERIOD_PRESETS.find((preset) => {
    const candidate = periodOf(preset, now)
    return candidate.from === period.from && candidate.to === period.to
  }) ?? null
}
