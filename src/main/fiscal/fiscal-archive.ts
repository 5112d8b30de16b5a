import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { strToU8, Zip, ZipDeflate } from 'fflate'
import { addDays } from '@shared/time/shop-time-zone'
import { purgeAnchors, type EventRow, type RecordRow } from './fiscal-chain-check'
import type { FiscalSigner } from './fiscal-signature'

/**
 * The fiscal archive of one till for a closed period: a ZIP readable without Comptoir, with the
 * records exactly as stored (`records.jsonl`, one JSON record a line, and `records.csv` for a
 * spreadsheet), the JET of the period (`events.jsonl`), the closings, the till's public key and a
 * manifest (counts, numbers, grand totals, each file's SHA-256) signed by the till
 * (`manifest.sig`). `npm run fiscal:verify -- <archive.zip>` checks it (fiscal-archive-check.ts).
 *
 * A busy shop's year is too big for one string (Node caps one near 537M characters, ~280,000
 * records): the rows are read from SQLite in batches and streamed through the ZIP's compressor,
 * each file hashed as it goes; the manifest, which needs the hashes, is written last.
 */

export const FISCAL_ARCHIVE_FORMAT = 'comptoir-fiscal-archive/2'
/** The first format, one `records.json` and `events.json` array each: still read by the check. */
export const FISCAL_ARCHIVE_FORMAT_V1 = 'comptoir-fiscal-archive/1'

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
  format: typeof FISCAL_ARCHIVE_FORMAT | typeof FISCAL_ARCHIVE_FORMAT_V1
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
  /** Rows read from SQLite at a time (tests make it small to cross batches). */
  batchSize?: number
}

const DEFAULT_BATCH_SIZE = 2000

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

/** French Excel reads a UTF-8 file with a BOM (before the header) and `;` between cells. */
function csvLine(cells: unknown[], header = false): string {
  return `${header ? '\uFEFF' : ''}${cells.map(csvCell).join(';')}\r\n`
}

function periodOf(label: string): { kind: 'month' | 'year' | 'closed'; fromDay: string | null; closingKind: string | null } {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return { kind: 'month', fromDay: `${label}-01`, closingKind: 'closing_month' }
  if (/^\d{4}$/.test(label)) return { kind: 'year', fromDay: `${label}-01-01`, closingKind: 'closing_year' }
  if (label === 'closed') return { kind: 'closed', fromDay: null, closingKind: null }
  throw new RangeError(`Not a period to archive: ${label} (a month 2026-11, a year 2026, or "closed")`)
}

/** A ZIP written as it goes: each file compressed and hashed piece by piece, the chunks kept compressed. */
class StreamedZip {
  private readonly chunks: Uint8Array[] = []
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error
    this.chunks.push(chunk)
  })
  readonly files: { name: string; bytes: number; sha256: string }[] = []

  /** Writes one file from its pieces (strings, as UTF-8), and lists it with its size and SHA-256 when `listed`. */
  file(name: string, pieces: Iterable<string>, listed = true): void {
    const entry = new ZipDeflate(name, { level: 6 })
    this.zip.add(entry)
    const hash = createHash('sha256')
    let bytes = 0
    for (const piece of pieces) {
      const data = strToU8(piece)
      hash.update(data)
      bytes += data.length
      entry.push(data)
    }
    entry.push(new Uint8Array(0), true)
    if (listed) this.files.push({ name, bytes, sha256: hash.digest('hex') })
  }

  end(): Uint8Array {
    this.zip.end()
    return Buffer.concat(this.chunks)
  }
}

/**
 * The rows of a slice of a chain, `batchSize` at a time by their number (a keyset page each):
 * never the whole period in memory, and the connection free between batches.
 */
function* batchesOf<Row extends { sequence: number }>(page: (after: number, limit: number) => Row[], after: number, batchSize: number): Generator<Row[]> {
  for (;;) {
    const rows = page(after, batchSize)
    if (rows.length === 0) return
    yield rows
    after = rows[rows.length - 1]!.sequence
    if (rows.length < batchSize) return
  }
}

