import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runMigrations } from '../../../src/platform/sqlite/run-migrations'
import { issuerMigrations } from '../../../src/issuer/issuer-migrations'
import { keepTestData } from '../../support/keep-test-data'

let folder: string
afterEach(() => keepTestData() || rmSync(folder, { recursive: true, force: true }))

describe('issuer migration 2: adjustments in the journal', () => {
  it('keeps every journal row, and the journal stays append-only', () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-issuer-migration-'))
    const db = new Database(join(folder, 'issuer.sqlite'))
    db.pragma('foreign_keys = ON')
    runMigrations(db, issuerMigrations.slice(0, 1))
    db.prepare(
      `INSERT INTO accounts (pan_hash, last_four, holder_name, expiry_month, expiry_year, security_code_hash, kind,
         per_transaction_limit, daily_limit, status, currency, created_at)
       VALUES (x'01', '4242', 'Test', 12, 2030, x'02', 'debit', 100, 100, 'active', 'EUR', '2026-01-01')`,
    ).run()
    db.prepare(
      `INSERT INTO journal (account_id, movement, amount, balance_delta, held_delta, recorded_at)
       VALUES (1, 'opening', 5000, 5000, 0, '2026-01-01')`,
    ).run()

    expect(runMigrations(db, issuerMigrations)).toBe(issuerMigrations.length)
    expect(db.prepare('SELECT movement, balance_delta FROM journal').all()).toEqual([
      { movement: 'opening', balance_delta: 5000 },
    ])
    db.prepare(
      `INSERT INTO journal (account_id, movement, amount, balance_delta, held_delta, recorded_at)
       VALUES (1, 'adjustment', 100, -100, 0, '2026-01-02')`,
    ).run()
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/)
    expect(() => db.prepare('UPDATE journal SET amount = 0').run()).toThrow(/append-only/)
    db.close()
  })
})
