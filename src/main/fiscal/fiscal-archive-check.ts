import { createHash, type Hash, type KeyObject } from 'node:crypto'
import { strFromU8 } from 'fflate'
import { DayTally, eventFields, recordProblem, type EventRow, type RecordRow } from './fiscal-chain-check'
import type { FiscalArchiveChain, FiscalArchiveManifest } from './fiscal-archive'
import { FISCAL_ARCHIVE_FORMAT, FISCAL_ARCHIVE_FORMAT_V1 } from './fiscal-archive'
import { bytesOf, fileBytes, lineReader, unzipStreamed, wholeReader, type ArchiveBytes } from './fiscal-archive-stream'
import { eventSignedContent, publicKeyFromPem, signatureHolds } from './fiscal-signature'

export type { ArchiveBytes } from './fiscal-archive-stream'

/**
 * The check of a fiscal archive (a ZIP made by fiscal-archive.ts) with nothing of the app: the
 * manifest's signature (with the archive's public key, and with the trusted one when given), each
 * file's SHA-256, then every record's signature, link, number and grand total from the manifest's
 * starting point, the closings against their records, and the JET's chain.
 *
 * The archive is read streamed, twice: once for its small files (manifest, signature, key), then
 * every file is decompressed piece by piece, hashed, and its records checked line by line; a year
 * of a busy shop never becomes one string. The first format's `records.json` and `events.json`
 * (one JSON array each, archives made before the streamed ones) are still read, whole.
 */

type ArchiveFileName = 'records.json' | 'events.json' | 'records.jsonl' | 'events.jsonl'

export interface FiscalArchiveCheckReport {
  ok: boolean
  /** The archive cannot be trusted as a whole (signature, format: nothing further was checked; a file's hash: its records are still checked). */
  refused: string | null
  manifest: FiscalArchiveManifest | null
  records: number
  events: number
  broken: { file: ArchiveFileName; chain: string; sequence: number; problem: string } | null
}

interface ChainState {
  chain: FiscalArchiveChain
  previous: { sequence: number; signature: string; gtNet: number; gtAbsolute: number }
  days: DayTally
  rows: number
  broken: { sequence: number; problem: string } | null
}

/** Record after record, each against the one before it in its chain; the first broken one per chain is kept. */
class RecordsCheck {
  private readonly chains = new Map<string, ChainState>()
  private strays = 0

  constructor(
    private readonly manifest: FiscalArchiveManifest,
    private readonly key: KeyObject,
  ) {
    for (const chain of manifest.chains) {
      this.chains.set(chain.chain, {
        chain,
        previous: { sequence: chain.firstSequence - 1, signature: chain.firstPreviousSignature, gtNet: chain.gtNetStart, gtAbsolute: chain.gtAbsoluteStart },
        days: new DayTally(),
        rows: 0,
        broken: null,
      })
    }
  }

  row(row: RecordRow): void {
    const state = row.till_id === this.manifest.tillId ? this.chains.get(row.chain) : undefined
    if (!state) {
      this.strays += 1
      return
    }
    if (state.broken) return
    let problem = recordProblem(row, state.previous, this.key)
    if (!problem) {
      // A closing of a day or period before the archive's (written after its first records) belongs to the previous archive.
      const payload = JSON.parse(row.payload) as { day?: string; period?: string }
      const fromDay = this.manifest.period.fromDay
      const earlier = fromDay !== null && (payload.day ?? `${payload.period ?? ''}-99`) < fromDay
      problem = earlier ? null : state.days.closingProblem(row)
    }
    if (problem) {
      state.broken = { sequence: row.sequence, problem }
      return
    }
    state.previous = { sequence: row.sequence, signature: row.signature, gtNet: row.gt_net, gtAbsolute: row.gt_absolute }
    state.days.add(row)
    state.rows += 1
  }

