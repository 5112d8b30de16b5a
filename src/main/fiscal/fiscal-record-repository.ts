import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { FiscalChain, FiscalRecord, FiscalRecordKind } from './fiscal-record'
import type { RecordRow } from './fiscal-chain-check'

/** A row of `fiscal_records` as stored: the chain check reads the same shape. */
type FiscalRecordRow = RecordRow

/** A record as written: the payload already in canonical JSON, exactly as signed. */
export interface NewFiscalRecordRow {
  tillId: string
  chain: FiscalChain
  sequence: number
  kind: FiscalRecordKind
  occurredAt: string
  operatorId: number | null
  operatorName: string
  orderId: number | null
  amountTtc: number
  gtNet: number
  gtAbsolute: number
  payloadJson: string
  previousSignature: string
  signature: string
}

export interface FiscalChainTail {
  sequence: number
  gtNet: number
  gtAbsolute: number
  signature: string
}

/** What the journal's screen asks for: a kind, the shop's days (`YYYY-MM-DD`, inclusive), older than a cursor. */
export interface FiscalRecordFilter {
  kind: FiscalRecordKind | null
  fromDay: string | null
  toDay: string | null
}

function toRecord(row: FiscalRecordRow): FiscalRecord {
  return {
    id: row.id,
    tillId: row.till_id,
    chain: row.chain as FiscalChain,
    sequence: row.sequence,
    kind: row.kind as FiscalRecordKind,
    occurredAt: row.occurred_at,
    operator: { id: row.operator_id, name: row.operator_name },
    orderId: row.order_id,
    amountTtc: row.amount_ttc,
    gtNet: row.gt_net,
    gtAbsolute: row.gt_absolute,
    payload: JSON.parse(row.payload) as unknown,
    previousSignature: row.previous_signature,
    signature: row.signature,
  }
}

/** The fiscal_records table: appends, a chain's tail, pages newest first. Never an update. */
export class FiscalRecordRepository {
  private readonly statements

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      tail: db.prepare<[string, string], { sequence: number; gt_net: number; gt_absolute: number; signature: string }>(
        `SELECT sequence, gt_net, gt_absolute, signature FROM fiscal_records
         WHERE till_id = ? AND chain = ? ORDER BY sequence DESC LIMIT 1`,
      ),
      insert: db.prepare(
        `INSERT INTO fiscal_records (till_id, chain, sequence, kind, occurred_at, operator_id, operator_name, order_id,
           amount_ttc, gt_net, gt_absolute, payload, previous_signature, signature)
         VALUES (@tillId, @chain, @sequence, @kind, @occurredAt, @operatorId, @operatorName, @orderId,
           @amountTtc, @gtNet, @gtAbsolute, @payloadJson, @previousSignature, @signature)`,
      ),
      countForOrder: db.prepare<[number, string], { count: number }>(
        'SELECT count(*) AS count FROM fiscal_records WHERE order_id = ? AND kind = ?',
      ),
      ticketOf: db.prepare<[number], { till_id: string; sequence: number }>(
        `SELECT till_id, sequence FROM fiscal_records WHERE order_id = ? AND kind = 'ticket' ORDER BY id LIMIT 1`,
      ),
      byId: db.prepare<[number], FiscalRecordRow>('SELECT * FROM fiscal_records WHERE id = ?'),
      lastForOrder: db.prepare<[number, string], FiscalRecordRow>(
        'SELECT * FROM fiscal_records WHERE order_id = ? AND kind = ? ORDER BY id DESC LIMIT 1',
      ),
    }
  }

  tail(tillId: string, chain: FiscalChain): FiscalChainTail | null {
    const row = this.statements.tail.get(tillId, chain)
    return row ? { sequence: row.sequence, gtNet: row.gt_net, gtAbsolute: row.gt_absolute, signature: row.signature } : null
  }

  insert(row: NewFiscalRecordRow): number {
    return Number(this.statements.insert.run(row).lastInsertRowid)
  }

  findById(id: number): FiscalRecord | null {
    const row = this.statements.byId.get(id)
    return row ? toRecord(row) : null
  }

  /** How many records of this kind an order has (its duplicates so far, say). */
  countForOrder(orderId: number, kind: FiscalRecordKind): number {
    return this.statements.countForOrder.get(orderId, kind)!.count
  }

  /** An order's latest record of this kind (its cancellation, say), null when it has none. */
  lastForOrder(orderId: number, kind: FiscalRecordKind): FiscalRecord | null {
    const row = this.statements.lastForOrder.get(orderId, kind)
    return row ? toRecord(row) : null
  }

  /** The ticket of an order: its till and number in the journal. */
  ticketOf(orderId: number): { tillId: string; sequence: number } | null {
    const row = this.statements.ticketOf.get(orderId)
    return row ? { tillId: row.till_id, sequence: row.sequence } : null
  }

  /** Records older than `beforeId` (all when null), newest first. */
  page(filter: FiscalRecordFilter, beforeId: number | null, limit: number): FiscalRecord[] {
    const where = ['id < @before']
    if (filter.kind) where.push('kind = @kind')
    // The first ten characters of the local time are the shop's day.
    if (filter.fromDay) where.push('substr(occurred_at, 1, 10) >= @fromDay')
    if (filter.toDay) where.push('substr(occurred_at, 1, 10) <= @toDay')
    const rows = this.db
      .prepare<Record<string, unknown>, FiscalRecordRow>(
        `SELECT * FROM fiscal_records WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`,
      )
      .all({ before: beforeId ?? Number.MAX_SAFE_INTEGER, kind: filter.kind, fromDay: filter.fromDay, toDay: filter.toDay, limit })
    return rows.map(toRecord)
  }
}
