import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'
import { runMigrations } from '../../../src/platform/sqlite/run-migrations'
import { keepTestData } from '../../support/keep-test-data'

/**
 * Migration 009 makes `orders.number` nullable by rebuilding the table. A database written before
 * it keeps every order, id and number, every index and trigger on orders (also one it does not
 * know of), and its payment attempts find their orders by id.
 */

const AT = '2026-03-14T09:26:53.000Z'
const BEFORE_009 = merchantMigrations.findIndex((migration) => migration.name === 'order-numbers-at-payment')

let folder: string | null = null
afterEach(() => {
  if (folder && !keepTestData()) rmSync(folder, { recursive: true, force: true })
  folder = null
})

function openBefore009(): SqliteDatabase {
  folder = mkdtempSync(join(tmpdir(), 'comptoir-migration-'))
  return openDatabase(join(folder, 'comptoir.sqlite'), merchantMigrations.slice(0, BEFORE_009))
}

/** Orders as the app wrote them before 009: numbered at checkout, attempts linked by number. */
function writeOldOrders(db: SqliteDatabase): void {
  db.exec(`
    INSERT INTO users (id, display_name, role, pin_salt, pin_hash, created_at) VALUES (1, 'Camille', 'cashier', x'00', x'00', '${AT}');
    INSERT INTO categories (id, code, name_fr, name_en, position) VALUES (1, 'c', 'C', 'C', 1);
    INSERT INTO products (id, sku, ean, name_fr, name_en, category_id, unit_price, vat_category, kind)
      VALUES (1, 'MUG', '3760000000001', 'Tasse', 'Mug', 1, 1490, 'standard', 'physical');
  `)
  const order = db.prepare(
    `INSERT INTO orders (id, number, till_id, cashier_id, customer_name, status, payment_method, card_last_four,
       authorization_code, idempotency_key, currency, total_ht, total_vat, total_ttc, delivery_fee, discount_total,
       has_physical, delivery_option, locale, quote_json, created_at, updated_at)
     VALUES (?, ?, 'TILL-01', 1, 'Jeanne Martin', ?, ?, ?, ?, ?, 'EUR', 1242, 248, 1490, 0, 0, 1, 'pickup', 'fr', '{}', ?, ?)`,
  )
  const rows: Array<[number, string, string, string | null, string | null, string | null]> = [
    [3, '2026-000001', 'delivered', 'card', '4242', 'A1B2C3'],
    [7, '2026-000004', 'abandoned', null, null, null],
    [9, '2026-000005', 'declined', null, '9995', null],
  ]
  for (const [id, number, status, method, lastFour, code] of rows) {
    order.run(id, number, status, method, lastFour, code, `key-${id}`, AT, AT)
    db.prepare(
      `INSERT INTO order_lines (order_id, position, product_id, sku, name_fr, name_en, kind, quantity,
         vat_rate_basis_points, unit_price_ht, unit_price_ttc, line_total) VALUES (?, 0, 1, 'MUG', 'Tasse', 'Mug', 'physical', 1, 2000, 1242, 1490, 1490)`,
    ).run(id)
    db.prepare('INSERT INTO order_vat (order_id, rate_basis_points, goods, shipping, ht, vat, ttc) VALUES (?, 2000, 1490, 0, 1242, 248, 1490)').run(id)
    db.prepare("INSERT INTO order_events (order_id, from_status, to_status, user_id, at) VALUES (?, NULL, 'pending_payment', 1, ?)").run(id, AT)
  }
  const attempt = db.prepare(
    `INSERT INTO payment_attempts (order_reference, attempt_number, idempotency_key, merchant_id, terminal_id, trace_number,
       entry_mode, brand, bin, last_four, pan_length, amount, currency, transport, outcome, started_at)
     VALUES (?, ?, ?, 'M', 'TILL-01', ?, 'manual', 'visa', '424242', '4242', 16, 1490, 'EUR', 'in-process', ?, ?)`,
  )
  attempt.run('2026-000001', 1, 'key-3:1', '000001', 'approved', AT)
  attempt.run('2026-000005', 1, 'key-9:1', '000002', 'declined', AT)
  attempt.run('ORD-1001', 1, 'standalone', '000003', 'approved', AT)
  // Something another migration could have added: it must survive the rebuild.
  db.exec(`
    CREATE TABLE order_notes (order_id INTEGER NOT NULL REFERENCES orders (id), note TEXT NOT NULL) STRICT;
    CREATE INDEX orders_by_paid ON orders (paid_at);
    CREATE TRIGGER orders_note_status AFTER UPDATE OF status ON orders BEGIN
      INSERT INTO order_notes (order_id, note) VALUES (new.id, old.status || ' -> ' || new.status);
    END;
  `)
}

