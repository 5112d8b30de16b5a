import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FiscalPeriodOpenError, makeFiscalArchive, type FiscalArchiveManifest } from '../../../src/main/fiscal/fiscal-archive'
import { checkFiscalArchive } from '../../../src/main/fiscal/fiscal-archive-check'
import { DownloadTickets } from '../../../src/main/rpc/download-tickets'
import { sellAtTill } from '../back-office/back-office-kit'
import { createTempApp, type TempApp } from '../../support/temp-app'

const ROOT = join(import.meta.dirname, '..', '..', '..')
let subject: TempApp
let db: Database.Database
let work: string

/** `npm run fiscal:verify -- <archive.zip>`, as an auditor runs it: its own process, no app. */
function verify(file: string, ...more: string[]): { status: number | null; out: string } {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/fiscal-verify.ts', file, ...more], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { status: run.status, out: run.stdout + run.stderr }
}

function archive(period: string) {
  return makeFiscalArchive({
    db,
    signer: subject.app.fiscal.signer,
    tillId: 'TILL-01',
    period,
    createdAt: '2026-12-02T10:00:00+01:00',
    appName: 'Comptoir',
    appVersion: null,
  })
}

function write(name: string, bytes: Uint8Array): string {
  const file = join(work, name)
  writeFileSync(file, bytes)
  return file
}

/** The archive's files changed by `change`, zipped again as they are (nothing fixed up unless `change` does). */
function altered(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes)
  change(files)
  return zipSync(files)
}

/** records.jsonl: one JSON record a line. */
function linesOf(bytes: Uint8Array): unknown[] {
  return strFromU8(bytes).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown)
}

function jsonl(rows: unknown[]): Uint8Array {
  return strToU8(rows.map((row) => `${JSON.stringify(row)}\n`).join(''))
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'comptoir-archive-'))
  const clock = { now: new Date('2026-11-29T10:00:00Z') }
  subject = createTempApp({ now: () => clock.now })
  const staff = async () => {
    await subject.loginAs('admin')
    await subject.loginAs('cashier', 'cashier')
  }
  await staff()
  await sellAtTill(subject, { cash: true })
  await sellAtTill(subject, { cash: true })
  clock.now = new Date('2026-11-30T10:00:00Z')
  await staff()
  await subject.value('fiscal.closeDay', {})
  await sellAtTill(subject, { cash: true })
  // The 1st of December: closing the 30th closes November too.
  clock.now = new Date('2026-12-01T10:00:00Z')
  await staff()
  await subject.value('fiscal.closeDay', {})
  await sellAtTill(subject, { cash: true })
  clock.now = new Date('2026-12-02T10:00:00Z')
  await staff()
  await subject.value('fiscal.closeDay', {})
  db = new Database(join(subject.dataDir, 'comptoir.sqlite'), { readonly: true })
}, 60_000)

afterAll(() => {
  db?.close()
  subject?.dispose()
  rmSync(work, { recursive: true, force: true })
})

