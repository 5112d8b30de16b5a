import type { KeyObject } from 'node:crypto'
import type Database from 'better-sqlite3'
import {
  eventSignedContent,
  GENESIS_SIGNATURE,
  recordSignedContent,
  signatureHolds,
  type SignedEventFields,
  type SignedRecordFields,
} from './fiscal-signature'

/**
 * The check of the journal and the JET over a database handle and the till's public key alone:
 * the app's "verify now" and its start-up tail check, and the standalone `npm run fiscal:verify`,
 * which opens the file read-only, run this same code. Nothing of the app's services is used.
 */

/** Kinds whose payload carries the record's effect on the grand total in `totals.ttc`. */
const GT_KINDS = new Set(['ticket', 'credit_note', 'cancellation'])

export interface FiscalChainSummary {
  tillId: string
  chain: string
  records: number
  lastSequence: number
  gtNet: number
  gtAbsolute: number
}

export interface FiscalBreak {
  table: 'fiscal_records' | 'fiscal_events'
  id: number
  tillId: string
  chain: string
  sequence: number
  problem: string
}

export interface FiscalCheckReport {
  ok: boolean
  records: number
  events: number
  chains: FiscalChainSummary[]
  /** The first broken record or event found, null when everything holds. */
  broken: FiscalBreak | null
  /** Only the last rows of each chain were checked (the start-up check). */
  tailOnly: boolean
}

export interface RecordRow {
  id: number
  till_id: string
  chain: string
  sequence: number
  kind: string
  occurred_at: string
  operator_id: number | null
  operator_name: string
  order_id: number | null
  amount_ttc: number
  gt_net: number
  gt_absolute: number
  payload: string
  previous_signature: string
  signature: string
}

export interface EventRow {
  id: number
  till_id: string
  sequence: number
  kind: string
  occurred_at: string
  operator_id: number | null
  operator_name: string
  details: string
  previous_signature: string
  signature: string
}

export function recordFields(row: RecordRow): SignedRecordFields {
  return {
    tillId: row.till_id,
    chain: row.chain,
    sequence: row.sequence,
    kind: row.kind,
    occurredAt: row.occurred_at,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    orderId: row.order_id,
    amountTtc: row.amount_ttc,
    gtNet: row.gt_net,
    gtAbsolute: row.gt_absolute,
    payloadJson: row.payload,
    previousSignature: row.previous_signature,
  }
}

export function eventFields(row: EventRow): SignedEventFields {
  return {
    tillId: row.till_id,
    sequence: row.sequence,
    kind: row.kind,
    occurredAt: row.occurred_at,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    detailsJson: row.details,
    previousSignature: row.previous_signature,
  }
}

/** The problem a record whose signature does not verify has. */
export const ALTERED = 'its content no longer matches its signature (altered)'

/** The record before one in its chain, as the check carries it. */
export interface PreviousRecord {
  sequence: number
  signature: string
  gtNet: number
  gtAbsolute: number
}

/** What is wrong with a record's place in its chain (its number, its link), checked before its signature; or null. */
export function recordLinkProblem(row: RecordRow, previous: PreviousRecord): string | null {
  if (row.sequence !== previous.sequence + 1) {
    return row.sequence > previous.sequence + 1
      ? `record ${previous.sequence + 1}${row.sequence > previous.sequence + 2 ? ` to ${row.sequence - 1}` : ''} missing before it (gap in the numbering)`
      : `its number follows ${previous.sequence} out of order`
  }
  if (row.previous_signature !== previous.signature) return 'its previous signature is not the signature of the record before it'
  return null
}

