import { createHash } from 'node:crypto'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { checkFiscalArchive } from './fiscal-archive-check'
import { FiscalPeriodOpenError, makeFiscalArchive } from './fiscal-archive'
import { checkFiscalChains } from './fiscal-chain-check'
import type { FiscalEventLog } from './fiscal-event-log'
import type { FiscalSigner } from './fiscal-signature'

/** How long the detail is kept (LPF L102 B): six years after the end of its year. */
export const FISCAL_RETENTION_YEARS = 6

/** The JET event a purge writes; the chain check resumes each chain from its anchor. */
export const FISCAL_PURGE_EVENT = 'fiscal.purge'

/** Records a purge never deletes: every closing, and the invoices (kept ten years, code de commerce L123-22). */
export const KEPT_KINDS = ['closing_day', 'closing_month', 'closing_year', 'session_close', 'invoice'] as const

export type FiscalPurgeRefusal = 'FISCAL_PURGE_TOO_RECENT' | 'FISCAL_PURGE_NOT_ARCHIVED' | 'FISCAL_PURGE_NOT_VERIFIED'

/** A purge the rules refuse; nothing was deleted. */
export class FiscalPurgeRefusedError extends Error {
  constructor(
    readonly code: FiscalPurgeRefusal,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'FiscalPurgeRefusedError'
  }
}

/** Where a chain's purged detail ends: its last purged number, that record's signature and grand totals. */
export interface FiscalPurgeAnchor {
  chain: string
  throughSequence: number
  throughSignature: string
  gtNet: number
  gtAbsolute: number
  deleted: number
}

export interface FiscalPurgeOptions {
  db: SqliteDatabase
  tillId: string
  /** Purge the detail of this year and of every year before it. */
  year: number
  /** The shop's day today (YYYY-MM-DD). */
  today: string
  signer: FiscalSigner
  events: FiscalEventLog
  operator: { id: number }
  /** For the archives remade to verify the period: when, and by which version. */
  createdAt: string
  appVersion: string | null
}

export interface FiscalPurgeResult {
  year: number
  /** The last day whose detail is gone. */
  throughDay: string
  chains: FiscalPurgeAnchor[]
  deleted: number
}

interface ArchiveExport {
  period: string
  occurredAt: string
}

function archiveExports(db: SqliteDatabase, tillId: string): ArchiveExport[] {
  const rows = db
    .prepare<[string], { details: string; occurred_at: string }>(
      "SELECT details, occurred_at FROM fiscal_events WHERE till_id = ? AND kind = 'fiscal.archive.exported' ORDER BY id",
    )
    .all(tillId)
  return rows.flatMap((row) => {
    // The JET copies the audit entry: { subject, details: { period, ... } }.
    const period = (JSON.parse(row.details) as { details?: { period?: unknown } }).details?.period
    return typeof period === 'string' ? [{ period, occurredAt: row.occurred_at }] : []
  })
}

/** An export covers a year when it is that year's archive, or the archive of every closed day made after the year ended. */
function covers(archive: ArchiveExport, year: number): boolean {
  return archive.period === String(year) || (archive.period === 'closed' && archive.occurredAt.slice(0, 10) > `${year}-12-31`)
}

/**
 * Purges the journal's detail (tickets, credit notes, cancellations, duplicates, cash movements)
 * of `year` and earlier, on each chain of this till, when the law and the record allow it:
 *
 * - the year ended more than six years ago (else FISCAL_PURGE_TOO_RECENT);
 * - each year to purge was exported as a fiscal archive, a JET event (else FISCAL_PURGE_NOT_ARCHIVED);
 * - the journal checks whole, and each year's archive, made again from the records about to go,
 *   passes the archive check that `npm run fiscal:verify` runs (else FISCAL_PURGE_NOT_VERIFIED).
 *
 * Closings, which carry the grand totals, stay, and so do the invoices. One transaction: the
 * permits the delete trigger asks for, the deletes, the permits removed, and the JET event with
 * each chain's anchor, from which the chain check resumes.
 */
