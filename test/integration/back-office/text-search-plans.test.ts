import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters, OrderSort } from '@shared/contract'
import { filterSql } from '../../../src/main/back-office/order-filter-sql'
import { OrderHistoryRepository, type TextPlan } from '../../../src/main/back-office/order-history-repository'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp } from './back-office-kit'

let subject: TempApp
let repository: OrderHistoryRepository

beforeAll(async () => {
  subject = await backOfficeApp(3000, 5)
  repository = new OrderHistoryRepository(subject.app.db)
}, 60_000)
afterAll(() => subject.dispose())

/** Every page of a filter set, following the keyset cursor, with the text applied one way. */
function everyId(filters: OrderFilters, sort: OrderSort, textPlan: TextPlan): number[] {
  const filter = filterSql(filters)
  if (!filter.ok) throw new Error(filter.error.message)
  const ids: number[] = []
  let after: { key: string | number; id: number } | null = null
  for (;;) {
    const rows = repository.page({ filter: filter.value, sort, limit: 37, after, textPlan })
    ids.push(...rows.map((row) => row.id))
    const last = rows[rows.length - 1]
    if (rows.length < 37 || !last) return ids
    after = { key: sort === 'date_desc' ? last.created_at : last.total_ttc, id: last.id }
  }
}

describe('a text filter gives the same orders whichever way it is applied', () => {
  it('walking the sort and testing each order finds exactly what sorting the matches finds', () => {
    const cases: OrderFilters[] = [
      { text: '2025' },
      { text: 'jea' },
      { text: 'mar', statuses: ['declined', 'completed'] },
      { text: 'le', paymentMethod: 'card', from: '2025-04-01' },
      { text: '2025 fr', minTotal: 2000 },
    ]
    for (const filters of cases) {
      for (const sort of ['date_desc', 'amount_desc', 'amount_asc'] as const) {
        const expected = everyId(filters, sort, 'matches-first')
        expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0)
        expect(everyId(filters, sort, 'walk-first'), `${JSON.stringify(filters)} ${sort}`).toEqual(expected)
      }
    }
  })

  it('sorts the matches while they are fewer than the broad-text threshold', () => {
    const plan = (text: string) => {
      const filter = filterSql({ text })
      if (!filter.ok) throw new Error(filter.error.message)
      return repository.textPlan(filter.value)
    }
    // 3,000 orders stay under the threshold: the matches are sorted.
    expect(plan('2025')).toBe('matches-first')
    expect(plan('2025-000123')).toBe('matches-first')
  })
})
