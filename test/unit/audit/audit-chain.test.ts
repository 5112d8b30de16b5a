import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { recordAudit, verifyAuditChain } from '../../../src/main/audit/audit-log'
import { GENESIS_HASH } from '../../../src/main/audit/audit-hash'
import { canonicalJson } from '../../../src/main/audit/canonical-json'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'

let db: SqliteDatabase
afterEach(() => db?.close())

function freshLog(): SqliteDatabase {
  db = openDatabase(':memory:', merchantMigrations)
  return db
}

const entry = (action: string, details: unknown = {}) => ({
  action,
  userId: null,
  subject: 'test',
  details,
  at: '2026-11-26T10:00:00.000Z',
})

describe('canonical JSON', () => {
  it('the same content gives the same text whatever order its keys were built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(record))
      }),
    )
  })

  it('sorts nested keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    )
  })
})

describe('the audit hash chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const log = freshLog()
    recordAudit(log, entry('first'))
    recordAudit(log, entry('second'))
    const rows = log
      .prepare('SELECT id, previous_hash, hash FROM audit_log ORDER BY id')
      .all() as Array<{
      id: number
      previous_hash: string
      hash: string
    }>
    expect(rows[0]!.previous_hash).toBe(GENESIS_HASH)
    expect(rows[1]!.previous_hash).toBe(rows[0]!.hash)
    expect(verifyAuditChain(log)).toEqual({ ok: true, entries: 2 })
  })

  it('an empty log is intact', () => {
    expect(verifyAuditChain(freshLog())).toEqual({ ok: true, entries: 0 })
  })

  it('an entry recorded inside a transaction that rolls back leaves no trace and no broken link', () => {
    const log = freshLog()
    recordAudit(log, entry('kept'))
    expect(() =>
      log.transaction(() => {
        recordAudit(log, entry('rolled back'))
        throw new Error('the change failed')
      })(),
    ).toThrow('the change failed')
    recordAudit(log, entry('kept too'))
    expect(verifyAuditChain(log)).toEqual({ ok: true, entries: 2 })
  })

  it('whichever single entry is altered, the check names that entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.nat(),
        fc.string({ minLength: 1 }),
        (count, pick, forged) => {
          const log = freshLog()
          for (let index = 0; index < count; index++)
            recordAudit(log, entry(`action-${index}`, { index }))
          const target = (pick % count) + 1
          log.exec('DROP TRIGGER audit_log_is_append_only_update')
          log
            .prepare('UPDATE audit_log SET subject = ? WHERE id = ?')
            .run(`forged ${forged}`, target)
          expect(verifyAuditChain(log)).toMatchObject({ ok: false, brokenAt: target })
          log.close()
        },
      ),
      { numRuns: 40 },
    )
    db = openDatabase(':memory:', merchantMigrations)
  })
})
