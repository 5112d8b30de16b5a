import type Database from 'better-sqlite3'
import {
  ALTERED,
  closesPurgedDay,
  DayTally,
  eventFields,
  recordFields,
  recordLinkProblem,
  purgeAnchors,
  recordTotalsProblem,
  type EventRow,
  type FiscalBreak,
  type FiscalCheckReport,
  type PreviousRecord,
  type RecordRow,
} from './fiscal-chain-check'
import { eventSignedContent, GENESIS_SIGNATURE, recordSignedContent } from './fiscal-signature'
import type { SignaturePool } from './signature-pool'

/** Rows per batch handed to a worker: large enough that messaging costs little beside verifying. */
const BATCH = 1000

type Located = Omit<FiscalBreak, 'problem'>

/** What the in-order walk found at one row: its problems before and after its signature, and what was signed. */
interface InOrder {
  before: string | null
  after: string | null
  content: string
  signature: string
  at: Located
}

/**
 * Walks a chain's rows in order while their signatures are verified on the pool, batch by batch,
 * and answers the first broken row exactly as the sequential check names it: a row's link problem
 * comes before its signature, its signature before its amounts and closings, and an earlier row
 * before a later one. At most `inFlight` batches wait for the workers (memory stays flat); the walk
 * stops at the first row found broken in order, or once a signature before it fails.
 */
async function firstBroken<Row>(rows: Iterator<Row>, pool: SignaturePool, walk: (row: Row) => InOrder): Promise<FiscalBreak | null> {
  const inFlight: Array<{ start: number; at: Located[]; bad: Promise<number[]> }> = []
  let batch = { start: 0, contents: [] as string[], signatures: [] as string[], at: [] as Located[] }
  let badSignature: { index: number; at: Located } | null = null
  let inOrder: { index: number; row: InOrder } | null = null
  const settle = async (flight: (typeof inFlight)[number]): Promise<void> => {
    const bad = await flight.bad
    if (bad.length === 0) return
    const index = flight.start + bad[0]!
    if (!badSignature || index < badSignature.index) badSignature = { index, at: flight.at[bad[0]!]! }
  }
  const send = (): void => {
    if (batch.contents.length === 0) return
    inFlight.push({ start: batch.start, at: batch.at, bad: pool.verify(batch.contents, batch.signatures) })
    batch = { start: batch.start + batch.contents.length, contents: [], signatures: [], at: [] }
  }
  let index = 0
  for (let next = rows.next(); !next.done; next = rows.next(), index++) {
    if (badSignature !== null && (badSignature as { index: number }).index < index) break
    const row = walk(next.value)
    batch.contents.push(row.content)
    batch.signatures.push(row.signature)
    batch.at.push(row.at)
    if (row.before !== null || row.after !== null) {
      inOrder = { index, row }
      break
    }
    if (batch.contents.length >= BATCH) {
      send()
      while (inFlight.length >= pool.size * 2) await settle(inFlight.shift()!)
    }
  }
  rows.return?.()
  send()
  for (const flight of inFlight) await settle(flight)
  const signature = badSignature as { index: number; at: Located } | null
  if (signature && (!inOrder || signature.index < inOrder.index)) return { ...signature.at, problem: ALTERED }
  if (!inOrder) return null
  const problem = inOrder.row.before ?? (signature?.index === inOrder.index ? ALTERED : inOrder.row.after)
  return { ...inOrder.row.at, problem: problem! }
}

/**
 * The full check of {@link checkFiscalChains} (every chain from its first row, then the JET), the
 * same findings and the same first broken row, with the Ed25519 verifications spread over the
 * pool's worker threads while the numbering, links, grand totals and closings are checked in order
 * here. What `npm run fiscal:verify` runs on a data folder.
 */
export async function checkFiscalChainsInParallel(db: Database.Database, pool: SignaturePool): Promise<FiscalCheckReport> {
  const report: FiscalCheckReport = { ok: true, records: 0, events: 0, chains: [], broken: null, tailOnly: false }
  const chains = db.prepare<[], { till_id: string; chain: string }>('SELECT DISTINCT till_id, chain FROM fiscal_records ORDER BY till_id, chain').all()
  const rows = db.prepare<[string, string], RecordRow>('SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? ORDER BY id')
  const anchors = purgeAnchors(db)
  for (const chain of chains) {
    let previous: PreviousRecord = { sequence: 0, signature: GENESIS_SIGNATURE, gtNet: 0, gtAbsolute: 0 }
    let count = 0
    const days = new DayTally()
    // After a purge of old detail, as the one-thread check: what was kept before the anchor by its own signature, then from the anchor on.
    const anchor = anchors.get(`${chain.till_id}|${chain.chain}`) ?? null
    const fromAnchor = anchor && { sequence: anchor.throughSequence, signature: anchor.throughSignature, gtNet: anchor.gtNet, gtAbsolute: anchor.gtAbsolute }
    let kept = 0
    const broken = await firstBroken(rows.iterate(chain.till_id, chain.chain), pool, (row) => {
      const at = { table: 'fiscal_records' as const, id: row.id, tillId: row.till_id, chain: row.chain, sequence: row.sequence }
      const content = recordSignedContent(recordFields(row))
      count += 1
      if (fromAnchor && row.sequence <= fromAnchor.sequence) {
        const before = row.sequence <= kept ? `its number follows ${kept} out of order` : null
        kept = row.sequence
        days.acceptClosing(row)
        return { before, after: null, content, signature: row.signature, at }
      }
      if (fromAnchor && previous.sequence < fromAnchor.sequence) previous = fromAnchor
      const before = recordLinkProblem(row, previous)
      const purgedDay = closesPurgedDay(row, anchor)
      const after = before ?? recordTotalsProblem(row, previous) ?? (purgedDay ? null : days.closingProblem(row))
      if (purgedDay) days.acceptClosing(row)
      previous = { sequence: row.sequence, signature: row.signature, gtNet: row.gt_net, gtAbsolute: row.gt_absolute }
      days.add(row)
      return { before, after: before ? null : after, content, signature: row.signature, at }
    })
    if (broken) return { ...report, ok: false, broken }
    if (fromAnchor && previous.sequence < fromAnchor.sequence) previous = fromAnchor
    report.records += count
    report.chains.push({ tillId: chain.till_id, chain: chain.chain, records: count, lastSequence: previous.sequence, gtNet: previous.gtNet, gtAbsolute: previous.gtAbsolute })
  }

  const tills = db.prepare<[], { till_id: string }>('SELECT DISTINCT till_id FROM fiscal_events ORDER BY till_id').all()
  const events = db.prepare<[string], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? ORDER BY id')
  for (const till of tills) {
    let previous = { sequence: 0, signature: GENESIS_SIGNATURE }
    let count = 0
    const broken = await firstBroken(events.iterate(till.till_id), pool, (row) => {
      const before =
        row.sequence !== previous.sequence + 1
          ? `event ${previous.sequence + 1} missing before it (gap in the numbering)`
          : row.previous_signature !== previous.signature
            ? 'its previous signature is not the signature of the event before it'
            : null
      previous = { sequence: row.sequence, signature: row.signature }
      count += 1
      return { before, after: null, content: eventSignedContent(eventFields(row)), signature: row.signature, at: { table: 'fiscal_events', id: row.id, tillId: row.till_id, chain: 'jet', sequence: row.sequence } }
    })
    if (broken) return { ...report, ok: false, broken }
    report.events += count
  }
  return report
}
