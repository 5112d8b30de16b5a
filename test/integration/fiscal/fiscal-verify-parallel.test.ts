import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFiscalRegister, checkFiscalChains, type FiscalRegister } from '../../../src/main/fiscal'
import { checkFiscalChainsInParallel } from '../../../src/main/fiscal/fiscal-chain-check-parallel'
import { recordFields, type RecordRow } from '../../../src/main/fiscal/fiscal-chain-check'
import { recordSignedContent } from '../../../src/main/fiscal/fiscal-signature'
import { SignaturePool } from '../../../src/main/fiscal/signature-pool'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'
import { createLogger } from '../../../src/platform/logging/logger'

/**
 * fiscal:verify verifies the signatures on worker threads, batch by batch (1,000 rows), while it
 * checks the order, links and totals on its own thread: whatever is broken, and wherever the
 * batches cut, it must name the same first broken record as the one-thread check.
 */
const RECORDS = 2_600
let folder: string
let db: SqliteDatabase
let fiscal: FiscalRegister
let pool: SignaturePool

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'comptoir-verify-parallel-'))
  db = openDatabase(join(folder, 'comptoir.sqlite'), merchantMigrations)
  fiscal = createFiscalRegister({
    db,
    tillId: 'TILL-01',
    signingKey: randomBytes(32),
    dataDir: folder,
    timeZone: () => 'Europe/Paris',
    now: () => new Date('2026-12-07T10:00:00Z'),
    logger: createLogger(undefined, { quiet: true }),
  })
  fiscal.start()
  db.transaction(() => {
    for (let index = 1; index <= RECORDS; index++) {
      const ttc = 100 + index
      fiscal.journal.record('ticket', { orderNumber: `T-${index}`, totals: { ttc } }, { id: null, name: 'Bench' }, { amountTtc: ttc })
    }
  })()
  db.exec('DROP TRIGGER fiscal_records_refuse_update; DROP TRIGGER fiscal_records_refuse_delete; DROP TRIGGER fiscal_events_refuse_update')
  pool = new SignaturePool(fiscal.signer.publicKeyPem(), 2)
}, 60_000)

afterAll(async () => {
  await pool?.close()
  db?.close()
  rmSync(folder, { recursive: true, force: true })
})

beforeEach(() => {
  db.exec('SAVEPOINT altered')
  return () => db.exec('ROLLBACK TO altered; RELEASE altered')
})

async function bothChecks() {
  const key = fiscal.signer.publicKey
  return { sequential: checkFiscalChains(db, key), parallel: await checkFiscalChainsInParallel(db, pool) }
}

const set = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values)

describe('fiscal:verify on worker threads names what the one-thread check names', () => {
  it('a whole journal: every record and event, the same chains and grand totals', async () => {
    const { sequential, parallel } = await bothChecks()
    expect(parallel).toEqual(sequential)
    expect(parallel).toMatchObject({ ok: true, records: RECORDS })
  })

  it.each([
    ['one byte of a payload in the third batch', () => set("UPDATE fiscal_records SET payload = replace(payload, 'T-2345', 'T-2346') WHERE sequence = 2345"), 2345, /altered/],
    ['a grand total rewritten in the first batch', () => set('UPDATE fiscal_records SET gt_net = gt_net + 1 WHERE sequence = 17'), 17, /altered/],
    ['a deleted record at a batch edge', () => set('DELETE FROM fiscal_records WHERE sequence = 1000'), 1001, /record 1000 missing before it/],
    [
      'an altered record (second batch) before a gap (third batch): the altered one is first',
      () => {
        set("UPDATE fiscal_records SET payload = replace(payload, 'T-1500', 'T-1501') WHERE sequence = 1500")
        set('DELETE FROM fiscal_records WHERE sequence = 2200')
      },
      1500,
      /altered/,
    ],
    [
      'a gap (first batch) before an altered record (third batch): the gap is first',
      () => {
        set('DELETE FROM fiscal_records WHERE sequence = 300')
        set("UPDATE fiscal_records SET payload = replace(payload, 'T-2500', 'T-2501') WHERE sequence = 2500")
      },
      301,
      /record 300 missing before it/,
    ],
    [
      'a record whose link and signature both fail: the link is named, as in order',
      () => {
        set("UPDATE fiscal_records SET previous_signature = 'forged' WHERE sequence = 800")
      },
      800,
      /previous signature is not the signature of the record before it/,
    ],
    [
      'a payload whose TTC is not its amount, signed again with the till’s key: its signature holds, its amount is named',
      () => {
        const row = db.prepare<[], RecordRow>('SELECT * FROM fiscal_records WHERE sequence = 1234').get()!
        const payload = row.payload.replace(`"ttc":${row.amount_ttc}`, `"ttc":${row.amount_ttc + 1}`)
        const signature = fiscal.signer.sign(recordSignedContent(recordFields({ ...row, payload })))
        set('UPDATE fiscal_records SET payload = ?, signature = ? WHERE sequence = 1234', payload, signature)
      },
      1234,
      /its amount \d+ is not the TTC of its payload/,
    ],
  ])('%s', async (_name, alter, sequence, problem) => {
    alter()
    const { sequential, parallel } = await bothChecks()
    expect(parallel.broken).toEqual(sequential.broken)
    expect(parallel.broken).toMatchObject({ table: 'fiscal_records', sequence, problem: expect.stringMatching(problem) })
    expect(parallel.ok).toBe(false)
  })

  it('an altered JET event is named in the JET', async () => {
    set("UPDATE fiscal_events SET details = replace(details, 'TILL-01', 'TILL-02') WHERE sequence = 1")
    const { sequential, parallel } = await bothChecks()
    expect(parallel.broken).toEqual(sequential.broken)
    expect(parallel.broken).toMatchObject({ table: 'fiscal_events', chain: 'jet', sequence: 1, problem: expect.stringMatching(/altered/) })
  })
})
