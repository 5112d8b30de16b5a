import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters, OrderSort } from '@shared/contract'
import { FilterTotalsRepository } from '../../../src/main/orders/filter-totals-repository'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryRepository } from '../../../src/main/orders/order-history-repository'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp } from './back-office-kit'

let subject: TempApp
/** Walks of 40 orders at most, texts broad from 30 matches: on 3,000 orders every plan, and every give-up, is taken. */
let planned: OrderHistoryRepository
let sorted: OrderHistoryRepository
/** The same small walks, told by migration 020's totals when a filter without its text and amounts has no order. */
let told: OrderHistoryRepository

beforeAll(async () => {
  subject = await backOfficeApp(3000, 11)
  const db = subject.app.db
  // Orders written with a clock set back, or re-dated: their ids are out of date order.
  db.prepare("UPDATE orders SET created_at = '2025-03-01T10:00:00.000Z' WHERE id IN (2900, 2950, 2990)").run()
  db.prepare("UPDATE orders SET created_at = '2025-12-31T23:59:59.000Z' WHERE id IN (10, 20)").run()
  planned = new OrderHistoryRepository(db, 40, 30)
  sorted = new OrderHistoryRepository(db)
  const totals = new FilterTotalsRepository(db)
  told = new OrderHistoryRepository(db, 40, 30, (filter) => totals.countWithoutTextOrAmount(filter))
}, 60_000)
afterAll(() => subject.dispose())

function everyId(repository: OrderHistoryRepository, filters: OrderFilters, sort: OrderSort, plan: 'planned' | 'matches-first'): number[] {
  const filter = filterSql(filters)
  if (!filter.ok) throw new Error(filter.error.message)
  const ids: number[] = []
  let after: { key: string | number; id: number } | null = null
  for (;;) {
    const rows = repository.page({ filter: filter.value, sort, limit: 61, after, ...(plan === 'planned' ? {} : { textPlan: plan }) })
    ids.push(...rows.map((row) => row.id))
    const last = rows[rows.length - 1]
    if (rows.length < 61 || !last) return ids
    after = { key: sort === 'date_desc' ? last.createdAt : last.totalTtc, id: last.id }
  }
}

describe('the planned page (bounded walks, a text read by id) gives exactly the orders of the plain query', () => {
  it('lists the re-dated orders as out of date order', () => {
    const listed = subject.app.db.prepare('SELECT order_id FROM orders_out_of_date_order ORDER BY 1').pluck().all()
    expect(listed).toEqual(expect.arrayContaining([10, 20, 2900, 2950, 2990]))
  })

  it('every filter alone and in pairs, texts rare and common, in every sort, page after page', () => {
    const cases: OrderFilters[] = [
      {},
      { text: '2025' },
      { text: 'jea' },
      { text: 'jeanne' },
      { text: 'zzzq' },
      { statuses: ['declined'] },
      { statuses: ['completed', 'refunded'] },
      { statuses: ['declined'], text: 'mar' },
      { paymentMethod: 'cash', cardBrand: 'visa' },
      { cardBrand: 'amex', text: '2025' },
      { declineCode: '51' },
      { declineCode: '51', text: 'le' },
      { minTotal: 10_000, maxTotal: 12_000 },
      { from: '2025-12-01', text: '2025' },
      { to: '2025-02-01', text: '2025' },
      { cashierId: 1, statuses: ['delivered'] },
      { cardBrand: 'amex', from: '2025-11-20', to: '2025-12-01' },
      { cardBrand: 'visa', paymentMethod: 'cash' },
      { cardBrand: 'mastercard', minTotal: 5_000, from: '2025-06-01' },
      { paymentMethod: 'saved_card', from: '2025-12-20' },
      { cashierId: 2, to: '2025-01-15' },
      { declineCode: '05', from: '2025-10-01', to: '2025-11-01' },
      { cardBrand: 'amex', paymentMethod: 'cash', text: 'jea' },
    ]
    for (const filters of cases) {
      for (const sort of ['date_desc', 'amount_desc', 'amount_asc'] as const) {
        const expected = everyId(sorted, filters, sort, 'matches-first')
        expect(everyId(planned, filters, sort, 'planned'), `${JSON.stringify(filters)} ${sort}`).toEqual(expected)
        expect(everyId(sorted, filters, sort, 'planned'), `${JSON.stringify(filters)} ${sort} (full budget)`).toEqual(expected)
        expect(everyId(told, filters, sort, 'planned'), `${JSON.stringify(filters)} ${sort} (told by the totals)`).toEqual(expected)
      }
    }
  }, 120_000)
})
