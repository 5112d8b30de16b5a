import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase } from '../../../src/platform/sqlite/open-database'
import { runMigrations } from '../../../src/platform/sqlite/run-migrations'
import { keepTestData } from '../../support/keep-test-data'

/**
 * Migration 010 opens the attempts an earlier version left unsettled, so that the first start
 * after it repairs them: the sale delivered with nothing captured, an unanswered attempt,
 * a reversal still pending. Holds of orders still to ship and finished sales stay off the list.
 */

const AT = '2026-03-14T09:26:53.000Z'
const BEFORE_010 = merchantMigrations.findIndex((migration) => migration.name === 'money-steps')

let folder: string | null = null
afterEach(() => {
  if (folder && !keepTestData()) rmSync(folder, { recursive: true, force: true })
  folder = null
})

describe('migration 010: money steps and the open list', () => {
  it('opens the unsettled attempts of an earlier version and nothing else', () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-migration-'))
    const file = join(folder, 'comptoir.sqlite')
    const db = openDatabase(file, merchantMigrations.slice(0, BEFORE_010))
    db.exec(`INSERT INTO users (id, display_name, role, pin_salt, pin_hash, created_at) VALUES (1, 'Camille', 'cashier', x'00', x'00', '${AT}')`)
    const order = db.prepare(
      `INSERT INTO orders (id, number, till_id, cashier_id, status, payment_method, payment_attempt_id, idempotency_key,
         currency, total_ht, total_vat, total_ttc, delivery_fee, discount_total, captured_amount, has_physical,
         delivery_option, locale, quote_json, created_at, updated_at)
       VALUES (?, ?, 'TILL-01', 1, ?, 'card', ?, ?, 'EUR', 1242, 248, 1490, 0, 0, ?, 1, 'pickup', 'fr', '{}', ?, ?)`,
    )
    const attempt = db.prepare(
      `INSERT INTO payment_attempts (id, order_id, attempt_number, idempotency_key, merchant_id, terminal_id, trace_number,
         entry_mode, brand, bin, last_four, pan_length, amount, currency, transport, outcome, reversal_status,
         captured_amount, started_at)
       VALUES (?, ?, 1, ?, 'M', 'TILL-01', ?, 'manual', 'visa', '424242', '4242', 16, 1490, 'EUR', 'https', ?, ?, ?, ?)`,
    )
    // [id, order status, order captured, attempt outcome, reversal, attempt captured]
    const cases: Array<[number, string, number, string, string, number]> = [
      [1, 'delivered', 0, 'approved', 'none', 0], // the issue: delivered, nothing captured
      [2, 'delivered', 1490, 'approved', 'none', 1490], // settled
      [3, 'awaiting_shipment', 0, 'approved', 'none', 0], // a hold for a parcel to ship
      [4, 'declined', 0, 'pending', 'none', 0], // sent, never answered
      [5, 'declined', 0, 'timed-out', 'pending', 0], // a reversal never acknowledged
      [6, 'voided', 0, 'approved', 'acknowledged', 0], // voided and released
    ]
    for (const [id, status, captured, outcome, reversal, attemptCaptured] of cases) {
      order.run(id, `2026-00000${id}`, status, id, `key-${id}`, captured, AT, AT)
      attempt.run(id, id, `attempt-${id}`, `00000${id}`, outcome, reversal, attemptCaptured, AT)
    }
    db.close()

    const migrated = openDatabase(file, merchantMigrations)
    expect(migrated.pragma('user_version', { simple: true })).toBe(merchantMigrations.length)
    expect(migrated.prepare('SELECT attempt_id FROM open_authorizations ORDER BY attempt_id').pluck().all()).toEqual([1, 4, 5])
    for (const table of ['money_steps', 'open_authorizations', 'reconciliation_cases']) {
      expect(migrated.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(table)).toMatch(/STRICT/)
    }
    expect(runMigrations(migrated, merchantMigrations)).toBe(merchantMigrations.length)
    migrated.close()
  })
})