function schemaOf(db: SqliteDatabase, type: 'index' | 'trigger'): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND (tbl_name = 'orders' OR sql LIKE '%orders%') ORDER BY name")
      .pluck()
      .all(type) as string[]
  ).sort()
}

const search = (db: SqliteDatabase, text: string): number[] =>
  db.prepare('SELECT rowid FROM order_search WHERE order_search MATCH ? ORDER BY rowid').pluck().all(text) as number[]

describe('migration 009: sale numbers given at payment', () => {
  it('keeps every order with its id and number, its indexes and triggers, and the foreign keys', () => {
    const db = openBefore009()
    writeOldOrders(db)
    const before = {
      orders: db.prepare('SELECT * FROM orders ORDER BY id').all(),
      indexes: schemaOf(db, 'index'),
      triggers: schemaOf(db, 'trigger'),
      daily: db.prepare('SELECT * FROM daily_order_totals ORDER BY day, status').all(),
    }

    // Up to 009 only for the schema: later migrations may drop or change an index on purpose (016).
    const throughNine = merchantMigrations.filter((migration) => migration.version <= 9)
    expect(runMigrations(db, throughNine)).toBe(9)
    // The rebuild ran with foreign keys off; they are on again for the till.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)

    expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before.orders)
    expect(schemaOf(db, 'index')).toEqual(expect.arrayContaining(before.indexes))
    expect(schemaOf(db, 'trigger')).toEqual(expect.arrayContaining(before.triggers))
    expect(runMigrations(db, merchantMigrations)).toBe(merchantMigrations.length)
    // Migration 023 adds the training flag: every order kept is a real sale.
    expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before.orders.map((order) => ({ ...(order as object), training: 0 })))
    expect(db.prepare('SELECT * FROM daily_order_totals ORDER BY day, status').all()).toEqual(before.daily)
    expect(db.pragma('foreign_key_check')).toEqual([])
    const number = (db.pragma('table_info(orders)') as Array<{ name: string; notnull: number }>).find((column) => column.name === 'number')
    expect(number?.notnull).toBe(0)

    // The triggers still work on the rebuilt table, theirs and the daily tables'.
    db.prepare("UPDATE orders SET status = 'abandoned' WHERE id = 9").run()
    expect(db.prepare('SELECT note FROM order_notes').pluck().all()).toEqual(['declined -> abandoned'])
    expect(db.prepare("SELECT orders FROM daily_order_totals WHERE status = 'abandoned'").pluck().get()).toBe(2)
    db.close()
  })

  it('links the attempts to their orders by id, and leaves payments without an order alone', () => {
    const db = openBefore009()
    writeOldOrders(db)
    runMigrations(db, merchantMigrations)
    expect(db.prepare('SELECT order_reference, order_id FROM payment_attempts ORDER BY id').raw().all()).toEqual([
      ['2026-000001', 3],
      ['2026-000005', 9],
      ['ORD-1001', null],
    ])
    db.close()
  })

  it('finds old numbers as before, and an order without a number by its internal reference', () => {
    const db = openBefore009()
    writeOldOrders(db)
    runMigrations(db, merchantMigrations)
    expect(search(db, '"2026-000004"')).toEqual([7])
    expect(search(db, '"5"')).toEqual([9])
    db.prepare(
      `INSERT INTO orders (id, till_id, cashier_id, status, idempotency_key, currency, total_ht, total_vat, total_ttc,
         delivery_fee, discount_total, has_physical, delivery_option, locale, quote_json, created_at, updated_at)
       VALUES (1234, 'TILL-01', 1, 'pending_payment', 'key-new', 'EUR', 0, 0, 0, 0, 0, 0, 'none', 'fr', '{}', ?, ?)`,
    ).run(AT, AT)
    expect(search(db, '"1234"')).toEqual([1234])
    db.prepare("UPDATE orders SET number = 'T01-2026-000017' WHERE id = 1234").run()
    expect(search(db, '"1234"')).toEqual([])
    expect(search(db, '"17"')).toEqual([1234])
    expect(search(db, '"T01-2026-000017"')).toEqual([1234])
    db.close()
  })
})
