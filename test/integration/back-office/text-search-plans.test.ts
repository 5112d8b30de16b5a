import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters, OrderSort } from '@shared/contract'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryRepository, type TextPlan } from '../../../src/main/orders/order-history-repository'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp } from './back-office-kit'

let subject: TempApp
let repository: OrderHistoryRepository

beforeAll(async () => {
  subject = await backOfficeApp(3000, 5)
  repository = new OrderHistoryRepository(subject.app.db)
}, 60_000)
afterAll(() => subject.dispose())

/**
 * Every page of a filter set, following the keyset cursor, with the text applied one way;
 * `asTyped` runs the text exactly as the filter holds it (no rewriting of long words).
 */
function everyId(filters: OrderFilters, sort: OrderSort, textPlan: TextPlan, asTyped = false): number[] {
  const filter = filterSql(filters)
  if (!filter.ok) throw new Error(filter.error.message)
  const ids: number[] = []
  let after: { key: string | number; id: number } | null = null
  for (;;) {
    const rows: Array<{ id: number; createdAt: string; totalTtc: number }> = asTyped
      ? (() => {
          const { sql, params } = repository.pageQuery({ filter: filter.value, sort, limit: 37, after, textPlan })
          return subject.app.db.prepare(sql).all(params) as Array<{ id: number; createdAt: string; totalTtc: number }>
        })()
      : repository.page({ filter: filter.value, sort, limit: 37, after, textPlan })
    ids.push(...rows.map((row) => row.id))
    const last = rows[rows.length - 1]
    if (rows.length < 37 || !last) return ids
    after = { key: sort === 'date_desc' ? last.createdAt : last.totalTtc, id: last.id }
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

  it('tests long words as the exact terms they prefix, with the same orders as the text typed', () => {
    const cases: OrderFilters[] = [
      { text: 'jeanne' },
      { text: 'Martin' },
      { text: 'louis 2025' },
      { text: 'martin', statuses: ['declined', 'completed'] },
      { text: 'bernard', paymentMethod: 'card', from: '2025-04-01', minTotal: 2000 },
    ]
    for (const filters of cases) {
      const filter = filterSql(filters)
      if (!filter.ok) throw new Error(filter.error.message)
      expect(repository.probeable(filter.value)?.textProbesCheap, JSON.stringify(filters)).toBe(true)
      for (const sort of ['date_desc', 'amount_desc', 'amount_asc'] as const) {
        const expected = everyId(filters, sort, 'matches-first', true)
        expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0)
        for (const plan of ['walk-first', 'matches-first'] as const) {
          expect(everyId(filters, sort, plan), `${JSON.stringify(filters)} ${sort} ${plan}`).toEqual(expected)
        }
      }
    }
    // "martin" prefixes "martinez" too: both terms are tested.
    const martin = filterSql({ text: 'martin' })
    if (!martin.ok) throw new Error(martin.error.message)
    expect(repository.probeable(martin.value)?.text).toBe('("martin" OR "martinez")')
    // Not one plain token, or nothing to prefix: the text stays as typed.
    for (const text of ['élodie', '2025-000123', 'zzzzzz']) {
      const filter = filterSql({ text })
      if (!filter.ok) throw new Error(filter.error.message)
      expect(repository.probeable(filter.value), text).toBeNull()
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