/** Makes the archive; throws FiscalPeriodOpenError when a chain with records in the period has no closing of it. */
export function makeFiscalArchive(options: FiscalArchiveOptions): FiscalArchive {
  const { db, tillId } = options
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
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
  const countBetween = db.prepare<[string, string, number, number], { n: number }>(
    'SELECT count(*) AS n FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence BETWEEN ? AND ?',
  )
  const pageOf = db.prepare<[string, string, number, number, number], RecordRow>(
    'SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?',
  )
  const closingsBetween = db.prepare<[string, string, number, number], RecordRow>(
    "SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence BETWEEN ? AND ? AND kind LIKE 'closing\\_%' ESCAPE '\\' ORDER BY sequence",
  )
  const at = db.prepare<[string, string, number], RecordRow>('SELECT * FROM fiscal_records WHERE till_id = ? AND chain = ? AND sequence = ?')

  const anchors = purgeAnchors(db)
  // After a purge, 'every closed day' starts the day after the purged detail: the earlier archives hold the rest.
  const purgedThrough = [...anchors.entries()].filter(([key]) => key.startsWith(`${tillId}|`)).map(([, anchor]) => anchor.throughDay).sort().at(-1)
  const fromDay = period.fromDay ?? (purgedThrough ? addDays(purgedThrough, 1) : null)
  const chains: FiscalArchiveChain[] = []
  const closings: RecordRow[] = []
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
    const firstRow = at.get(tillId, chain, first)
    if (!firstRow) continue
    const before = first > 1 ? at.get(tillId, chain, first - 1) : undefined
    // The record before the period may be gone with a purge of older detail: its anchor has its grand totals.
    const purgedBefore = !before && anchor?.throughSequence === first - 1 ? anchor : null
    // The slice ends at the closing (numbers are without gaps: the last row is the closing).
    chains.push({
      chain,
      records: countBetween.get(tillId, chain, first, closing.sequence)!.n,
      firstSequence: first,
      lastSequence: closing.sequence,
      firstPreviousSignature: firstRow.previous_signature,
      gtNetStart: before?.gt_net ?? purgedBefore?.gtNet ?? 0,
      gtAbsoluteStart: before?.gt_absolute ?? purgedBefore?.gtAbsolute ?? 0,
      gtNetEnd: closing.gt_net,
      gtAbsoluteEnd: closing.gt_absolute,
    })
    closings.push(...closingsBetween.all(tillId, chain, first, closing.sequence))
    if (endAt === null || Date.parse(closing.occurred_at) > Date.parse(endAt)) endAt = closing.occurred_at
  }
  if (endAt === null) throw new FiscalPeriodOpenError(options.period)

  /** Every record of the archive, chain after chain, in batches. */
  function* recordBatches(): Generator<RecordRow[]> {
    for (const chain of chains) {
      yield* batchesOf((after, limit) => pageOf.all(tillId, chain.chain, after, chain.lastSequence, limit), chain.firstSequence - 1, batchSize)
    }
  }

  const end = Date.parse(endAt)
  // The JET of the period, as one unbroken slice of its chain (from its first event in the period to its last).
  const inPeriod = (event: Pick<EventRow, 'occurred_at'>) => (fromDay === null || event.occurred_at.slice(0, 10) >= fromDay) && Date.parse(event.occurred_at) <= end
  let firstEvent: EventRow | null = null
  let lastEventSequence: number | null = null
  let eventCount = 0
  // A first pass over the dates alone finds the slice; its count is the events between, whatever their dates.
  for (const event of db.prepare<[string], Pick<EventRow, 'sequence' | 'occurred_at'>>('SELECT sequence, occurred_at FROM fiscal_events WHERE till_id = ? ORDER BY sequence').iterate(tillId)) {
    if (inPeriod(event)) lastEventSequence = event.sequence
  }
  if (lastEventSequence !== null) {
    for (const event of db.prepare<[string], Pick<EventRow, 'sequence' | 'occurred_at'>>('SELECT sequence, occurred_at FROM fiscal_events WHERE till_id = ? ORDER BY sequence').iterate(tillId)) {
      if (firstEvent === null && inPeriod(event)) firstEvent = { sequence: event.sequence } as EventRow
      if (firstEvent !== null) eventCount += 1
      if (event.sequence === lastEventSequence) break
    }
  }
  if (firstEvent) firstEvent = db.prepare<[string, number], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? AND sequence = ?').get(tillId, firstEvent.sequence) ?? null
  const eventPage = db.prepare<[string, number, number, number], EventRow>('SELECT * FROM fiscal_events WHERE till_id = ? AND sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?')
  function* eventBatches(): Generator<EventRow[]> {
    if (!firstEvent || lastEventSequence === null) return
    const last = lastEventSequence
    yield* batchesOf((after, limit) => eventPage.all(tillId, after, last, limit), firstEvent.sequence - 1, batchSize)
  }

  // The last day a daily closing covers (a Z is often written the morning after its day).
  const closedThrough = closings
    .map((row) => (JSON.parse(row.payload) as { day?: string }).day)
    .filter((day): day is string => typeof day === 'string')
    .sort()
    .at(-1)

  const zip = new StreamedZip()
  // One record a line, the same fields in the same order as stored.
  zip.file('records.jsonl', (function* () {
    for (const rows of recordBatches()) yield rows.map((row) => `${JSON.stringify(row, RECORD_COLUMNS as string[])}\n`).join('')
  })())
  zip.file('records.csv', (function* () {
    yield csvLine(['chain', 'numero', 'type', 'date', 'operateur', 'commande', 'montant_ttc_centimes', 'gt_net_centimes', 'gt_absolu_centimes', 'signature'], true)
    for (const rows of recordBatches()) {
      yield rows.map((row) => csvLine([row.chain, row.sequence, row.kind, row.occurred_at, row.operator_name, row.order_id, row.amount_ttc, row.gt_net, row.gt_absolute, row.signature])).join('')
    }
  })())
  zip.file('events.jsonl', (function* () {
    for (const rows of eventBatches()) yield rows.map((row) => `${JSON.stringify(row)}\n`).join('')
  })())
  zip.file(
    'closings.csv',
    [
      csvLine(['chain', 'numero', 'type', 'date', 'periode', 'total_net_centimes', 'total_absolu_centimes', 'gt_net_centimes', 'gt_absolu_centimes'], true),
      ...closings.map((row) => {
        const payload = JSON.parse(row.payload) as { day?: string; period?: string; dayTotals?: { net?: number; absolute?: number }; periodTotals?: { net?: number; absolute?: number } }
        const totals = payload.dayTotals ?? payload.periodTotals
        return csvLine([row.chain, row.sequence, row.kind, row.occurred_at, payload.day ?? payload.period, totals?.net, totals?.absolute, row.gt_net, row.gt_absolute])
      }),
    ],
  )
  zip.file('public-key.pem', [options.signer.publicKeyPem()])
  const manifest: FiscalArchiveManifest = {
    format: FISCAL_ARCHIVE_FORMAT,
    app: { name: options.appName, version: options.appVersion, schemaVersion: db.pragma('user_version', { simple: true }) as number },
    tillId,
    period: { label: options.period, kind: period.kind, fromDay, toDay: closedThrough ?? endAt.slice(0, 10) },
    createdAt: options.createdAt,
    chains,
    events: {
      count: eventCount,
      firstSequence: firstEvent?.sequence ?? null,
      lastSequence: firstEvent ? lastEventSequence : null,
      firstPreviousSignature: firstEvent?.previous_signature ?? null,
    },
    files: zip.files,
  }
  const manifestJson = `${JSON.stringify(manifest, null, 1)}\n`
  zip.file('manifest.json', [manifestJson], false)
  zip.file('manifest.sig', [`${options.signer.sign(manifestJson)}\n`], false)
  const fileName = `comptoir-archive-fiscale-${tillId}-${options.period}.zip`.replace(/[^A-Za-z0-9._-]/g, '_')
  return { fileName, bytes: zip.end(), manifest }
}
