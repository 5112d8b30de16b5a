import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { auditEntryHash, GENESIS_HASH } from './audit-hash'
import { AuditRepository } from './audit-repository'
import { canonicalJson } from './canonical-json'

export interface AuditEntryInput {
  /** e.g. `auth.login`, `user.deactivated`, `order.voided`. */
  action: string
  /** Who did it; null when nobody identified did. */
  userId: number | null
  /** What it was done to, e.g. `user:3`, `order:C-000123`. */
  subject: string
  /** Before/after and context. Never a PIN, a card number or a security code. */
  details: unknown
  /** ISO 8601 instant. */
  at: string
}

export type AuditChainCheck =
  { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string }

/** One repository per database handle, so appends reuse their prepared statements. */
const repositories = new WeakMap<SqliteDatabase, AuditRepository>()

export function auditRepository(db: SqliteDatabase): AuditRepository {
  let repository = repositories.get(db)
  if (!repository) {
    repository = new AuditRepository(db)
    repositories.set(db, repository)
  }
  return repository
}

/** Told of each entry inside its transaction; what it writes commits or rolls back with it. */
export type AuditListener = (entry: AuditEntryInput) => void

const listeners = new WeakMap<SqliteDatabase, AuditListener[]>()

/** Lets another record follow the audit log (the fiscal JET copies logins, rights and settings changes). */
export function onAuditEntry(db: SqliteDatabase, listener: AuditListener): void {
  listeners.set(db, [...(listeners.get(db) ?? []), listener])
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the change it records,
 * so the change and its entry commit or roll back together (better-sqlite3 nests the inner
 * transaction as a savepoint). Reading the tail and appending happen in one transaction, and the
 * connection is synchronous, so two entries never share a previous hash.
 */
export function recordAudit(db: SqliteDatabase, entry: AuditEntryInput): void {
  const audit = auditRepository(db)
  db.transaction(() => {
    const tail = audit.tail()
    const previousHash = tail?.hash ?? GENESIS_HASH
    const fields = {
      id: (tail?.id ?? 0) + 1,
      at: entry.at,
      action: entry.action,
      userId: entry.userId,
      subject: entry.subject,
      detailsJson: canonicalJson(entry.details),
    }
    audit.insert({ ...fields, previousHash, hash: auditEntryHash(previousHash, fields) })
    for (const listener of listeners.get(db) ?? []) listener(entry)
  })()
}

/**
 * Walks the chain from the first entry and reports the first one whose link fails: its own hash
 * no longer matches its content (the row was edited), or its previous hash is not the hash of the
 * entry before it (a row was removed, inserted or rehashed). Truncating the newest entries is
 * not detectable from the chain alone.
 */
export function verifyAuditChain(db: SqliteDatabase): AuditChainCheck {
  let expectedPrevious = GENESIS_HASH
  let expectedId = 1
  let entries = 0
  for (const entry of auditRepository(db).inChainOrder()) {
    if (entry.previousHash !== expectedPrevious) {
      return {
        ok: false,
        brokenAt: entry.id,
        reason: 'Its previous hash is not the hash of the entry before it',
      }
    }
    if (entry.id !== expectedId) {
      return { ok: false, brokenAt: entry.id, reason: `Entry ${expectedId} is missing before it` }
    }
    if (auditEntryHash(entry.previousHash, entry) !== entry.hash) {
      return { ok: false, brokenAt: entry.id, reason: 'Its content no longer matches its hash' }
    }
    expectedPrevious = entry.hash
    expectedId = entry.id + 1
    entries += 1
  }
  return { ok: true, entries }
}
