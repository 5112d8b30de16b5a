import { describeResponseCode } from '@shared/cards/response-codes'
import type { Dashboard } from '@shared/contract'
import { err, ok, type Result } from '@shared/contract/result'
import { roundHalfAwayFromZero } from '@shared/money'
import { DailyTotalsRepository, type DayRange } from './daily-totals-repository'
import { SOLD_STATUSES } from './sold-orders'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'

const MAX_DAYS = 731

function nextDay(day: string): string | null {
  const time = Date.parse(`${day}T00:00:00.000Z`)
  return Number.isNaN(time) ? null : new Date(time + 86_400_000).toISOString().slice(0, 10)
}

/**
 * The dashboard of a period, from the daily tables (sales, VAT, products, and payment attempts
 * for authorized vs declined and the decline reasons): a month costs the same at a thousand
 * orders as at a million.
 */
export class DashboardService {
  private readonly daily: DailyTotalsRepository

  constructor(
    db: SqliteDatabase,
    private readonly currency: () => string,
  ) {
    this.daily = new DailyTotalsRepository(db)
  }

  /** `from` and `to` are UTC days, both included. */
  period(from: string, to: string): Result<Dashboard> {
    const end = nextDay(to)
    if (end === null || Number.isNaN(Date.parse(`${from}T00:00:00.000Z`))) {
      return err('VALIDATION_FAILED', 'The period is not made of valid days', { fields: ['from', 'to'] })
    }
    if (from > to) return err('VALIDATION_FAILED', 'The period ends before it starts', { fields: ['from', 'to'] })
    if ((Date.parse(end) - Date.parse(from)) / 86_400_000 > MAX_DAYS) {
      return err('VALIDATION_FAILED', 'A dashboard covers two years at most', { fields: ['from', 'to'] })
    }
    const range: DayRange = { from, to: end }
    const days = this.daily.perDay(range, SOLD_STATUSES)
    const figures = this.daily.salesFigures(range, SOLD_STATUSES)
    const attempts = { authorized: 0, declined: 0, other: 0 }
    const declines = new Map<string, number>()
    for (const row of this.daily.attempts(range)) {
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
      days,
      ...figures,
      orderCount: figures.soldCount,
      averageBasket: figures.soldCount === 0 ? 0 : roundHalfAwayFromZero(figures.totalTtc, figures.soldCount),
      attempts: { ...attempts, authorizedShare: decided === 0 ? 0 : attempts.authorized / decided },
      declineReasons: [...declines]
        .map(([code, count]) => ({ code, meaning: describeResponseCode(code).meaning, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      topProducts: this.daily.topProducts(range, SOLD_STATUSES, 10).map((product) => ({
        productId: product.productId,
        sku: product.sku,
        name: { fr: product.nameFr, en: product.nameEn },
        quantity: product.quantity,
        totalTtc: product.totalTtc,
      })),
    })
  }
}
