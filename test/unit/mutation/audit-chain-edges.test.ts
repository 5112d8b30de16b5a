// The audit chain against a careful forger, and the audit pages (issue 20: each test fails under a
// hand-made mutant of src/main/audit/audit-log.ts, canonical-json.ts or audit-pages.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { auditEntryHash } from '../../../src/main/audit/audit-hash'
import { onAuditEntry, recordAudit, verifyAuditChain, type AuditEntryInput } from '../../../src/main/audit/audit-log'
import { auditPage } from '../../../src/main/audit/audit-pages'
import { canonicalJson } from '../../../src/main/audit/canonical-json'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'

let db: SqliteDatabase
afterEach(() => db?.close())

interface Row {
  id: number
  at: string
  action: string
  user_id: number | null
  subject: string
  details: string
  previous_hash: string
  hash: string
}

/** A log of `count` refunds, its append-only triggers dropped as a forger with the file would. */
function forgeableLog(count: number): SqliteDatabase {
  db = openDatabase(':memory:', merchantMigrations)
  for (let index = 1; index <= count; index++) {
    recordAudit(db, {
      action: 'order.refund',
      userId: null,
      subject: `order:${index}`,
      details: { amount: index * 100 },
      at: `2026-12-07T10:00:0${index}.000Z`,
    })
  }
  db.exec('DROP TRIGGER audit_log_is_append_only_update; DROP TRIGGER audit_log_is_append_only_delete')
  return db
}

const row = (log: SqliteDatabase, id: number) =>
  log.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as Row

/** Writes a row's content and a hash recomputed over it, as one who knows the hash function would. */
function rewriteAndRehash(log: SqliteDatabase, id: number, change: Partial<Row>): void {
  const forged = { ...row(log, id), ...change }
  const hash = auditEntryHash(forged.previous_hash, {
    id: forged.id,
    at: forged.at,
    action: forged.action,
    userId: forged.user_id,
    subject: forged.subject,
    detailsJson: forged.details,
  })
  log
    .prepare('UPDATE audit_log SET id = ?, details = ?, previous_hash = ?, hash = ? WHERE id = ?')
    .run(forged.id, forged.details, forged.previous_hash, hash, id)
}

describe('the audit chain against a forger who recomputes hashes', () => {
  it('a refund amount rewritten and rehashed is found at the next entry, whose link no longer holds', () => {
    const log = forgeableLog(3)
    rewriteAndRehash(log, 2, { details: '{"amount":1}' })
    expect(verifyAuditChain(log)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'Its previous hash is not the hash of the entry before it',
    })
  })

  it('an entry removed and the next one relinked and rehashed is found: an entry is missing', () => {
    const log = forgeableLog(3)
    log.prepare('DELETE FROM audit_log WHERE id = 2').run()
    rewriteAndRehash(log, 3, { previous_hash: row(log, 1).hash })
    expect(verifyAuditChain(log)).toEqual({ ok: false, brokenAt: 3, reason: 'Entry 2 is missing before it' })
  })

  it('a refund amount edited in place, hash left as it was, is found at that entry: its content no longer matches', () => {
    const log = forgeableLog(3)
    log.prepare('UPDATE audit_log SET details = ? WHERE id = 2').run('{"amount":1}')
    expect(verifyAuditChain(log)).toEqual({ ok: false, brokenAt: 2, reason: 'Its content no longer matches its hash' })
  })

  it('an untouched chain counts every entry', () => {
    expect(verifyAuditChain(forgeableLog(3))).toEqual({ ok: true, entries: 3 })
  })
})

describe('records that follow the audit log (the fiscal JET copies logins, rights and settings)', () => {
  it('every listener of a database is told of each entry, in order, inside its transaction', () => {
    db = openDatabase(':memory:', merchantMigrations)
    const first: AuditEntryInput[] = []
    const second: string[] = []
    onAuditEntry(db, (entry) => first.push(entry))
    onAuditEntry(db, (entry) => second.push(entry.action))
    const login = { action: 'auth.login', userId: null, subject: 'user:1', details: { tillId: 'TILL-01' }, at: '2026-12-08T09:00:00.000Z' }
    recordAudit(db, login)
    recordAudit(db, { ...login, action: 'auth.wrongPin' })
    expect(first).toEqual([login, { ...login, action: 'auth.wrongPin' }])
    expect(second).toEqual(['auth.login', 'auth.wrongPin'])
  })

  it('a listener that fails takes its entry back with it: the log and what follows it never part', () => {
    db = openDatabase(':memory:', merchantMigrations)
    onAuditEntry(db, (entry) => {
      if (entry.action === 'settings.changed') throw new Error('the copy failed')
    })
    recordAudit(db, { action: 'auth.login', userId: null, subject: 'user:1', details: null, at: '2026-12-08T09:00:00.000Z' })
    expect(() =>
      recordAudit(db, { action: 'settings.changed', userId: null, subject: 'settings', details: null, at: '2026-12-08T09:01:00.000Z' }),
    ).toThrow('the copy failed')
    expect(db.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['auth.login'])
  })

  it("another database's listener is not told", () => {
    db = openDatabase(':memory:', merchantMigrations)
    const other = openDatabase(':memory:', merchantMigrations)
    const told: string[] = []
    onAuditEntry(other, (entry) => told.push(entry.action))
    recordAudit(db, { action: 'auth.login', userId: null, subject: 'user:1', details: null, at: '2026-12-08T09:00:00.000Z' })
    other.close()
    expect(told).toEqual([])
  })
})

describe('audit details as hashed', () => {
  it('an entry without details is hashed as null', () => {
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson(null)).toBe('null')
  })

  it('a list keeps its order; only object keys are sorted', () => {
    expect(canonicalJson({ lines: [3, 1, 2], at: null })).toBe('{"at":null,"lines":[3,1,2]}')
  })
})

describe('audit pages, newest first', () => {
  it('a page of exactly the entries left has no next page; one more entry makes one', () => {
    const log = forgeableLog(3)
    expect(auditPage(log, null, 3, null)).toMatchObject({ nextCursor: null })
    expect(auditPage(log, null, 3, null).entries.map((entry) => entry.id)).toEqual([3, 2, 1])
    const first = auditPage(log, null, 2, null)
    expect(first.entries.map((entry) => entry.id)).toEqual([3, 2])
    expect(first.nextCursor).toBe(2)
    expect(auditPage(log, first.nextCursor, 2, null)).toMatchObject({ nextCursor: null, entries: [{ id: 1 }] })
  })

  it('an entry comes back with its details as data, not as the stored text', () => {
    const [newest] = auditPage(forgeableLog(1), null, 1, null).entries
    expect(newest).toMatchObject({ id: 1, action: 'order.refund', details: { amount: 100 } })
    expect(newest).not.toHaveProperty('detailsJson')
  })
})
