import { afterEach, describe, expect, it } from 'vitest'
import { generateHistory } from '../../../src/main/orders/history-generator/history-generator'
import { MoneyStepRepository } from '../../../src/main/payments/money-step-repository'
import type { TempApp } from '../../support/temp-app'
import { createTempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

type Prepared = { source: string }
const statementsOf = (repository: object) => (repository as unknown as { statements: Record<string, Prepared> }).statements

describe('start-up recovery reads the open list, never the history', () => {
  it('every start-up query is answered through a primary key or an index (EXPLAIN QUERY PLAN)', () => {
    subject = createTempApp()
    const { db } = subject.app
    generateHistory(db, { orders: 5_000, seed: 3, end: new Date('2026-01-01T00:00:00.000Z'), customers: 100, baskets: 100, batchSize: 1000 })
    db.exec('ANALYZE')
    // The payment service keeps its repository to itself; a second one over the same database prepares the same SQL.
    const steps = statementsOf(new MoneyStepRepository(db))
    const queries: Array<[string, unknown[]]> = [
      [steps.openIds!.source, []],
      [steps.pending!.source, []],
      [steps.forAttempt!.source, [1]],
      [steps.pendingCount!.source, [1]],
      ['SELECT * FROM payment_attempts WHERE id = ?', [1]],
      ['SELECT o.*, u.display_name AS cashier_name FROM orders o JOIN users u ON u.id = o.cashier_id WHERE o.id = ?', [1]],
    ]
    for (const [sql, parameters] of queries) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail)
      for (const detail of plan) {
        expect(detail, sql).not.toMatch(/^SCAN (payment_attempts|orders|money_steps|o|a)\b(?!.*USING)/)
      }
      if (sql.includes("status = 'pending' ORDER BY id")) expect(plan.join(' ')).toContain('money_steps_pending')
    }
  })

  it('a large generated history opens nothing: the open list is only what may still move money', async () => {
    subject = createTempApp()
    const { db, payments } = subject.app
    generateHistory(db, { orders: 5_000, seed: 5, end: new Date('2026-01-01T00:00:00.000Z'), customers: 100, baskets: 100, batchSize: 1000 })
    expect(payments.openAttempts()).toEqual([])
    expect(await subject.app.start()).toEqual({ completedOrders: [], reversedAttempts: 0, resumedReversals: 0 })
  })
})