  /** The first broken record in the manifest's order of chains, the records checked up to it, and any record of no chain. */
  finish(): { records: number; broken: { chain: string; sequence: number; problem: string } | null; strays: number } {
    let records = 0
    for (const { chain, previous, rows, broken } of this.chains.values()) {
      records += rows
      if (broken) return { records, broken: { chain: chain.chain, ...broken }, strays: this.strays }
      if (previous.sequence !== chain.lastSequence || rows !== chain.records) {
        const problem = `record ${previous.sequence + 1}${chain.lastSequence > previous.sequence + 1 ? ` to ${chain.lastSequence}` : ''} missing at the end (the manifest says ${chain.records} records up to ${chain.lastSequence})`
        return { records, broken: { chain: chain.chain, sequence: previous.sequence + 1, problem }, strays: this.strays }
      }
      if (previous.gtNet !== chain.gtNetEnd || previous.gtAbsolute !== chain.gtAbsoluteEnd) {
        const problem = `the grand totals at the end are not the manifest's (${chain.gtNetEnd} net, ${chain.gtAbsoluteEnd} absolute)`
        return { records, broken: { chain: chain.chain, sequence: previous.sequence, problem }, strays: this.strays }
      }
    }
    return { records, broken: null, strays: this.strays }
  }
}

/** The JET's slice: numbers without gaps, links, signatures. */
class EventsCheck {
  private previous: { sequence: number; signature: string }
  private count = 0
  private broken: { sequence: number; problem: string } | null = null

  constructor(
    private readonly manifest: FiscalArchiveManifest,
    private readonly key: KeyObject,
  ) {
    this.previous = { sequence: (manifest.events.firstSequence ?? 1) - 1, signature: manifest.events.firstPreviousSignature ?? '' }
  }

  row(row: EventRow): void {
    if (this.broken) return
    let problem: string | null = null
    if (row.sequence !== this.previous.sequence + 1) problem = `event ${this.previous.sequence + 1} missing before it (gap in the numbering)`
    else if (row.previous_signature !== this.previous.signature) problem = 'its previous signature is not the signature of the event before it'
    else if (!signatureHolds(this.key, eventSignedContent(eventFields(row)), row.signature)) problem = 'its content no longer matches its signature (altered)'
    if (problem) {
      this.broken = { sequence: row.sequence, problem }
      return
    }
    this.previous = { sequence: row.sequence, signature: row.signature }
    this.count += 1
  }

  finish(): { events: number; broken: { sequence: number; problem: string } | null } {
    if (this.broken) return { events: this.count, broken: this.broken }
    const { count, lastSequence } = this.manifest.events
    if (this.count !== count || (lastSequence ?? 0) !== (this.count ? this.previous.sequence : 0)) {
      return { events: this.count, broken: { sequence: this.previous.sequence + 1, problem: `events missing at the end (the manifest says ${count})` } }
    }
    return { events: this.count, broken: null }
  }
}

/** Checks an archive in memory (as the purge and the tests have it). */
export function checkFiscalArchive(zip: Uint8Array, trustedKey?: KeyObject): FiscalArchiveCheckReport {
  return checkFiscalArchiveStreamed(bytesOf(zip), trustedKey)
}

/** Checks an archive file without reading it whole (`npm run fiscal:verify -- <archive.zip>`). */
export function checkFiscalArchiveFile(path: string, trustedKey?: KeyObject): FiscalArchiveCheckReport {
  return checkFiscalArchiveStreamed(fileBytes(path), trustedKey)
}