/** What is wrong with a record's amounts (its payload's TTC, the grand totals), checked after its signature; or null. */
export function recordTotalsProblem(row: RecordRow, previous: PreviousRecord): string | null {
  let payload: { totals?: { ttc?: unknown } }
  try {
    payload = JSON.parse(row.payload) as typeof payload
  } catch {
    return 'its payload is not JSON'
  }
  if (GT_KINDS.has(row.kind) ? payload.totals?.ttc !== row.amount_ttc : row.amount_ttc !== 0) {
    return `its amount ${row.amount_ttc} is not the TTC of its payload`
  }
  if (row.gt_net !== previous.gtNet + row.amount_ttc) return `its net grand total ${row.gt_net} is not ${previous.gtNet + row.amount_ttc}`
  const absolute = previous.gtAbsolute + Math.abs(row.amount_ttc)
  if (row.gt_absolute !== absolute) return `its absolute grand total ${row.gt_absolute} is not ${absolute}`
  return null
}

/** What is wrong with a record given the one before it in its chain, or null: its link, its signature, its amounts, in that order. */
export function recordProblem(row: RecordRow, previous: PreviousRecord, publicKey: KeyObject): string | null {
  return (
    recordLinkProblem(row, previous) ??
    (signatureHolds(publicKey, recordSignedContent(recordFields(row)), row.signature) ? null : ALTERED) ??
    recordTotalsProblem(row, previous)
  )
}

interface DaySums {
  net: number
  absolute: number
  tickets: number
  creditNotes: number
  cancellations: number
  duplicates: number
}

/** What each day's records add up to, for the daily closings (Z) that follow them. */
export class DayTally {
  private readonly days = new Map<string, DaySums>()
  /** The daily closings' net and absolute totals, by day, for the month's and year's closings. */
  private readonly closed = new Map<string, { net: number; absolute: number }>()

  add(row: RecordRow): void {
    if (row.kind.startsWith('closing_')) return
    const day = row.occurred_at.slice(0, 10)
    const sums = this.days.get(day) ?? { net: 0, absolute: 0, tickets: 0, creditNotes: 0, cancellations: 0, duplicates: 0 }
    sums.net += row.amount_ttc
    sums.absolute += Math.abs(row.amount_ttc)
    if (row.kind === 'ticket') sums.tickets += 1
    if (row.kind === 'credit_note') sums.creditNotes += 1
    if (row.kind === 'cancellation') sums.cancellations += 1
    if (row.kind === 'duplicate') sums.duplicates += 1
    this.days.set(day, sums)
  }

  /** A daily closing of a purged day, taken as signed: its day's records are in the archive, no longer here. */
  acceptClosing(row: RecordRow): void {
    if (row.kind !== 'closing_day') return
    const z = JSON.parse(row.payload) as { day?: string; dayTotals?: { net?: number; absolute?: number } }
    this.closed.set(z.day ?? '', { net: z.dayTotals?.net ?? 0, absolute: z.dayTotals?.absolute ?? 0 })
  }

  closingProblem(row: RecordRow): string | null {
    if (row.kind === 'closing_month' || row.kind === 'closing_year') return this.periodProblem(row)
    if (row.kind !== 'closing_day') return null
    const z = JSON.parse(row.payload) as {
      day?: string
      counts?: { tickets?: number; creditNotes?: number; cancellations?: number; duplicates?: number }
      dayTotals?: { net?: number; absolute?: number }
    }
    const sums = this.days.get(z.day ?? '') ?? { net: 0, absolute: 0, tickets: 0, creditNotes: 0, cancellations: 0, duplicates: 0 }
    const counts = z.counts ?? {}
    if (z.dayTotals?.net !== sums.net || z.dayTotals.absolute !== sums.absolute) {
      return `its totals for ${z.day} are not the sums of that day's records (${sums.net} net, ${sums.absolute} absolute)`
    }
    if (counts.tickets !== sums.tickets || counts.creditNotes !== sums.creditNotes || counts.cancellations !== sums.cancellations || counts.duplicates !== sums.duplicates) {
      return `its counts for ${z.day} are not the counts of that day's records`
    }
    this.closed.set(z.day ?? '', { net: sums.net, absolute: sums.absolute })
    return null
  }