describe('the fiscal archive', () => {
  it('holds a closed month with its signed manifest, and npm run fiscal:verify finds it whole', () => {
    const made = archive('2026-11')
    const files = unzipSync(made.bytes)
    expect(Object.keys(files).sort()).toEqual(['closings.csv', 'events.jsonl', 'manifest.json', 'manifest.sig', 'public-key.pem', 'records.csv', 'records.jsonl'])
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as FiscalArchiveManifest
    const real = manifest.chains.find((chain) => chain.chain === 'real')!
    // Two sales on the 29th, their Z, a sale on the 30th, its Z and November's closing.
    expect(real).toMatchObject({ firstSequence: 1, lastSequence: 6, records: 6, gtNetStart: 0, firstPreviousSignature: 'GENESIS' })
    expect(manifest.period).toEqual({ label: '2026-11', kind: 'month', fromDay: '2026-11-01', toDay: '2026-11-30' })
    expect(manifest.files.find((file) => file.name === 'records.jsonl')!.sha256).toBe(createHash('sha256').update(files['records.jsonl']!).digest('hex'))
    // A BOM, then `;` between cells: French Excel opens it as it is.
    expect(Buffer.from(files['records.csv']!).subarray(0, 21).toString('utf8')).toBe('\uFEFFchain;numero;type;')
    expect(strFromU8(files['closings.csv']!)).toContain('closing_month')
    const file = write('november.zip', made.bytes)
    const { status, out } = verify(file, '--public-key', join(subject.dataDir, 'keys', 'fiscal-public-key.pem'))
    expect(out).toMatch(/^OK: 6 records and \d+ events/m)
    expect(status).toBe(0)
  })

  it('starts a later month from the grand total and signature the month before left', () => {
    const made = archive('closed')
    const real = made.manifest.chains.find((chain) => chain.chain === 'real')!
    expect(real.firstSequence).toBe(1)
    expect(verify(write('closed.zip', made.bytes)).status).toBe(0)
  })

  it('names the record one byte of whose records.jsonl was changed', () => {
    const bytes = altered(archive('2026-11').bytes, (files) => {
      const text = strFromU8(files['records.jsonl']!)
      const changed = text.replace('"quantity\\":1', '"quantity\\":2')
      expect(changed).not.toBe(text)
      files['records.jsonl'] = strToU8(changed)
    })
    const { status, out } = verify(write('byte.zip', bytes))
    expect(out).toMatch(/^REFUSED: records\.jsonl does not match its SHA-256/m)
    expect(out).toMatch(/^BROKEN: records\.jsonl, chain real, record 1: its content no longer matches its signature \(altered\)/m)
    expect(status).toBe(1)
  })

  it('refuses a recomputed hash without a valid manifest signature', () => {
    const bytes = altered(archive('2026-11').bytes, (files) => {
      const records = linesOf(files['records.jsonl']!) as { sequence: number; payload: string }[]
      records[1]!.payload = records[1]!.payload.replace('"quantity":1', '"quantity":2')
      files['records.jsonl'] = jsonl(records)
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as FiscalArchiveManifest
      manifest.files.find((file) => file.name === 'records.jsonl')!.sha256 = createHash('sha256').update(files['records.jsonl']!).digest('hex')
      files['manifest.json'] = strToU8(JSON.stringify(manifest))
    })
    const { status, out } = verify(write('rehashed.zip', bytes))
    expect(out).toMatch(/^REFUSED: manifest\.sig is not the signature of manifest\.json/m)
    expect(status).toBe(1)
  })

  it("finds no record signed by a forger's own key put in the archive, and refuses his manifest against the trusted key", async () => {
    const { generateKeyPairSync, sign } = await import('node:crypto')
    const forger = generateKeyPairSync('ed25519')
    const bytes = altered(archive('2026-11').bytes, (files) => {
      const records = linesOf(files['records.jsonl']!) as { sequence: number; payload: string }[]
      records[1]!.payload = records[1]!.payload.replace('"quantity":1', '"quantity":2')
      files['records.jsonl'] = jsonl(records)
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as FiscalArchiveManifest
      manifest.files.find((file) => file.name === 'records.jsonl')!.sha256 = createHash('sha256').update(files['records.jsonl']!).digest('hex')
      files['public-key.pem'] = strToU8(forger.publicKey.export({ format: 'pem', type: 'spki' }).toString())
      manifest.files.find((file) => file.name === 'public-key.pem')!.sha256 = createHash('sha256').update(files['public-key.pem']).digest('hex')
      const json = JSON.stringify(manifest)
      files['manifest.json'] = strToU8(json)
      files['manifest.sig'] = strToU8(sign(null, Buffer.from(json), forger.privateKey).toString('base64'))
    })
    const file = write('forged.zip', bytes)
    expect(verify(file).out).toMatch(/^BROKEN: records\.jsonl, chain real, record 1: its content no longer matches its signature/m)
    const trusted = verify(file, '--public-key', join(subject.dataDir, 'keys', 'fiscal-public-key.pem'))
    expect(trusted.out).toMatch(/^REFUSED: manifest\.sig is not the signature of manifest\.json by the trusted public key/m)
    expect(trusted.status).toBe(1)
  })

  it('names the gap when a record is removed and the manifest re-signed by the till key', () => {
    const made = archive('2026-11')
    const bytes = altered(made.bytes, (files) => {
      const records = linesOf(files['records.jsonl']!) as { sequence: number }[]
      files['records.jsonl'] = jsonl(records.filter((record) => record.sequence !== 2))
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as FiscalArchiveManifest
      manifest.files.find((file) => file.name === 'records.jsonl')!.sha256 = createHash('sha256').update(files['records.jsonl']!).digest('hex')
      const json = `${JSON.stringify(manifest, null, 1)}\n`
      files['manifest.json'] = strToU8(json)
      files['manifest.sig'] = strToU8(subject.app.fiscal.signer.sign(json))
    })
    const { status, out } = verify(write('gap.zip', bytes))
    expect(out).toMatch(/^BROKEN: records\.jsonl, chain real, record 3: record 2 missing before it \(gap in the numbering\)/m)
    expect(status).toBe(1)
  })

  it('refuses a period no closing covers', () => {
    expect(() => archive('2026-12')).toThrow(FiscalPeriodOpenError)
  })

  it('is made by an administrator through fiscal.archive, fetched once by its download ticket, and written in the audit log and the JET', async () => {
    await subject.loginAs('admin')
    const answer = await subject.value('fiscal.archive', { period: '2026-11' })
    expect(answer).toMatchObject({ fileName: 'comptoir-archive-fiscale-TILL-01-2026-11.zip', records: 6 })
    const redeemed = subject.app.downloads.redeem(DownloadTickets.ticketOf(answer.url)!, () => true)
    if (!redeemed.ok) throw new Error(redeemed.reason)
    expect(redeemed.download.contentType).toBe('application/zip')
    const pieces: Uint8Array[] = []
    const iterator = redeemed.download.pieces()
    for (let piece = await iterator.next(); !piece.done; piece = await iterator.next()) pieces.push(typeof piece.value === 'string' ? strToU8(piece.value) : piece.value)
    const report = checkFiscalArchive(Buffer.concat(pieces), subject.app.fiscal.signer.publicKey)
    expect(report).toMatchObject({ ok: true, records: 6 })
    const jet = db.prepare<[], { kind: string; details: string }>("SELECT kind, details FROM fiscal_events WHERE kind = 'fiscal.archive.exported'").all()
    expect(jet).toHaveLength(1)
    expect(jet[0]!.details).toContain('2026-11')
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'fiscal.archive.exported'").pluck().get()).toBe(1)
  })

  it('answers FISCAL_PERIOD_OPEN for a period not closed yet, and refuses a cashier', async () => {
    await subject.loginAs('admin')
    expect(await subject.call('fiscal.archive', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'FISCAL_PERIOD_OPEN' } })
    expect(await subject.call('fiscal.archive', { period: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    await subject.loginAs('cashier', 'till')
    expect(await subject.call('fiscal.archive', { period: '2026-11' }, 'till')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
