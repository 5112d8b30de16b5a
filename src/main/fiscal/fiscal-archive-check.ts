import { createHash, type KeyObject } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { DayTally, eventFields, recordProblem, type EventRow, type RecordRow } from './fiscal-chain-check'
import type { FiscalArchiveManifest } from './fiscal-archive'
import { FISCAL_ARCHIVE_FORMAT } from './fiscal-archive'
import { eventSignedContent, publicKeyFromPem, signatureHolds } from './fiscal-signature'

/**
 * The check of a fiscal archive (a ZIP made by fiscal-archive.ts) with nothing of the app: the
 * manifest's signature (with the archive's public key, and with the trusted one when given), each
 * file's SHA-256, then every record's signature, link, number and grand total from the manifest's
 * starting point, the closings against their records, and the JET's chain.
 */

export interface FiscalArchiveCheckReport {
  ok: boolean
  /** The archive cannot be trusted as a whole (signature, format: nothing further was checked; a file's hash: its records are still checked). */
  refused: string | null
  manifest: FiscalArchiveManifest | null
  records: number
  events: number
  broken: { file: 'records.json' | 'events.json'; chain: string; sequence: number; problem: string } | null
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function checkFiscalArchive(zip: Uint8Array, trustedKey?: KeyObject): FiscalArchiveCheckReport {
  const report: FiscalArchiveCheckReport = { ok: false, refused: null, manifest: null, records: 0, events: 0, broken: null }
  const refuse = (why: string) => ({ ...report, refused: why })
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip)
  } catch {
    return refuse('not a readable ZIP file')
  }
  const manifestBytes = files['manifest.json']
  const signature = files['manifest.sig']
  const pem = files['public-key.pem']
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
  if (manifest.format !== FISCAL_ARCHIVE_FORMAT) return refuse(`unknown archive format ${String(manifest.format)}`)
  for (const file of manifest.files) {
    const bytes = files[file.name]
    if (!bytes) return refuse(`${file.name} is listed in the manifest but missing`)
    // An altered file is refused, and the records are still checked so that the altered one is named.
    if (sha256(bytes) !== file.sha256) report.refused ??= `${file.name} does not match its SHA-256 in the manifest (altered)`
  }
  for (const name of ['records.json', 'events.json']) {
    if (!manifest.files.some((file) => file.name === name)) return refuse(`${name} is not listed in the manifest`)
  }

  const key = trustedKey ?? archiveKey
  let records: RecordRow[]
  let events: EventRow[]
  try {
    records = JSON.parse(strFromU8(files['records.json']!)) as RecordRow[]
    events = JSON.parse(strFromU8(files['events.json']!)) as EventRow[]
  } catch {
    return refuse(report.refused ?? 'records.json or events.json is not JSON')
  }
  for (const chain of manifest.chains) {
    const rows = records.filter((row) => row.chain === chain.chain && row.till_id === manifest.tillId)
    let previous = { sequence: chain.firstSequence - 1, signature: chain.firstPreviousSignature, gtNet: chain.gtNetStart, gtAbsolute: chain.gtAbsoluteStart }
    const days = new DayTally()
    for (const row of rows) {
      let problem = recordProblem(row, previous, key)
      if (!problem) {
        // A closing of a day or period before the archive's (written after its first records) belongs to the previous archive.
        const payload = JSON.parse(row.payload) as { day?: string; period?: string }
        const earlier = manifest.period.fromDay !== null && (payload.day ?? `${payload.period ?? ''}-99`) < manifest.period.fromDay
        problem = earlier ? null : days.closingProblem(row)
      }
      if (problem) return { ...report, broken: { file: 'records.json', chain: chain.chain, sequence: row.sequence, problem } }
      previous = { sequence: row.sequence, signature: row.signature, gtNet: row.gt_net, gtAbsolute: row.gt_absolute }
      days.add(row)
      report.records += 1
    }
    if (previous.sequence !== chain.lastSequence || rows.length !== chain.records) {
      return { ...report, broken: { file: 'records.json', chain: chain.chain, sequence: previous.sequence + 1, problem: `record ${previous.sequence + 1}${chain.lastSequence > previous.sequence + 1 ? ` to ${chain.lastSequence}` : ''} missing at the end (the manifest says ${chain.records} records up to ${chain.lastSequence})` } }
    }
    if (previous.gtNet !== chain.gtNetEnd || previous.gtAbsolute !== chain.gtAbsoluteEnd) {
      return { ...report, broken: { file: 'records.json', chain: chain.chain, sequence: previous.sequence, problem: `the grand totals at the end are not the manifest's (${chain.gtNetEnd} net, ${chain.gtAbsoluteEnd} absolute)` } }
    }
  }
  if (report.records !== records.length) return { ...report, refused: report.refused ?? 'records.json holds records of no chain of the manifest' }

  let previous = { sequence: (manifest.events.firstSequence ?? 1) - 1, signature: manifest.events.firstPreviousSignature ?? '' }
  for (const row of events) {
    let problem: string | null = null
    if (row.sequence !== previous.sequence + 1) problem = `event ${previous.sequence + 1} missing before it (gap in the numbering)`
    else if (row.previous_signature !== previous.signature) problem = 'its previous signature is not the signature of the event before it'
    else if (!signatureHolds(key, eventSignedContent(eventFields(row)), row.signature)) problem = 'its content no longer matches its signature (altered)'
    if (problem) return { ...report, broken: { file: 'events.json', chain: 'jet', sequence: row.sequence, problem } }
    previous = { sequence: row.sequence, signature: row.signature }
    report.events += 1
  }
  if (report.events !== manifest.events.count || (manifest.events.lastSequence ?? 0) !== (events.length ? previous.sequence : 0)) {
    return { ...report, broken: { file: 'events.json', chain: 'jet', sequence: previous.sequence + 1, problem: `events missing at the end (the manifest says ${manifest.events.count})` } }
  }
  return { ...report, ok: report.refused === null }
}