  private periodProblem(row: RecordRow): string | null {
    const closing = JSON.parse(row.payload) as { period?: string; periodTotals?: { net?: number; absolute?: number } }
    let net = 0
    let absolute = 0
    for (const [day, totals] of this.closed) {
      if (!day.startsWith(closing.period ?? '\u0000')) continue
      net += totals.net
      absolute += totals.absolute
    }
    if (closing.periodTotals?.net !== net || closing.periodTotals.absolute !== absolute) {
      return `its totals for ${closing.period} are not the sums of that period's daily closings (${net} net, ${absolute} absolute)`
    }
    return null
  }
}

/**
 * Checks every signature and link of every chain (or, with `tail`, the last `tail` rows of each),
 * the numbering without gaps, the grand totals recomputed from the amounts and, over a whole
 * chain, each daily closing against its day's records; stops at the first
 * broken row and names it. Deleting the newest rows of a chain leaves no broken link: compare the
 * last numbers with a closing or an archive for that.
 */
/** Where a purge of old detail left a chain (the JET's signed `fiscal.purge` events): the check resumes there. */
export interface PurgeAnchor {
  throughSequence: number
  throughSignature: string
  gtNet: number
  gtAbsolute: number
  throughDay: string
}

export function purgeAnchors(db: Database.Database): Map<string, PurgeAnchor> {
  const anchors = new Map<string, PurgeAnchor>()
  const events = db.prepare<[], { details: string }>("SELECT details FROM fiscal_events WHERE kind = 'fiscal.purge' ORDER BY id").all()
  for (const event of events) {
    const details = JSON.parse(event.details) as { tillId: string; throughDay: string; chains: Array<Omit<PurgeAnchor, 'throughDay'> & { chain: string }> }
    for (const chain of details.chains) anchors.set(`${details.tillId}|${chain.chain}`, { ...chain, throughDay: details.throughDay })
  }
  return anchors
}

/** A daily closing whose day's detail was purged: its sums cannot be recomputed here (the archive holds them). */
export function closesPurgedDay(row: RecordRow, anchor: PurgeAnchor | null): boolean {
  return anchor !== null && row.kind === 'closing_day' && ((JSON.parse(row.payload) as { day?: string }).day ?? '') <= anchor.throughDay
}