export function purgeFiscalDetail(options: FiscalPurgeOptions): FiscalPurgeResult {
  const { db, tillId, year } = options
  const throughDay = `${year}-12-31`
  const purgeableFrom = `${year + FISCAL_RETENTION_YEARS + 1}-01-01`
  if (options.today < purgeableFrom) {
    throw new FiscalPurgeRefusedError('FISCAL_PURGE_TOO_RECENT', `The detail of ${year} is kept until ${year + FISCAL_RETENTION_YEARS}-12-31`, { year, purgeableFrom })
  }
  const kept = KEPT_KINDS.map((kind) => `'${kind}'`).join(', ')
  const ranges = db
    .prepare<[string, string], { chain: string; first_year: string; through: number }>(
      `SELECT chain, min(substr(occurred_at, 1, 4)) AS first_year, max(sequence) AS through FROM fiscal_records
       WHERE till_id = ? AND substr(occurred_at, 1, 10) <= ? AND kind NOT IN (${kept}) GROUP BY chain ORDER BY chain`,
    )
    .all(tillId, throughDay)
  if (ranges.length === 0) return { year, throughDay, chains: [], deleted: 0 }

  const firstYear = Math.min(...ranges.map((range) => Number(range.first_year)))
  const exports = archiveExports(db, tillId)
  const years = Array.from({ length: year - firstYear + 1 }, (_, index) => firstYear + index)
  const unarchived = years.filter((candidate) => !exports.some((archive) => covers(archive, candidate)))
  if (unarchived.length > 0) {
    throw new FiscalPurgeRefusedError('FISCAL_PURGE_NOT_ARCHIVED', `No fiscal archive of ${unarchived.join(', ')} was made: archive before purging`, { years: unarchived })
  }

  const journal = checkFiscalChains(db, options.signer.publicKey)
  if (!journal.ok) {
    throw new FiscalPurgeRefusedError('FISCAL_PURGE_NOT_VERIFIED', 'The fiscal journal does not check: nothing is purged', { broken: journal.broken })
  }
  const archives: Array<{ year: number; sha256: string; records: number }> = []
  for (const candidate of years) {
    let bytes: Uint8Array
    try {
      bytes = makeFiscalArchive({ db, signer: options.signer, tillId, period: String(candidate), createdAt: options.createdAt, appName: 'Comptoir', appVersion: options.appVersion }).bytes
    } catch (error) {
      if (!(error instanceof FiscalPeriodOpenError)) throw error
      throw new FiscalPurgeRefusedError('FISCAL_PURGE_NOT_VERIFIED', `${candidate} has no yearly closing: its archive cannot be verified`, { year: candidate })
    }
    const check = checkFiscalArchive(bytes, options.signer.publicKey)
    if (!check.ok) {
      throw new FiscalPurgeRefusedError('FISCAL_PURGE_NOT_VERIFIED', `The archive of ${candidate} does not check: nothing is purged`, { year: candidate, refused: check.refused, broken: check.broken })
    }
    archives.push({ year: candidate, sha256: createHash('sha256').update(bytes).digest('hex'), records: check.records })
  }

  const at = db.prepare<[string, string, number], { signature: string; gt_net: number; gt_absolute: number }>(
    'SELECT signature, gt_net, gt_absolute FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence = ?',
  )
  const permit = db.prepare('INSERT INTO fiscal_purge_permits (till_id, chain, through_sequence) VALUES (?, ?, ?)')
  const unpermit = db.prepare('DELETE FROM fiscal_purge_permits WHERE till_id = ? AND chain = ?')
  // A duplicate that is an invoice's copy is what that copy's row points at: it stays with the invoice.
  const purge = db.prepare<[string, string, number]>(
    `DELETE FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence <= ? AND kind NOT IN (${kept})
       AND NOT EXISTS (SELECT 1 FROM invoice_copies WHERE invoice_copies.fiscal_record_id = fiscal_records.id)`,
  )
  return db.transaction((): FiscalPurgeResult => {
    const chains = ranges.map((range): FiscalPurgeAnchor => {
      const last = at.get(tillId, range.chain, range.through)!
      permit.run(tillId, range.chain, range.through)
      const deleted = purge.run(tillId, range.chain, range.through).changes
      unpermit.run(tillId, range.chain)
      return { chain: range.chain, throughSequence: range.through, throughSignature: last.signature, gtNet: last.gt_net, gtAbsolute: last.gt_absolute, deleted }
    })
    const deleted = chains.reduce((sum, chain) => sum + chain.deleted, 0)
    options.events.record(FISCAL_PURGE_EVENT, { tillId, year, throughDay, chains, archives, deleted }, options.operator)
    return { year, throughDay, chains, deleted }
  })()
}