export function checkFiscalArchiveStreamed(bytes: ArchiveBytes, trustedKey?: KeyObject): FiscalArchiveCheckReport {
  const report: FiscalArchiveCheckReport = { ok: false, refused: null, manifest: null, records: 0, events: 0, broken: null }
  const refuse = (why: string) => ({ ...report, refused: why })
  const small: Record<string, Uint8Array> = {}
  let names: string[]
  try {
    names = unzipStreamed(bytes, (name) =>
      name === 'manifest.json' || name === 'manifest.sig' || name === 'public-key.pem' ? wholeReader((data) => (small[name] = data)) : null,
    )
  } catch {
    return refuse('not a readable ZIP file')
  }
  if (names.length === 0) return refuse('not a readable ZIP file')
  const manifestBytes = small['manifest.json']
  const signature = small['manifest.sig']
  const pem = small['public-key.pem']
  if (!manifestBytes || !signature || !pem) return refuse('manifest.json, manifest.sig or public-key.pem is missing')
  const manifestJson = strFromU8(manifestBytes)
  let archiveKey: KeyObject
  try {
    archiveKey = publicKeyFromPem(strFromU8(pem))
  } catch {
    return refuse('public-key.pem is not a public key')
  }
  const signed = strFromU8(signature).trim()
  if (!signatureHolds(archiveKey, manifestJson, signed)) return refuse("manifest.sig is not the signature of manifest.json by the archive's public key")
  if (trustedKey && !signatureHolds(trustedKey, manifestJson, signed)) return refuse('manifest.sig is not the signature of manifest.json by the trusted public key given')
  const manifest = JSON.parse(manifestJson) as FiscalArchiveManifest
  report.manifest = manifest
  if (manifest.format !== FISCAL_ARCHIVE_FORMAT && manifest.format !== FISCAL_ARCHIVE_FORMAT_V1) return refuse(`unknown archive format ${String(manifest.format)}`)
  for (const file of manifest.files) {
    if (!names.includes(file.name)) return refuse(`${file.name} is listed in the manifest but missing`)
  }
  const lines = manifest.format === FISCAL_ARCHIVE_FORMAT
  const recordsFile: ArchiveFileName = lines ? 'records.jsonl' : 'records.json'
  const eventsFile: ArchiveFileName = lines ? 'events.jsonl' : 'events.json'
  for (const name of [recordsFile, eventsFile]) {
    if (!manifest.files.some((file) => file.name === name)) return refuse(`${name} is not listed in the manifest`)
  }

  const key = trustedKey ?? archiveKey
  const records = new RecordsCheck(manifest, key)
  const events = new EventsCheck(manifest, key)
  const hashes = new Map<string, Hash>(manifest.files.map((file) => [file.name, createHash('sha256')]))
  let notJson: string | null = null
  const parse = <Row>(name: string, into: (row: Row) => void) => {
    if (lines) {
      return lineReader((line, number) => {
        try {
          into(JSON.parse(line) as Row)
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error
          notJson ??= `${name} line ${number} is not JSON`
        }
      })
    }
    return wholeReader((data) => {
      try {
        for (const row of JSON.parse(strFromU8(data)) as Row[]) into(row)
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error
        notJson ??= 'records.json or events.json is not JSON'
      }
    })
  }
  const readers: Record<string, (piece: Uint8Array, final: boolean) => void> = {
    [recordsFile]: parse<RecordRow>(recordsFile, (row) => records.row(row)),
    [eventsFile]: parse<EventRow>(eventsFile, (row) => events.row(row)),
  }
  try {
    unzipStreamed(bytes, (name) => {
      const hash = hashes.get(name)
      const rows = readers[name]
      if (!hash && !rows) return null
      return (piece, final) => {
        hash?.update(piece)
        rows?.(piece, final)
      }
    })
  } catch {
    return refuse('not a readable ZIP file')
  }
  for (const file of manifest.files) {
    // An altered file is refused, and the records are still checked so that the altered one is named.
    if (hashes.get(file.name)!.digest('hex') !== file.sha256) {
      report.refused ??= `${file.name} does not match its SHA-256 in the manifest (altered)`
      break
    }
  }
  if (notJson) return refuse(report.refused ?? notJson)

  const recordsChecked = records.finish()
  report.records = recordsChecked.records
  if (recordsChecked.broken) return { ...report, broken: { file: recordsFile, ...recordsChecked.broken } }
  if (recordsChecked.strays > 0) return { ...report, refused: report.refused ?? `${recordsFile} holds records of no chain of the manifest` }
  const eventsChecked = events.finish()
  report.events = eventsChecked.events
  if (eventsChecked.broken) return { ...report, broken: { file: eventsFile, chain: 'jet', ...eventsChecked.broken } }
  return { ...report, ok: report.refused === null }
}
