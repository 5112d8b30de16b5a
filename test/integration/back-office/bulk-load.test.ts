import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqliteDatabase } from '../../../src/platform/sqlite/open-database'
import { fillLargeHistory } from '../../../src/main/orders/history-generator/fill-large-history'
import { generateHistory, type HistoryGeneratorOptions } from '../../../src/main/orders/history-generator/history-generator'
import { writeOrderRefundVat } from '../../../src/main/migrations/008-refunds-by-rate'
import { OrderRepository } from '../../../src/main/orders/order-repository'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { ORDER_TABLE, ORDER_TRUTH, VAT_TABLE, VAT_TRUTH } from './filter-totals-truth'

const OPTIONS: HistoryGeneratorOptions = {
  orders: 20_000,
  seed: 11,
  end: new Date('2026-01-01T00:00:00.000Z'),
  customers: 400,
  baskets: 400,
}

/** Each daily table beside the GROUP BY over the orders (or attempts) it summarises. */
const DAILY_CHECKS = [
  {
    table: 'SELECT day, status, orders, total_ttc FROM daily_order_totals WHERE orders <> 0 ORDER BY 1, 2',
    truth: 'SELECT substr(created_at, 1, 10), status, count(*), sum(total_ttc) FROM orders GROUP BY 1, 2 ORDER BY 1, 2',
  },
  {
    table: `SELECT day, status, rate_basis_points, ht, vat, ttc FROM daily_vat_totals
             WHERE ht <> 0 OR vat <> 0 OR ttc <> 0 ORDER BY 1, 2, 3`,
    truth: `SELECT substr(o.created_at, 1, 10), o.status, v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc)
              FROM order_vat v JOIN orders o ON o.id = v.order_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  {
    table: `SELECT day, status, product_id, quantity, line_total FROM daily_product_totals
             WHERE quantity <> 0 ORDER BY 1, 2, 3`,
    truth: `SELECT substr(o.created_at, 1, 10), o.status, l.product_id, sum(l.quantity), sum(l.line_total)
              FROM order_lines l JOIN orders o ON o.id = l.order_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  {
    table: 'SELECT day, outcome, response_code, attempts FROM daily_attempt_totals WHERE attempts <> 0 ORDER BY 1, 2, 3',
    truth: `SELECT substr(started_at, 1, 10), outcome, coalesce(response_code, ''), count(*) FROM payment_attempts
              GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  {
    table: `SELECT day, status, rate_basis_points, ht, vat, ttc FROM daily_refund_totals
             WHERE ht <> 0 OR vat <> 0 OR ttc <> 0 ORDER BY 1, 2, 3`,
    truth: `SELECT substr(o.created_at, 1, 10), o.status, r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc)
              FROM order_refund_vat r JOIN orders o ON o.id = r.order_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  {
    table: `SELECT quarter, status, cashier_id, orders, total_ttc, refunded_ttc FROM quarter_order_totals
             WHERE orders <> 0 ORDER BY 1, 2, 3`,
    truth: `SELECT substr(created_at, 1, 14) || printf('%02d', (CAST(substr(created_at, 15, 2) AS INTEGER) / 15) * 15),
                   status, cashier_id, count(*), sum(total_ttc), sum(refunded_amount) FROM orders GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  // Migration 020's totals per day, month and year and filter key.
  { table: ORDER_TABLE, truth: ORDER_TRUTH },
  { table: VAT_TABLE, truth: VAT_TRUTH },
  {
    table: 'SELECT order_id, sum(ttc) FROM order_refund_vat GROUP BY 1 HAVING sum(ttc) > 0 ORDER BY 1',
    truth: 'SELECT id, refunded_amount FROM orders WHERE refunded_amount > 0 ORDER BY 1',
  },
]

function rows(db: SqliteDatabase, sql: string): unknown[][] {
  return db.prepare(sql).raw().all() as unknown[][]
}

function matches(db: SqliteDatabase, query: string): number[] {
  return db.prepare('SELECT rowid FROM order_search WHERE order_search MATCH ? ORDER BY rowid').pluck().all(query) as number[]
}

function triggers(db: SqliteDatabase): unknown[][] {
  return rows(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
}

let bulk: TempApp
let rowByRow: TempApp

beforeAll(() => {
  bulk = createTempApp()
  rowByRow = createTempApp()
  fillLargeHistory(bulk.app.db, OPTIONS)
  rowByRow.app.db.transaction(() => generateHistory(rowByRow.app.db, OPTIONS))()
}, 120_000)
afterAll(() => {
  bulk.dispose()
  rowByRow.dispose()
})

describe('the bulk load of the large-history generator', () => {
  it('leaves every daily table equal to a GROUP BY over the orders and attempts', () => {
    const db = bulk.app.db
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(20_000)
    for (const check of DAILY_CHECKS) expect(rows(db, check.table)).toEqual(rows(db, check.truth))
  })

  it('writes the same daily tables as the triggers do row by row', () => {
    for (const check of DAILY_CHECKS) expect(rows(bulk.app.db, check.table)).toEqual(rows(rowByRow.app.db, check.table))
  })

  it('indexes every order for search as the insert trigger does', () => {
    const db = bulk.app.db
    const sample = db
      .prepare<[], { id: number; number: string | null; customer_name: string | null; card_last_four: string | null; authorization_code: string | null }>(
        'SELECT id, number, customer_name, card_last_four, authorization_code FROM orders WHERE id % 97 = 0',
      )
      .all()
    const queries = ['"2025"*', '"jea"*', '"martin"*', '"example"*', '"12"*', '"t02"']
    for (const order of sample) {
      // A sale by its number and its sequence without zeros; an order never paid by its id.
      if (order.number) queries.push(`"${order.number}"`, `"${Number(order.number.split('-').at(-1))}"`)
      else queries.push(`"#${order.id}"`)
      if (order.customer_name) queries.push(`"${order.customer_name.split(' ')[1]!}"*`)
      if (order.card_last_four) queries.push(`"${order.card_last_four}"`)
      if (order.authorization_code) queries.push(`"${order.authorization_code}"`)
    }
    for (const query of queries) expect(matches(db, query), query).toEqual(matches(rowByRow.app.db, query))
    const numbered2025 = db
      .prepare("SELECT id FROM orders WHERE number LIKE '%-2025-%' OR (number IS NULL AND id LIKE '2025%') ORDER BY id")
      .pluck()
      .all()
    expect(matches(db, '"2025"*')).toEqual(numbered2025)
    expect(numbered2025.length).toBeGreaterThan(15_000)
  })

  it('numbers only the sales, each till and year from 1 without gaps, in the order they were paid', () => {
    for (const db of [bulk.app.db, rowByRow.app.db]) {
      const unsoldNumbered = "SELECT count(*) FROM orders WHERE (number IS NULL) = (status NOT IN ('declined', 'abandoned', 'pending_payment'))"
      expect(db.prepare(unsoldNumbered).pluck().get()).toBe(0)
      const numbers = db.prepare('SELECT number FROM orders WHERE number IS NOT NULL ORDER BY paid_at, id').pluck().all() as string[]
      const series = new Map<string, number[]>()
      for (const number of numbers) {
        const [, prefix, sequence] = /^(T\d{2}-\d{4})-(\d{6})$/.exec(number)!
        series.set(prefix!, [...(series.get(prefix!) ?? []), Number(sequence)])
      }
      expect([...series.keys()].filter((prefix) => prefix.endsWith('2025')).sort()).toEqual(['T01-2025', 'T02-2025', 'T03-2025'])
      for (const [prefix, sequences] of series) {
        expect(sequences, prefix).toEqual(sequences.map((_, index) => index + 1))
        const [till, year] = prefix.split('-')
        const last = db.prepare('SELECT last_number FROM order_number_sequences WHERE series = ? AND year = ?').pluck().get(till, Number(year))
        expect(last, prefix).toBe(sequences.length)
      }
      // Every attempt names its order by id, and an order's attempts are numbered 1, 2...
      expect(db.prepare('SELECT count(*) FROM payment_attempts WHERE order_id IS NULL').pluck().get()).toBe(0)
      const misnumbered = `SELECT count(*) FROM payment_attempts a WHERE attempt_number <>
        (SELECT count(*) FROM payment_attempts b WHERE b.order_id = a.order_id AND b.id <= a.id)`
      expect(db.prepare(misnumbered).pluck().get()).toBe(0)
      expect(db.pragma('foreign_key_check')).toEqual([])
    }
  })

  it('puts back the same triggers and the till settings', () => {
    const db = bulk.app.db
    expect(triggers(db)).toEqual(triggers(rowByRow.app.db))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('keeps the daily tables in step afterwards, through the restored triggers', () => {
    const db = bulk.app.db
    const refunded = db.prepare("SELECT id FROM orders WHERE status = 'completed' LIMIT 50").pluck().all() as number[]
    const orders = new OrderRepository(db)
    db.transaction(() => {
      for (const [index, id] of refunded.entries()) {
        // Half refunded in part first (refunds move with the status), half in full at once.
        if (index % 2 === 0) orders.addRefunded(id, 1)
        db.prepare("UPDATE orders SET status = 'refunded', refunded_amount = total_ttc WHERE id = ?").run(id)
        writeOrderRefundVat(db, id)
      }
    })()
    db.prepare("UPDATE payment_attempts SET outcome = 'declined', response_code = '51' WHERE id IN (SELECT id FROM payment_attempts WHERE outcome = 'approved' LIMIT 50)").run()
    for (const check of DAILY_CHECKS) expect(rows(db, check.table)).toEqual(rows(db, check.truth))
  })
})
