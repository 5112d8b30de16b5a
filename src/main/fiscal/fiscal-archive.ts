import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { strToU8, zipSync } from 'fflate'
import { addDays } from '@shared/time/shop-time-zone'
import { purgeAnchors, type EventRow, type RecordRow } from './fiscal-chain-check'
import type { FiscalSigner } from './fiscal-signature'

/**
 * The fiscal archive of one till for a closed period: a ZIP readable without Comptoir, with the
 * records exactly as stored (`records.json`, and `records.csv` for a spreadsheet), the JET of the
 * period, the closings, the till's public key and a manifest (counts, numbers, grand totals, each
 * file's SHA-256) signed by the till (`manifest.sig`). `npm run fiscal:verify -- <archive.zip>`
 * checks it (fiscal-archive-check.ts).
 */

export const FISCAL_ARCHIVE_FORMAT = 'comptoir-fiscal-archive/1'

/** A month `2026-11`, a year `2026`, or every closed day up to the last closing. */
export type FiscalArchivePeriod = string

export class FiscalPeriodOpenError extends Error {
  constructor(readonly period: string) {
    super(`The period ${period} is not covered by a closing: only closed periods are archived`)
    this.name = 'FiscalPeriodOpenError'
  }
}

export interface FiscalArchiveChain {
  chain: string
  records: number
  firstSequence: number
  lastSequence: number
  /** The previous signature the first record links to (GENESIS at the chain's start). */
  firstPreviousSignature: string
  gtNetStart: number
  gtAbsoluteStart: number
  gtNetEnd: number
  gtAbsoluteEnd: number
}

export interface FiscalArchiveManifest {
  format: typeof FISCAL_ARCHIVE_FORMAT
  app: { name: string; version: string | null; schemaVersion: number }
  tillId: string
  period: { label: string; kind: 'month' | 'year' | 'closed'; fromDay: string | null; toDay: string }
  createdAt: string
  chains: FiscalArchiveChain[]
  events: { count: number; firstSequence: number | null; lastSequence: number | null; firstPreviousSignature: string | null }
  files: { name: string; bytes: number; sha256: string }[]
}

export interface FiscalArchive {
  fileName: string
  bytes: Uint8Array
  manifest: FiscalArchiveManifest
}

export interface FiscalArchiveOptions {
  db: Database.Database
  signer: FiscalSigner
  tillId: string
  period: FiscalArchivePeriod
  createdAt: string
  appName: string
  appVersion: string | null
}

const RECORD_COLUMNS: (keyof RecordRow)[] = [
  'id',
  'till_id',
  'chain',
  'sequence',
  'kind',
  'occurred_at',
  'operator_id',
  'operator_name',
  'order_id',
  'amount_ttc',
  'gt_net',
  'gt_absolute',
  'payload',
  'previous_signature',
  'signature',
]

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** French Excel reads a UTF-8 file with a BOM and `;` between cells. */
function csv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function periodOf(label: string): { kind: 'month' | 'year' | 'closed'; fromDay: string | null; closingKind: string | null } {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return { kind: 'month', fromDay: `${label}-01`, closingKind: 'closing_month' }
  if (/^\d{4}$/.test(label)) return { kind: 'year', fromDay: `${label}-01-01`, closingKind: 'closing_year' }
  if (label === 'closed') return { kind: 'closed', fromDay: null, closingKind: null }
  throw new RangeError(`Not a period to archive: ${label} (a month 2026-11, a year 2026, or "closed")`)
}

