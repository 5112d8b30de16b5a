import { describeResponseCode } from '@shared/cards/response-codes'
import type { Dashboard } from '@shared/contract'
import { err, ok, type Result } from '@shared/contract/result'
import { roundHalfAwayFromZero } from '@shared/money'
import { addDays, daysBetween, isDay, shopDaysRange, wallClock } from '@shared/time/shop-time-zone'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { DashboardRepository, type QuarterTotal } from './dashboard-repository'
import { salesFigures } from './sold-orders'

const MAX_DAYS = 731

interface Slice {
  orders: number
  totalTtc: number
  refundedTtc: number
  netTtc: number
}

const emptySlice = (): Slice => ({ orders: 0, totalTtc: 0, refundedTtc: 0, netTtc: 0 })

function addTo(slice: Slice, quarter: QuarterTotal): void {
  slice.orders += quarter.orders
  slice.totalTtc += quarter.totalTtc
  slice.refundedTtc += quarter.refundedTtc
  slice.netTtc += quarter.totalTtc - quarter.refundedTtc
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const pad = (value: number) => String(value).padStart(2, '0')

/**
 * The shop's day and hour of an instant, fast enough for a year of quarters: the zone's offset
 * is read (Intl) at both ends of each UTC day and, only on a day where it changes, at each quarter.
 */
function shopClock(timeZone: string): (time: number) => { day: string; hour: number } {
  const offsetAt = (time: number) => {
    const clock = wallClock(time, timeZone)
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - Math.floor(time / 60_000) * 60_000
  }
  const steady = new Map<number, number | null>()
  return (time) => {
    const dayStart = Math.floor(time / DAY_MS) * DAY_MS
    if (!steady.has(dayStart)) {
      const first = offsetAt(dayStart)
      steady.set(dayStart, first === offsetAt(dayStart + DAY_MS - 15 * 60_000) ? first : null)
    }
    const local = new Date(time + (steady.get(dayStart) ?? offsetAt(time)))
    return { day: `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`, hour: local.getUTCHours() }
  }
}

const basket = (count: number, total: number) => (count === 0 ? 0 : roundHalfAwayFromZero(total, count))

/**
 * The dashboard of a period of the shop's days (its time zone, Europe/Paris by default): sales,
 * refunds and net (`sold-orders`), per day, per hour of the wall clock and per cashier, compared
 * with the period of the same length just before; authorized vs declined attempts and the
 * decline reasons, VAT per rate, top products. A Paris day is 23, 24 or 25 hours of UTC.
 */
export class DashboardService {
  private readonly repository: DashboardRepository

  constructor(
    db: SqliteDatabase,
    private readonly currency: () => string,
    private readonly timeZone: () => string = () => 'UTC',
  ) {
    this.repository = new DashboardRepository(db)
  }

  /** `from` and `to` are days of the shop's time zone, both included. */
  period(from: string, to: string): Result<Dashboard> {
    if (!isDay(from) || !isDay(to)) return err('VALIDATION_FAILED', 'The period is not made of valid days', { fields: ['from', 'to'] })
    if (from > to) return err('VALIDATION_FAILED', 'The period ends before it starts', { fields: ['from', 'to'] })
    const length = daysBetween(from, to) + 1
    if (length > MAX_DAYS) return err('VALIDATION_FAILED', 'A dashboard covers two years at most', { fields: ['from', 'to'] })
    const timeZone = this.timeZone()
    const range = shopDaysRange(from, to, timeZone)

    const days = new Map<string, Slice>()
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, ...emptySlice() }))
    const clock = shopClock(timeZone)
    const totals = emptySlice()
    for (const quarter of this.repository.quarters(range)) {
      const { day, hour } = clock(Date.parse(`${quarter.quarter}:00.000Z`))
      if (!days.has(day)) days.set(day, emptySlice())
      addTo(days.get(day)!, quarter)
      addTo(hours[hour]!, quarter)
      addTo(totals, quarter)
    }
    const cashiers = this.repository.cashiers(range).map(({ cashierId, cashierName, ...quarter }) => {
      const slice = emptySlice()
      addTo(slice, { quarter: '', ...quarter })
      return { cashierId, name: cashierName, ...slice }
    })

    const figures = salesFigures({ soldCount: totals.orders, totalTtc: totals.totalTtc }, this.repository.vatByRate(range), this.repository.refundVatByRate(range))

    const previousFrom = addDays(from, -length)
    const previousTo = addDays(from, -1)
    const before = this.repository.totals(shopDaysRange(previousFrom, previousTo, timeZone))

    const attempts = { authorized: 0, declined: 0, other: 0 }
    const declines = new Map<string, number>()
    for (const row of this.repository.attempts(range)) {
      if (row.outcome === 'approved') attempts.authorized += row.count
      else if (row.outcome === 'declined') {
        attempts.declined += row.count
        const code = row.responseCode ?? '??'
        declines.set(code, (declines.get(code) ?? 0) + row.count)
      } else attempts.other += row.count
    }
    const decided = attempts.authorized + attempts.declined
    return ok({
      currency: this.currency(),
      timeZone,
      days: [...days].map(([day, slice]) => ({ day, ...slice })).sort((a, b) => a.day.localeCompare(b.day)),
      hours,
      cashiers: cashiers.sort((a, b) => b.netTtc - a.netTtc || a.name.localeCompare(b.name)),
      previous: {
        from: previousFrom,
        to: previousTo,
        soldCount: before.count,
        totalTtc: before.totalTtc,
        refundedTtc: before.refundedTtc,
        netTtc: before.totalTtc - before.refundedTtc,
        averageBasket: basket(before.count, before.totalTtc),
      },
      ...figures,
      orderCount: figures.soldCount,
      averageBasket: basket(figures.soldCount, figures.totalTtc),
      attempts: { ...attempts, authorizedShare: decided === 0 ? 0 : attempts.authorized / decided },
      declineReasons: [...declines]
        .map(([code, count]) => ({ code, meaning: describeResponseCode(code).meaning, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      topProducts: this.repository.topProducts(range, 10).map((product) => ({
        productId: product.productId,
        sku: product.sku,
        name: { fr: product.nameFr, en: product.nameEn },
        quantity: product.quantity,
        totalTtc: product.totalTtc,
      })),
    })
  }
}
