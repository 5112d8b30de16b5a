import { randomBytes, verify } from 'node:crypto'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { heading, measure, reportRatio, reportThroughput, type Measurement } from './bench-harness'
import { openRawSale, readSaleRows } from './raw-sale'
import { openSaleBench } from './sale-scenario'
import { createFiscalRegister } from '../../src/main/fiscal'
import { FiscalSigner, recordSignedContent } from '../../src/main/fiscal/fiscal-signature'
import { createLogger } from '../../src/platform/logging/logger'
import { checkFiscalChains } from '../../src/main/fiscal'
import { checkFiscalChainsInParallel } from '../../src/main/fiscal/fiscal-chain-check-parallel'
import { recordFields, type RecordRow } from '../../src/main/fiscal/fiscal-chain-check'
import { SignaturePool } from '../../src/main/fiscal/signature-pool'
import { merchantMigrations } from '../../src/main/migrations'
import { openDatabase } from '../../src/platform/sqlite/open-database'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SALES = Number(process.env.COMPTOIR_BENCH_FISCAL_SALES ?? 300)
/** Records the verifier's bench checks (a busy till's year is about a million). */
const RECORDS = Number(process.env.COMPTOIR_BENCH_FISCAL_RECORDS ?? 100_000)

/** Records the bare verify loop prepares in memory (their buffers), so a million stays within the machine's memory. */
const BARE_SAMPLE = 100_000

/** Records per second of a run over `records` rows that took `ms`. */
const perSecond = (records: number, ms: number): number => (records / ms) * 1000

/**
 * The full check (what `npm run fiscal:verify` runs) over a journal of RECORDS tickets: on one
 * thread (the app's "verify now") and with the signatures on worker threads (the command line's),
 * in records per second against the floor of a bare loop of node:crypto's Ed25519 verify over the
 * same records' signed contents, prepared beforehand (no read, no JSON, no chain), and against
 * reading and parsing the same rows.
 */
