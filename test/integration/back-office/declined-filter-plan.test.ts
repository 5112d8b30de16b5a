import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filterSql } from '../../../src/main/orders/order-filter-sql'
import { OrderHistoryRepository } from '../../../src/main/orders/order-history-repository'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp } from './back-office-kit'

let subject: TempApp

beforeAll(async () => {
  subject = await backOfficeApp(3000, 9)
  subject.app.db.exec('ANALYZE')
}, 60_000)
afterAll(() => subject.dispose())

describe('migration 011: the declined filter reads the abandoned checkouts that had a decline from their own index', () => {
  it('holds only orders with a decline, and the first page of "declined" reads the abandoned ones from it', () => {
    const db = subject.app.db
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'orders_declined_by_status'").pluck().get() as string
    expect(index).toMatch(/WHERE last_decline_code IS NOT NULL/)
    const repository = new OrderHistoryRepository(db)
    const filter = filterSql({ statuses: ['declined'] })
    if (!filter.ok) throw new Error(filter.error.message)
    const { sql, params } = repository.pageQuery({ filter: filter.value, sort: 'date_desc', limit: 51, after: null })
    const plan = repository.explain(sql, params)
    expect(plan.some((step) => step.includes('orders_declined_by_status'))).toBe(true)
    expect(plan.filter((step) => /^SCAN o\b/.test(step))).toEqual([])
    const rows = repository.page({ filter: filter.value, sort: 'date_desc', limit: 500, after: null })
    const expected = db
      .prepare(
        `SELECT id FROM orders WHERE status = 'declined' OR (status = 'abandoned' AND last_decline_code IS NOT NULL)
          ORDER BY created_at DESC, id DESC LIMIT 500`,
      )
      .pluck()
      .all()
    expect(rows.map((row) => row.id)).toEqual(expected)
  })
})
