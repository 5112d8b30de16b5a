import { canonicalJson } from '../../platform/json/canonical-json'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { FiscalChain, FiscalOperator, FiscalRecord, FiscalRecordKind } from './fiscal-record'
import type { FiscalRecordFilter, FiscalRecordRepository } from './fiscal-record-repository'
import { GENESIS_SIGNATURE, recordSignedContent, type FiscalSigner } from './fiscal-signature'
import { localTimeWithOffset } from './fiscal-time'

export interface FiscalJournalDependencies {
  db: SqliteDatabase
  records: FiscalRecordRepository
  signer: FiscalSigner
  /** The till's id, as in its order numbers (`TILL-01`). */
  tillId: string
  timeZone: () => string
  now: () => Date
  /** A user's display name, for an operator given by id alone. */
  userName: (userId: number) => string | null
  /** Refuses a record whose day is closed; throws. Set by the closings once they exist. */
  guard?: (tillId: string, chain: FiscalChain, day: string) => void
}

export interface FiscalRecordOptions {
  /** What the record adds to the grand total, minor units; 0 for what moves no sale (a duplicate, a cash movement). */
  amountTtc?: number
  /** The order it is about, for the duplicates' counter and the links between records. */
  orderId?: number | null
  chain?: FiscalChain
  /** When it happened; now by default. */
  at?: Date
}

/**
 * The inalterable fiscal journal: one signed record per ticket, credit note, cancellation,
 * duplicate, cash movement and closing, numbered per till and chain without gaps.
 *
 * Call {@link record} INSIDE the transaction of the operation it records (better-sqlite3 nests
 * it as a savepoint): the sequence is taken, the grand totals moved and the record signed and
 * written with the operation, so both commit or roll back together and a rollback gives the
 * number back.
 */
export class FiscalJournal {
  constructor(private readonly deps: FiscalJournalDependencies) {}

  get tillId(): string {
    return this.deps.tillId
  }

  record(kind: FiscalRecordKind, payload: unknown, operator: FiscalOperator | { id: number }, options: FiscalRecordOptions = {}): FiscalRecord {
    const { db, records, signer, tillId } = this.deps
    const chain = options.chain ?? 'real'
    const amountTtc = options.amountTtc ?? 0
    if (!Number.isSafeInteger(amountTtc)) throw new Error(`A fiscal amount is integer minor units, not ${amountTtc}`)
    const occurredAt = localTimeWithOffset(options.at ?? this.deps.now(), this.deps.timeZone())
    const who = this.operator(operator)
    return db.transaction((): FiscalRecord => {
      this.deps.guard?.(tillId, chain, occurredAt.slice(0, 10))
      const tail = records.tail(tillId, chain)
      const fields = {
        tillId,
        chain,
        sequence: (tail?.sequence ?? 0) + 1,
        kind,
        occurredAt,
        operatorId: who.id,
        operatorName: who.name,
        orderId: options.orderId ?? null,
        amountTtc,
        gtNet: (tail?.gtNet ?? 0) + amountTtc,
        gtAbsolute: (tail?.gtAbsolute ?? 0) + Math.abs(amountTtc),
        payloadJson: canonicalJson(payload),
        previousSignature: tail?.signature ?? GENESIS_SIGNATURE,
      }
      const signature = signer.sign(recordSignedContent(fields))
      const id = records.insert({ ...fields, signature })
      // The record as stored, without reading it back.
      return {
        id,
        tillId,
        chain,
        sequence: fields.sequence,
        kind,
        occurredAt,
        operator: who,
        orderId: fields.orderId,
        amountTtc,
        gtNet: fields.gtNet,
        gtAbsolute: fields.gtAbsolute,
        payload: JSON.parse(fields.payloadJson) as unknown,
        previousSignature: fields.previousSignature,
        signature,
      }
    })()
  }

  /** How many records of this kind an order already has. */
  countForOrder(orderId: number, kind: FiscalRecordKind): number {
    return this.deps.records.countForOrder(orderId, kind)
  }

  /** Records older than `beforeId` (all when null), newest first. */
  page(filter: FiscalRecordFilter, beforeId: number | null, limit: number): FiscalRecord[] {
    return this.deps.records.page(filter, beforeId, limit)
  }

  /** One record by its id, null when there is none. */
  find(id: number): FiscalRecord | null {
    return this.deps.records.findById(id)
  }

  /** An order's latest record of this kind, null when it has none. */
  lastForOrder(orderId: number, kind: FiscalRecordKind): FiscalRecord | null {
    return this.deps.records.lastForOrder(orderId, kind)
  }

  /** The ticket of an order: its till and number in the journal, null before its sale. */
  ticketOf(orderId: number): { tillId: string; sequence: number } | null {
    return this.deps.records.ticketOf(orderId)
  }

  private operator(operator: FiscalOperator | { id: number }): FiscalOperator {
    if ('name' in operator) return operator
    return { id: operator.id, name: this.deps.userName(operator.id) ?? `user ${operator.id}` }
  }
}
