/**
 * The honest floor of the till sale (issue 13): the rows one real sale left, written again in a
 * single raw transaction. Shared by the timed bench and the disk probe.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { merchantMigrations } from '../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../src/platform/sqlite/open-database'
import { issuerMigrations } from '../../src/issuer/issuer-migrations'
import { seedDemoShop } from '../../src/main/seed/seed-demo-shop'
import type { SaleBench } from './sale-scenario'

type Row = Record<string, unknown>

/** What one sale left in the shop's and the issuer's databases, read back after a real sale. */
export interface SaleRows {
  shop: Array<{ table: string; rows: Row[] }>
  issuer: Array<{ table: string; rows: Row[] }>
  account: Row
}

export function readSaleRows(bench: SaleBench, orderId: number): SaleRows {
  const shop = bench.app.db
  const issuer = bench.app.issuer.db
  const all = (db: SqliteDatabase, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as Row[]
  const order = all(shop, 'SELECT * FROM orders WHERE id = ?', orderId)[0]!
  const attempt = all(shop, 'SELECT * FROM payment_attempts WHERE id = ?', order.payment_attempt_id)[0]!
  const key = all(issuer, 'SELECT * FROM idempotency_keys WHERE idempotency_key = ?', attempt.idempotency_key)[0]!
  const authorization = all(issuer, 'SELECT * FROM authorizations WHERE id = ?', key.authorization_id)[0]!
  const hasDocuments = shop.prepare("SELECT 1 FROM sqlite_master WHERE name = 'order_documents'").get() !== undefined
  return {
    shop: [
      { table: 'orders', rows: [order] },
      ...(hasDocuments ? [{ table: 'order_documents', rows: all(shop, 'SELECT * FROM order_documents WHERE order_id = ?', orderId) }] : []),
      { table: 'order_lines', rows: all(shop, 'SELECT * FROM order_lines WHERE order_id = ?', orderId) },
      { table: 'order_vat', rows: all(shop, 'SELECT * FROM order_vat WHERE order_id = ?', orderId) },
      { table: 'order_events', rows: all(shop, 'SELECT * FROM order_events WHERE order_id = ?', orderId) },
      { table: 'payment_attempts', rows: [attempt] },
      { table: 'open_authorizations', rows: all(shop, 'SELECT * FROM open_authorizations WHERE attempt_id = ?', attempt.id) },
    ],
    issuer: [
      { table: 'authorizations', rows: [authorization] },
      {
        table: 'transmissions',
        rows: all(issuer, 'SELECT * FROM transmissions WHERE merchant_id = ? AND terminal_id = ? AND trace_number = ?',
          authorization.merchant_id, authorization.terminal_id, authorization.trace_number),
      },
      { table: 'journal', rows: all(issuer, 'SELECT * FROM journal WHERE authorization_id = ?', authorization.id) },
      { table: 'idempotency_keys', rows: [key] },
    ],
    account: all(issuer, 'SELECT * FROM accounts WHERE id = ?', authorization.account_id)[0]!,
  }
}

/**
 * The honest floor: the least work that gives the cashier and the customer the same result. One
 * better-sqlite3 transaction (WAL, synchronous FULL, one sync) writes the rows a real sale left,
 * copied byte for byte (order with its quote and approval, lines, VAT, history, payment attempt,
 * the issuer's authorization, journal, transmission and idempotency key, the account's hold, the
 * sale number and trace counters), into one file holding the shop's real schema (its indexes and
 * search/daily triggers) and the issuer's tables. No cart, no separate steps, no pricing.
 */
export function openRawSale(
  rows: SaleRows,
  /** More work for each sale's transaction (the fiscal journal's bench): built once over the file, run per sale. */
  extra?: (db: SqliteDatabase, dataDir: string) => (orderId: number) => void,
): { once: () => void; close: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-raw-'))
  const db = openDatabase(join(dataDir, 'raw.sqlite'), merchantMigrations)
  seedDemoShop(db, new Date(), { id: 'bench', key: Buffer.alloc(32, 7) })
  db.transaction(() => {
    for (const migration of issuerMigrations) migration.up(db)
  })()
  const insert = (table: string, columns: string[]) =>
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`)
  const columnsOf = (row: Row) => Object.keys(row).filter((column) => column !== 'id')
  insert('accounts', Object.keys(rows.account)).run(rows.account)
  const statements = new Map<string, ReturnType<typeof insert>>()
  for (const { table, rows: tableRows } of [...rows.shop, ...rows.issuer]) {
    if (tableRows[0]) statements.set(table, insert(table, columnsOf(tableRows[0])))
  }
  const order = rows.shop[0]!.rows[0]!
  const attempt = rows.shop.find((entry) => entry.table === 'payment_attempts')!.rows[0]!
  const authorization = rows.issuer[0]!.rows[0]!
  const sequence = db.prepare(
    `INSERT INTO order_number_sequences (series, year, last_number) VALUES ('BENCH', 2026, 1)
     ON CONFLICT (series, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
  )
  const trace = db.prepare(
    `INSERT INTO terminal_traces (terminal_id, last_trace) VALUES ('BENCH', 1)
     ON CONFLICT (terminal_id) DO UPDATE SET last_trace = (last_trace % 999999) + 1 RETURNING last_trace`,
  )
  const hold = db.prepare('UPDATE accounts SET held = held + ? WHERE id = ?')
  const rowsOf = (list: SaleRows['shop'], table: string) => list.find((entry) => entry.table === table)?.rows ?? []
  const run = (table: string, row: Row) => statements.get(table)!.run(row)
  const extraWork = extra?.(db, dataDir)
  let index = 0
  const once = db.transaction(() => {
    index += 1
    const number = (sequence.get() as { last_number: number }).last_number
    const traceNumber = String((trace.get() as { last_trace: number }).last_trace).padStart(6, '0')
    const orderId = run('orders', { ...order, number: `BENCH-${number}`, idempotency_key: `${String(order.idempotency_key)}-${index}` }).lastInsertRowid
    for (const row of rowsOf(rows.shop, 'order_documents')) run('order_documents', { ...row, order_id: orderId })
    for (const table of ['order_lines', 'order_vat', 'order_events']) {
      for (const row of rowsOf(rows.shop, table)) run(table, { ...row, order_id: orderId })
    }
    const key = `${String(attempt.idempotency_key)}-${index}`
    const attemptId = run('payment_attempts', { ...attempt, order_id: orderId, idempotency_key: key, trace_number: traceNumber }).lastInsertRowid
    for (const row of rowsOf(rows.shop, 'open_authorizations')) run('open_authorizations', { ...row, attempt_id: attemptId })
    const issuerTrace = `${traceNumber}-${index}`
    const authorizationId = run('authorizations', { ...authorization, trace_number: issuerTrace }).lastInsertRowid
    for (const row of rowsOf(rows.issuer, 'transmissions')) run('transmissions', { ...row, trace_number: issuerTrace })
    for (const row of rowsOf(rows.issuer, 'journal')) run('journal', { ...row, authorization_id: authorizationId })
    for (const row of rowsOf(rows.issuer, 'idempotency_keys')) {
      run('idempotency_keys', { ...row, idempotency_key: key, authorization_id: authorizationId })
    }
    hold.run(authorization.amount, authorization.account_id)
    extraWork?.(Number(orderId))
  })
  return {
    once: () => once(),
    close: () => {
      db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
