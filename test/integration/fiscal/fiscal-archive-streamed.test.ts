import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFiscalRegister, type FiscalRegister } from '../../../src/main/fiscal'
import { FISCAL_ARCHIVE_FORMAT_V1, makeFiscalArchive, type FiscalArchiveManifest } from '../../../src/main/fiscal/fiscal-archive'
import { checkFiscalArchive, checkFiscalArchiveFile } from '../../../src/main/fiscal/fiscal-archive-check'
import { merchantMigrations } from '../../../src/main/migrations'
import { createLogger } from '../../../src/platform/logging/logger'
import { openDatabase } from '../../../src/platform/sqlite/open-database'
import type { SqliteDatabase } from '../../../src/platform/sqlite/open-database'

/**
 * The archive of a busy period, streamed: the same files whatever the batch of rows read at a
 * time, an archive of the first format (one records.json array) still checked, and an archive of
 * 50,000 records made and verified from its file.
 */

let work: string
let db: SqliteDatabase
let fiscal: FiscalRegister
const clock = { now: new Date('2026-11-27T10:00:00Z') }
const CASHIER = { id: null, name: 'Camille Martin' }

function archive(period: string, batchSize?: number) {
  return makeFiscalArchive({ db, signer: fiscal.signer, tillId: 'TILL-BUSY', period, createdAt: '2026-12-02T10:00:00+01:00', appName: 'Comptoir', appVersion: null, batchSize })
}

/** Tickets on the till's day, signed and chained as the till writes them. */
function sell(tickets: number): void {
  db.transaction(() => {
    for (let index = 0; index < tickets; index++) {
      const ttc = 450 + (index % 11) * 10
      fiscal.journal.record('ticket', { lines: [{ sku: `MUG-${index % 7}`, quantity: 1 }], totals: { ttc } }, CASHIER, { amountTtc: ttc })
    }
  })()
}

function linesOf(bytes: Uint8Array): Record<string, unknown>[] {
  return strFromU8(bytes).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'comptoir-archive-streamed-'))
  db = openDatabase(join(work, 'comptoir.sqlite'), merchantMigrations)
  fiscal = createFiscalRegister({
    db,
    tillId: 'TILL-BUSY',
    signingKey: randomBytes(32),
    dataDir: work,
    timeZone: () => 'Europe/Paris',
    now: () => clock.now,
    logger: createLogger(undefined, { quiet: true }),
  })
  // Three days of a few sales each, each day closed the next morning.
  for (const [day, next] of [['2026-11-27', '2026-11-28'], ['2026-11-28', '2026-11-29']] as const) {
    clock.now = new Date(`${day}T10:00:00Z`)
    sell(7)
    clock.now = new Date(`${next}T07:00:00Z`)
    fiscal.closeDay({ id: 1 })
  }
}, 60_000)

afterAll(() => {
  db?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the streamed fiscal archive', () => {
  it('holds the same records and events, one a line, read 3 rows at a time as 2,000', () => {
    const small = unzipSync(archive('closed', 3).bytes)
    const large = unzipSync(archive('closed').bytes)
    for (const name of ['records.jsonl', 'events.jsonl', 'records.csv', 'closings.csv']) expect(strFromU8(small[name]!), name).toBe(strFromU8(large[name]!))
    const records = linesOf(small['records.jsonl']!)
    // 7 tickets and a Z, twice: several batches of 3.
    expect(records.map((record) => record.sequence)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1))
    expect(records.filter((record) => record.kind === 'closing_day')).toHaveLength(2)
    const manifest = JSON.parse(strFromU8(small['manifest.json']!)) as FiscalArchiveManifest
    expect(manifest.chains[0]).toMatchObject({ records: 16, firstSequence: 1, lastSequence: 16 })
    expect(linesOf(small['events.jsonl']!)).toHaveLength(manifest.events.count)
    expect(checkFiscalArchive(archive('closed', 3).bytes, fiscal.signer.publicKey)).toMatchObject({ ok: true, records: 16, events: manifest.events.count })
  })

  it("still checks an archive of the first format (records.json and events.json, one array each), and names its broken record", () => {
    const files = unzipSync(archive('closed').bytes)
    const records = linesOf(files['records.jsonl']!)
    const events = linesOf(files['events.jsonl']!)
    /** The archive as the first format wrote it: manifest /1, the arrays, the manifest re-signed by the till. */
    const firstFormat = (rows: Record<string, unknown>[]) => {
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as FiscalArchiveManifest
      const old: Record<string, Uint8Array> = {
        'records.json': strToU8(`${JSON.stringify(rows, null, 1)}\n`),
        'records.csv': files['records.csv']!,
        'events.json': strToU8(`${JSON.stringify(events, null, 1)}\n`),
        'closings.csv': files['closings.csv']!,
        'public-key.pem': files['public-key.pem']!,
      }
      manifest.format = FISCAL_ARCHIVE_FORMAT_V1
      manifest.files = Object.entries(old).map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }))
      const json = `${JSON.stringify(manifest, null, 1)}\n`
      return zipSync({ 'manifest.json': strToU8(json), 'manifest.sig': strToU8(`${fiscal.signer.sign(json)}\n`), ...old })
    }
    expect(checkFiscalArchive(firstFormat(records), fiscal.signer.publicKey)).toMatchObject({ ok: true, records: 16, events: events.length, refused: null })
    const altered = records.map((record) => (record.sequence === 5 ? { ...record, payload: String(record.payload).replace('"quantity":1', '"quantity":2') } : record))
    expect(checkFiscalArchive(firstFormat(altered), fiscal.signer.publicKey).broken).toMatchObject({ file: 'records.json', chain: 'real', sequence: 5 })
  })

  it('makes and verifies, from its file, an archive of 50,000 records (seven weeks of a shop selling 1,000 tickets a day)', () => {
    clock.now = new Date('2026-11-29T10:00:00Z')
    sell(50_000 - 16 - 1)
    clock.now = new Date('2026-11-30T07:00:00Z')
    fiscal.closeDay({ id: 1 })
    const made = archive('closed')
    expect(made.manifest.chains[0]).toMatchObject({ records: 50_000, lastSequence: 50_000 })
    const file = join(work, 'busy.zip')
    writeFileSync(file, made.bytes)
    const report = checkFiscalArchiveFile(file, fiscal.signer.publicKey)
    expect(report).toMatchObject({ ok: true, refused: null, broken: null, records: 50_000, events: made.manifest.events.count })
  }, 600_000)
})