/** Makes the archive; throws FiscalPeriodOpenError when a chain with records in the period has no closing of it. */
export function makeFiscalArchive(options: FiscalArchiveOptions): FiscalArchive {
  const { db, tillId } = options
  const period = periodOf(options.period)
  const chainNames = db.prepare<[string], { chain: string }>('SELECT DISTINCT chain FROM fiscal_records WHERE till_id = ? ORDER BY chain').all(tillId)
  const closingOf = db.prepare<[string, string, string, string], RecordRow>(
    "SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND kind = ? AND json_extract(payload, '$.period') = ? ORDER BY sequence DESC LIMIT 1",
  )
  const lastClosing = db.prepare<[string, string], RecordRow>(
    "SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND kind LIKE 'closing\\_%' ESCAPE '\\' ORDER BY sequence DESC LIMIT 1",
  )
  const firstFrom = db.prepare<[string, string, string], { sequence: number }>(
    'SELECT min(sequence) AS sequence FROM fiscal_records WHERE till_id = ? AND chain = ? AND substr(occurred_at, 1, 10) >= ?',
  )
  const between = db.prepare<[string, string, number, number], RecordRow>(
    'SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence BETWEEN ? AND ? ORDER BY sequence',
  )
  const at = db.prepare<[string, string, number], RecordRow>('SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence = ?')

  const anchors = purgeAnchors(db)
  // After a purge, 'every closed day' starts the day after the purged detail: the earlier archives hold the rest.
  const purgedThrough = [...anchors.entries()].filter(([key]) => key.startsWith(`${tillId}|`)).map(([, anchor]) => anchor.throughDay).sort().at(-1)
  const fromDay = period.fromDay ?? (purgedThrough ? addDays(purgedThrough, 1) : null)
  const records: RecordRow[] = []
  const chains: FiscalArchiveChain[] = []
  let endAt: string | null = null
  for (const { chain } of chainNames) {
    const closing = period.closingKind ? closingOf.get(tillId, chain, period.closingKind, options.period) : lastClosing.get(tillId, chain)
    const anchor = anchors.get(`${tillId}|${chain}`)
    const firstInPeriod = period.fromDay ? (firstFrom.get(tillId, chain, period.fromDay)?.sequence ?? null) : 1
    // After a purge, an archive starts where the detail still is: what the purge kept before its anchor is in the earlier archives.
    const first = firstInPeriod !== null && anchor ? Math.max(firstInPeriod, anchor.throughSequence + 1) : firstInPeriod
    if (!closing) {
      // A chain with nothing in the period needs no closing of it.
      if (first === null) continue
      throw new FiscalPeriodOpenError(options.period)
    }
    if (first === null || first > closing.sequence) continue
    const rows = between.all(tillId, chain, first, closing.sequence)
    const before = first > 1 ? at.get(tillId, chain, first - 1) : undefined
    // The record before the period may be gone with a purge of older detail: its anchor has its grand totals.
    const purgedBefore = !before && anchor?.throughSequence === first - 1 ? anchor : null
    const last = rows[rows.length - 1]!
    chains.push({
      chain,
      records: rows.length,
      firstSequence: first,
      lastSequence: last.sequence,
      firstPreviousSignature: rows[0]!.previous_signature,
      gtNetStart: before?.gt_net ?? purgedBefore?.gtNet ?? 0,
      gtAbsoluteStart: before?.gt_absolute ?? purgedBefore?.gtAbsolute ?? 0,
      gtNetEnd: last.gt_net,
      gtAbsoluteEnd: last.gt_absolute,
    })
    records.push(...rows)
    if (endAt === null || Date.parse(closing.occurred_at) > Date.parse(endAt)) endAt = closing.occurred_at
  }
  if (endAt === null) throw new FiscalPeriodOpenError(options.period)

  const end = Date.parse(endAt)
  // The JET of the period, as one unbroken slice of its chain (from its first event in the period to its last).
  const jet = db.prepare<[string], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? ORDER BY sequence').all(tillId)
  const inPeriod = (event: EventRow) => (fromDay === null || event.occurred_at.slice(0, 10) >= fromDay) && Date.parse(event.occurred_at) <= end
  const firstEvent = jet.findIndex(inPeriod)
  const events = firstEvent === -1 ? [] : jet.slice(firstEvent, jet.findLastIndex(inPeriod) + 1)
  const closings = records.filter((row) => row.kind.startsWith('closing_'))
  // The last day a daily closing covers (a Z is often written the morning after its day).
  const closedThrough = closings
    .map((row) => (JSON.parse(row.payload) as { day?: string }).day)
    .filter((day): day is string => typeof day === 'string')
    .sort()
    .at(-1)

  const files: Record<string, Uint8Array> = {
    'records.json': strToU8(`${JSON.stringify(records, RECORD_COLUMNS as string[], 1)}\n`),
    'records.csv': strToU8(
      csv(
        ['chain', 'numero', 'type', 'date', 'operateur', 'commande', 'montant_ttc_centimes', 'gt_net_centimes', 'gt_absolu_centimes', 'signature'],
        records.map((row) => [row.chain, row.sequence, row.kind, row.occurred_at, row.operator_name, row.order_id, row.amount_ttc, row.gt_net, row.gt_absolute, row.signature]),
      ),
    ),
    'events.json': strToU8(`${JSON.stringify(events, null, 1)}\n`),
    'closings.csv': strToU8(
      csv(
        ['chain', 'numero', 'type', 'date', 'periode', 'total_net_centimes', 'total_absolu_centimes', 'gt_net_centimes', 'gt_absolu_centimes'],
        closings.map((row) => {
          const payload = JSON.parse(row.payload) as { day?: string; period?: string; dayTotals?: { net?: number; absolute?: number }; periodTotals?: { net?: number; absolute?: number } }
          const totals = payload.dayTotals ?? payload.periodTotals
          return [row.chain, row.sequence, row.kind, row.occurred_at, payload.day ?? payload.period, totals?.net, totals?.absolute, row.gt_net, row.gt_absolute]
        }),
      ),
    ),
    'public-key.pem': strToU8(options.signer.publicKeyPem()),
  }
  const first = events[0]
  const manifest: FiscalArchiveManifest = {
    format: FISCAL_ARCHIVE_FORMAT,
    app: { name: options.appName, version: options.appVersion, schemaVersion: db.pragma('user_version', { simple: true }) as number },
    tillId,
    period: { label: options.period, kind: period.kind, fromDay, toDay: closedThrough ?? endAt.slice(0, 10) },
    createdAt: options.createdAt,
    chains,
    events: {
      count: events.length,
      firstSequence: first?.sequence ?? null,
      lastSequence: events[events.length - 1]?.sequence ?? null,
      firstPreviousSignature: first?.previous_signature ?? null,
    },
    files: Object.entries(files).map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256(bytes) })),
  }
  const manifestJson = `${JSON.stringify(manifest, null, 1)}\n`
  const bytes = zipSync({ 'manifest.json': strToU8(manifestJson), 'manifest.sig': strToU8(`${options.signer.sign(manifestJson)}\n`), ...files })
  const fileName = `comptoir-archive-fiscale-${tillId}-${options.period}.zip`.replace(/[^A-Za-z0-9._-]/g, '_')
  return { fileName, bytes, manifest }
}