export function checkFiscalChains(db: Database.Database, publicKey: KeyObject, options: { tail?: number } = {}): FiscalCheckReport {
  const report: FiscalCheckReport = { ok: true, records: 0, events: 0, chains: [], broken: null, tailOnly: options.tail !== undefined }
  const chains = db.prepare<[], { till_id: string; chain: string; last: number }>(
    'SELECT till_id, chain, max(sequence) AS last FROM fiscal_records GROUP BY till_id, chain ORDER BY till_id, chain',
  ).all()
  const before = db.prepare<[string, string, number], RecordRow>('SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence = ?')
  const rows = db.prepare<[string, string, number], RecordRow>(
    'SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence >= ? ORDER BY id',
  )
  const anchors = purgeAnchors(db)
  for (const chain of chains) {
    const anchor = anchors.get(`${chain.till_id}|${chain.chain}`) ?? null
    const fromAnchor = anchor && { sequence: anchor.throughSequence, signature: anchor.throughSignature, gtNet: anchor.gtNet, gtAbsolute: anchor.gtAbsolute }
    // A tail that would reach into purged detail starts at the purge's anchor.
    const from = options.tail === undefined ? 1 : Math.max(1, chain.last - options.tail + 1, anchor ? anchor.throughSequence + 1 : 1)
    const resumesAtAnchor = fromAnchor !== null && from === fromAnchor.sequence + 1
    const start = from > 1 && !resumesAtAnchor ? before.get(chain.till_id, chain.chain, from - 1) : undefined
    let previous = resumesAtAnchor
      ? fromAnchor
      : start
        ? { sequence: start.sequence, signature: start.signature, gtNet: start.gt_net, gtAbsolute: start.gt_absolute }
        : { sequence: from - 1, signature: GENESIS_SIGNATURE, gtNet: 0, gtAbsolute: 0 }
    let count = 0
    let kept = 0
    const days = new DayTally()
    for (const row of rows.iterate(chain.till_id, chain.chain, from)) {
      if (fromAnchor && row.sequence <= fromAnchor.sequence) {
        // What a purge kept of old detail (a closing, an invoice): its own signature holds; its neighbours are in the archive.
        const keptProblem =
          row.sequence <= kept
            ? `its number follows ${kept} out of order`
            : signatureHolds(publicKey, recordSignedContent(recordFields(row)), row.signature)
              ? null
              : 'its content no longer matches its signature (altered)'
        if (keptProblem) {
          report.ok = false
          report.broken = { table: 'fiscal_records', id: row.id, tillId: row.till_id, chain: row.chain, sequence: row.sequence, problem: keptProblem }
          return report
        }
        kept = row.sequence
        days.acceptClosing(row)
        count += 1
        continue
      }
      if (fromAnchor && previous.sequence < fromAnchor.sequence) previous = fromAnchor
      const problem =
        (from > 1 && !start && !resumesAtAnchor && count === 0 ? `record ${from - 1} missing before it (gap in the numbering)` : recordProblem(row, previous, publicKey)) ??
        // A daily closing is checked against the records of its day (the whole chain only: a tail starts mid-day).
        (options.tail === undefined ? (closesPurgedDay(row, anchor) ? (days.acceptClosing(row), null) : days.closingProblem(row)) : null)
      if (problem) {
        report.ok = false
        report.broken = { table: 'fiscal_records', id: row.id, tillId: row.till_id, chain: row.chain, sequence: row.sequence, problem }
        return report
      }
      previous = { sequence: row.sequence, signature: row.signature, gtNet: row.gt_net, gtAbsolute: row.gt_absolute }
      days.add(row)
      count += 1
    }
    if (fromAnchor && previous.sequence < fromAnchor.sequence) previous = fromAnchor
    report.records += count
    report.chains.push({ tillId: chain.till_id, chain: chain.chain, records: count, lastSequence: previous.sequence, gtNet: previous.gtNet, gtAbsolute: previous.gtAbsolute })
  }

  const tills = db.prepare<[], { till_id: string; last: number }>('SELECT till_id, max(sequence) AS last FROM fiscal_events GROUP BY till_id').all()
  const eventBefore = db.prepare<[string, number], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? AND sequence = ?')
  const events = db.prepare<[string, number], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? AND sequence >= ? ORDER BY id')
  for (const till of tills) {
    const from = options.tail === undefined ? 1 : Math.max(1, till.last - options.tail + 1)
    const start = from > 1 ? eventBefore.get(till.till_id, from - 1) : undefined
    let previous = { sequence: from - 1, signature: start?.signature ?? GENESIS_SIGNATURE }
    let first = true
    for (const row of events.iterate(till.till_id, from)) {
      let problem: string | null = null
      if (first && from > 1 && !start) problem = `event ${from - 1} missing before it (gap in the numbering)`
      else if (row.sequence !== previous.sequence + 1) problem = `event ${previous.sequence + 1} missing before it (gap in the numbering)`
      else if (row.previous_signature !== previous.signature) problem = 'its previous signature is not the signature of the event before it'
      else if (!signatureHolds(publicKey, eventSignedContent(eventFields(row)), row.signature)) problem = ALTERED
      if (problem) {
        report.ok = false
        report.broken = { table: 'fiscal_events', id: row.id, tillId: row.till_id, chain: 'jet', sequence: row.sequence, problem }
        return report
      }
      previous = { sequence: row.sequence, signature: row.signature }
      first = false
      report.events += 1
    }
  }
  return report
}
