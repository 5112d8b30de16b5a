import { describeResponseCode } from '@shared/cards/response-codes'
import type { OrderFilters, OrderListRow, OrderSort, OrderSummary } from '@shared/contract'
import { ok, type Result } from '@shared/contract/result'
import { ORDER_STATUSES } from '@shared/domain/order-status'
import { isDay, startOfShopDay } from '@shared/time/shop-time-zone'
import { CARD_BRANDS } from '@shared/domain/payment'
import { AmountSummaryRepository } from './amount-summary-repository'
import { DailyTotalsRepository, type DayRange } from './daily-totals-repository'
import { FilterTotalsRepository } from './filter-totals-repository'
import { decodeCursor, encodeCursor, filterSql, SORTS } from './order-filter-sql'
import { OrderHistoryRepository } from './order-history-repository'
import { ShopDayTotalsRepository } from './shop-day-totals-repository'
import { soldStatusesAmong } from './sold-orders'

export interface OrderPage {
  rows: OrderListRow[]
  nextCursor: string | null
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0{1,3})?)?Z)?$/

/** The day a bound falls on when it is a whole UTC day, else null. */
function wholeDay(bound: string | undefined): string | null | undefined {
  if (bound === undefined) return undefined
  return MIDNIGHT.exec(bound)?.[1] ?? null
}

/**
 * The day range of a filter set the daily tables can answer exactly: only statuses and whole-day
 * bounds. Anything else (a cashier, a text, an hour) needs the orders themselves.
 */
function dailyRange(filters: OrderFilters, timeZone: string): DayRange | null | 'not-daily' {
  const { statuses, from, to, ...others } = filters
  void statuses
  if (Object.values(others).some((value) => value !== undefined)) return 'not-daily'
  // The daily tables count UTC days: a bound in another zone's days needs the orders themselves.
  if (timeZone !== 'UTC' && (from !== undefined || to !== undefined)) return 'not-daily'
  const fromDay = wholeDay(from)
  const toDay = wholeDay(to)
  if (fromDay === null || toDay === null) return 'not-daily'
  if (fromDay === undefined && toDay === undefined) return null
  return { from: fromDay ?? '0000-00-00', to: toDay ?? '9999-99-99' }
}

/**
 * The instants of a filter set made only of statuses and bounds that are bare days of the shop's
 * zone (`to` excluded), which quarter-hour and daily totals answer exactly; else null.
 */
function shopDaysRange(filters: OrderFilters, timeZone: string): { start: string; end: string } | null {
  const { statuses, from, to, ...others } = filters
  void statuses
  if (Object.values(others).some((value) => value !== undefined)) return null
  if ((from !== undefined && !isDay(from)) || (to !== undefined && !isDay(to))) return null
  return {
    start: from === undefined ? '0000-01-01T00:00:00.000Z' : startOfShopDay(from, timeZone),
    end: to === undefined ? '9999-12-31T00:00:00.000Z' : startOfShopDay(to, timeZone),
  }
}

/** The order history: pages, totals and the values the filters offer. */
export class OrderHistoryService {
  readonly repository: OrderHistoryRepository
  private readonly daily: DailyTotalsRepository
  private readonly shopDays: ShopDayTotalsRepository
  private readonly filterTotals: FilterTotalsRepository
  private readonly amountTotals: AmountSummaryRepository

  constructor(
    db: ConstructorParameters<typeof OrderHistoryRepository>[0],
    private readonly currency: () => string,
    /** The shop's time zone: bare days in the filters are its days. */
    readonly timeZone: () => string = () => 'UTC',
  ) {
    this.daily = new DailyTotalsRepository(db)
    this.shopDays = new ShopDayTotalsRepository(db)
    this.filterTotals = new FilterTotalsRepository(db)
    this.amountTotals = new AmountSummaryRepository(db)
    const totals = this.filterTotals
    this.repository = new OrderHistoryRepository(db, undefined, undefined, (filter) => totals.countWithoutTextOrAmount(filter))
  }

  search(filters: OrderFilters, sort: OrderSort, limit: number, cursor: string | null | undefined): Result<OrderPage> {
    const filter = filterSql(filters, this.timeZone())
    if (!filter.ok) return filter
    let after: { key: string | number; id: number } | null = null
    if (cursor) {
      const decoded = decodeCursor(cursor, sort)
      if (!decoded.ok) return decoded
      after = decoded.value
    }
    // One row more than asked tells whether another page exists without a count.
    const rows = this.repository.page({ filter: filter.value, sort, limit: limit + 1, after })
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const nextCursor = rows.length > limit && last ? encodeCursor(sort, SORTS[sort].keyOf(last), last.id) : null
    return ok({ rows: page, nextCursor })
  }

  /**
   * How many orders match, and the money of those that are sales (`sold-orders`): sales, refunds
   * and net, per VAT rate. From the daily tables when they can answer exactly (whole days and
   * statuses that are whole statuses), else from the orders; both count the same way.
   */
  summary(filters: OrderFilters): Result<OrderSummary> {
    const timeZone = this.timeZone()
    const filter = filterSql(filters, timeZone)
    if (!filter.ok) return filter
    const range = dailyRange(filters, timeZone)
    // The derived totals leave training sales out (migration 023): the list shows them, so the
    // count adds them, read from their own small index (never the filter's range); their money
    // counts nowhere.
    const training = () => this.repository.trainingCount(filter.value)
    if (range !== 'not-daily' && filter.value.branches.every((branch) => branch.condition === null)) {
      const statuses = filter.value.statuses
      const { count } = this.daily.totals(range, statuses.length > 0 ? statuses : ORDER_STATUSES)
      return ok({ count: count + training(), currency: this.currency(), ...this.daily.salesFigures(range, soldStatusesAmong(statuses)) })
    }
    // Bare days of another zone: its days are whole ranges of UTC quarter-hours (migration 018).
    const instants = shopDaysRange(filters, timeZone)
    if (instants !== null && filter.value.branches.every((branch) => branch.condition === null)) {
      const statuses = filter.value.statuses
      const summary = this.shopDays.summary(instants, statuses.length > 0 ? statuses : ORDER_STATUSES, soldStatusesAmong(statuses))
      return ok({ ...summary, count: summary.count + training(), currency: this.currency() })
    }
    // Any other filter but a text or an amount: migration 020's totals per day and month.
    const totals = this.filterTotals.summary(filter.value)
    if (totals !== null) return ok({ ...totals, count: totals.count + training(), currency: this.currency() })
    // An amount range with dates and statuses: migration 026's totals per amount.
    const amounts = this.amountTotals.summary(filter.value)
    if (amounts !== null) return ok({ ...amounts, count: amounts.count + training(), currency: this.currency() })
    return ok({ ...this.repository.summary(filter.value), currency: this.currency() })
  }

  filterOptions() {
    return {
      cashiers: this.repository.cashiers(),
      tills: this.repository.tills(),
      cardBrands: [...CARD_BRANDS],
      declineCodes: this.repository.declineCodes().map((code) => ({ code, meaning: describeResponseCode(code).meaning })),
    }
  }
}
