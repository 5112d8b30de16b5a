import type { EventRow } from './fiscal-chain-check'
import { canonicalJson } from '../../platform/json/canonical-json'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { FiscalOperator } from './fiscal-record'
import { eventSignedContent, GENESIS_SIGNATURE, type FiscalSigner } from './fiscal-signature'
import { localTimeWithOffset } from './fiscal-time'

/** The kinds of event the JET names; audit actions keep their own name (`user.roleChanged`). */
export type FiscalEventKind =
  | 'app.start'
  | 'app.stop'
  | 'app.versionChanged'
  | 'auth.login'
  | 'auth.logout'
  | 'integrity.check'
  | 'integrity.broken'
  | 'export'
  | (string & {})

export interface FiscalEvent {
  id: number
  tillId: string
  sequence: number
  kind: string
  occurredAt: string
  operator: FiscalOperator
  details: unknown
  signature: string
}

/** A row of `fiscal_events` as stored: the chain check reads the same shape. */
type FiscalEventRow = EventRow

function toEvent(row: FiscalEventRow): FiscalEvent {
  return {
    id: row.id,
    tillId: row.till_id,
    sequence: row.sequence,
    kind: row.kind,
    occurredAt: row.occurred_at,
    operator: { id: row.operator_id, name: row.operator_name },
    details: JSON.parse(row.details) as unknown,
    signature: row.signature,
  }
}

export interface FiscalEventLogDependencies {
  db: SqliteDatabase
  signer: FiscalSigner
  tillId: string
  timeZone: () => string
  now: () => Date
  userName: (userId: number) => string | null
}

/** The till itself, for what nobody identified did (a start, a check). */
export const TILL_OPERATOR: FiscalOperator = { id: null, name: 'system' }

/**
 * The technical event log (JET): start and stop, logins and logouts, rights and settings changes,
 * exports, integrity checks. Chained and signed like the journal, numbered per till without gaps;
 * call {@link record} inside the transaction of what it records when there is one.
 */
export class FiscalEventLog {
  private readonly statements

  constructor(private readonly deps: FiscalEventLogDependencies) {
    this.statements = {
      tail: deps.db.prepare<[string], { sequence: number; signature: string }>(
        'SELECT sequence, signature FROM fiscal_events WHERE till_id = ? ORDER BY sequence DESC LIMIT 1',
      ),
      insert: deps.db.prepare(
        `INSERT INTO fiscal_events (till_id, sequence, kind, occurred_at, operator_id, operator_name, details, previous_signature, signature)
         VALUES (@tillId, @sequence, @kind, @occurredAt, @operatorId, @operatorName, @detailsJson, @previousSignature, @signature)`,
      ),
      lastCheck: deps.db.prepare<[], FiscalEventRow>(
        "SELECT * FROM fiscal_events WHERE kind IN ('integrity.check', 'integrity.broken') ORDER BY id DESC LIMIT 1",
      ),
      page: deps.db.prepare<[number, number], FiscalEventRow>('SELECT * FROM fiscal_events WHERE id < ? ORDER BY id DESC LIMIT ?'),
      // Walks the till's chain back from its end: the last start is never far.
      lastOfKind: deps.db.prepare<[string, string], FiscalEventRow>(
        'SELECT * FROM fiscal_events WHERE till_id = ? AND kind = ? ORDER BY sequence DESC LIMIT 1',
      ),
    }
  }

  record(kind: FiscalEventKind, details: unknown, operator: FiscalOperator | { id: number | null } = TILL_OPERATOR, at?: Date): void {
    const { db, signer, tillId } = this.deps
    const who: FiscalOperator =
      'name' in operator ? operator : operator.id === null ? TILL_OPERATOR : { id: operator.id, name: this.deps.userName(operator.id) ?? `user ${operator.id}` }
    const occurredAt = localTimeWithOffset(at ?? this.deps.now(), this.deps.timeZone())
    db.transaction(() => {
      const tail = this.statements.tail.get(tillId)
      const fields = {
        tillId,
        sequence: (tail?.sequence ?? 0) + 1,
        kind,
        occurredAt,
        operatorId: who.id,
        operatorName: who.name,
        detailsJson: canonicalJson(details),
        previousSignature: tail?.signature ?? GENESIS_SIGNATURE,
      }
      this.statements.insert.run({ ...fields, signature: signer.sign(eventSignedContent(fields)) })
    })()
  }

  /** The last integrity check's event, null before the first. */
  lastCheck(): FiscalEvent | null {
    const row = this.statements.lastCheck.get()
    return row ? toEvent(row) : null
  }

  /** This till's newest event of a kind (its last start, say), null when it has none. */
  lastOfKind(kind: FiscalEventKind): FiscalEvent | null {
    const row = this.statements.lastOfKind.get(this.deps.tillId, kind)
    return row ? toEvent(row) : null
  }

  /** Events older than `beforeId` (all when null), newest first. */
  page(beforeId: number | null, limit: number): FiscalEvent[] {
    return this.statements.page.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit).map(toEvent)
  }
}