async function timeVerifier(payload: unknown, amountTtc: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-fiscal-'))
  const db = openDatabase(join(dataDir, 'comptoir.sqlite'), merchantMigrations)
  const workers = availableParallelism()
  let pool: SignaturePool | null = null
  try {
    const fiscal = createFiscalRegister({
      db,
      tillId: 'BENCH',
      signingKey: randomBytes(32),
      dataDir,
      timeZone: () => 'Europe/Paris',
      now: () => new Date(),
      logger: createLogger(undefined, { quiet: true }),
    })
    const started = performance.now()
    db.transaction(() => {
      for (let index = 0; index < RECORDS; index++) fiscal.journal.record('ticket', payload, { id: null, name: 'Bench' }, { amountTtc })
    })()
    const written = (performance.now() - started) / 1000
    console.log(`${'journal written and signed'.padEnd(48)} ${RECORDS} records in ${written.toFixed(1)} s (${(RECORDS / written).toFixed(0)}/s)`)
    const read = measure(() => {
      for (const row of db.prepare<[], { payload: string }>('SELECT * FROM fiscal_records ORDER BY id').iterate()) JSON.parse(row.payload)
    }, 3, 1)

    const sample = db.prepare<[number], RecordRow>('SELECT * FROM fiscal_records ORDER BY id LIMIT ?').all(Math.min(RECORDS, BARE_SAMPLE))
    const signed = sample.map((row) => ({ content: Buffer.from(recordSignedContent(recordFields(row)), 'utf8'), signature: Buffer.from(row.signature, 'base64') }))
    const key = fiscal.signer.publicKey
    const bare = measure(() => {
      for (const { content, signature } of signed) if (!verify(null, content, key, signature)) throw new Error('a bench signature does not verify')
    }, 1, 0)
    const barePerSecond = perSecond(signed.length, bare.medianMs)

    const sequential = measure(() => {
      if (!checkFiscalChains(db, key).ok) throw new Error('the bench journal does not verify')
    }, 1, 0)
    pool = new SignaturePool(fiscal.signer.publicKeyPem(), workers)
    const parallelStart = performance.now()
    const report = await checkFiscalChainsInParallel(db, pool)
    const parallelMs = performance.now() - parallelStart
    if (!report.ok) throw new Error('the bench journal does not verify on worker threads')

    const rows = RECORDS + report.events
    reportThroughput('bare node:crypto verify loop, one thread', barePerSecond, barePerSecond, `the floor, over ${signed.length} of the records`)
    reportThroughput('full check, one thread (verify now)', perSecond(rows, sequential.medianMs), barePerSecond, 'bare verify loop')
    reportThroughput(`full check, ${workers} worker thread(s) (fiscal:verify)`, perSecond(rows, parallelMs), barePerSecond, 'bare verify loop')
    reportRatio(`full check of ${RECORDS} records, ${workers} worker(s)`, { medianMs: parallelMs, samples: 1 }, sequential, 'the same check on one thread')
    reportRatio('full check, one thread', sequential, read, 'reading and parsing the same rows')
    console.log(
      `${'a million records'.padEnd(48)} about ${((parallelMs * 1_000_000) / RECORDS / 1000).toFixed(0)} s on worker threads, ` +
        `${((sequential.medianMs * 1_000_000) / RECORDS / 1000).toFixed(0)} s on one thread (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
    )
  } finally {
    await pool?.close()
    db.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function medianOf(values: number[]): Measurement {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return { medianMs: sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, samples: values.length }
}

function elapsed(fn: () => unknown): number {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * What the fiscal journal costs a sale (issue 14): the raw transaction of one sale's rows
 * (test/bench/raw-sale.ts) with and without the sale's ticket written in it, taken in turn so
 * both meet the same load; the ticket is the one a real sale signed (its canonical payload), so
 * the difference is the sequence, the grand totals, the Ed25519 signature and the row.
 */
export async function run(): Promise<void> {
  heading(`Fiscal journal: signing and writing the ticket in the sale's transaction (issue 14), ${SALES} sales`)
  const real = await openSaleBench('in-process')
  const orderId = await real.sale()
  const rows = readSaleRows(real, orderId)
  const ticket = real.app.fiscal.journal.page({ kind: 'ticket', fromDay: null, toDay: null }, null, 1)[0]!
  await real.close()

  const raw = openRawSale(rows)
  const journaled = openRawSale(rows, (db, dataDir) => {
    const fiscal = createFiscalRegister({
      db,
      tillId: 'BENCH',
      signingKey: randomBytes(32),
      dataDir,
      timeZone: () => 'Europe/Paris',
      now: () => new Date(),
      logger: createLogger(undefined, { quiet: true }),
    })
    return (id) => fiscal.journal.record('ticket', ticket.payload, ticket.operator, { amountTtc: ticket.amountTtc, orderId: id })
  })
  try {
    const samples = { raw: [] as number[], journaled: [] as number[] }
    for (let round = 0; round < SALES + 20; round++) {
      const times = [elapsed(() => raw.once()), elapsed(() => journaled.once())]
      if (round < 20) continue
      samples.raw.push(times[0]!)
      samples.journaled.push(times[1]!)
    }
    const base = medianOf(samples.raw)
    const withJournal = medianOf(samples.journaled)
    reportRatio('raw sale with its signed ticket', withJournal, base, 'raw sale, same rows, no journal')
    console.log(`${'added per sale'.padEnd(48)} ${(withJournal.medianMs - base.medianMs).toFixed(3).padStart(9)} ms (median difference)`)

    const signer = new FiscalSigner(randomBytes(32))
    const content = recordSignedContent({
      tillId: 'BENCH', chain: 'real', sequence: 1, kind: 'ticket', occurredAt: ticket.occurredAt, operatorId: 1, operatorName: 'x',
      orderId: 1, amountTtc: ticket.amountTtc, gtNet: 1, gtAbsolute: 1, payloadJson: JSON.stringify(ticket.payload), previousSignature: 'GENESIS',
    })
    const signing = measure(() => signer.sign(content), 2000, 100)
    console.log(`${'Ed25519 signature of one ticket alone'.padEnd(48)} ${signing.medianMs.toFixed(3).padStart(9)} ms median (${content.length} bytes signed)`)
  } finally {
    raw.close()
    journaled.close()
  }
  await timeVerifier(ticket.payload, ticket.amountTtc)
}
