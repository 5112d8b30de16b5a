import { randomBytes } from 'node:crypto'
import { heading, measure, reportRatio, type Measurement } from './bench-harness'
import { openRawSale, readSaleRows } from './raw-sale'
import { openSaleBench } from './sale-scenario'
import { createFiscalRegister } from '../../src/main/fiscal'
import { FiscalSigner, recordSignedContent } from '../../src/main/fiscal/fiscal-signature'
import { createLogger } from '../../src/platform/logging/logger'
import { checkFiscalChains } from '../../src/main/fiscal'
import { merchantMigrations } from '../../src/main/migrations'
import { openDatabase } from '../../src/platform/sqlite/open-database'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SALES = Number(process.env.COMPTOIR_BENCH_FISCAL_SALES ?? 300)
/** Records the verifier's bench checks (a busy till's year is about a million). */
const RECORDS = Number(process.env.COMPTOIR_BENCH_FISCAL_RECORDS ?? 100_000)

/**
 * The full check (what `npm run fiscal:verify` runs) over a journal of RECORDS tickets, against
 * reading the same rows and parsing their payloads: the signatures' share of the time.
 */
function timeVerifier(payload: unknown, amountTtc: number): void {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-fiscal-'))
  const db = openDatabase(join(dataDir, 'comptoir.sqlite'), merchantMigrations)
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
    const read = measure(() => {
      for (const row of db.prepare<[], { payload: string }>('SELECT * FROM fiscal_records ORDER BY id').iterate()) JSON.parse(row.payload)
    }, 3, 1)
    const check = measure(() => {
      if (!checkFiscalChains(db, fiscal.signer.publicKey).ok) throw new Error('the bench journal does not verify')
    }, 1, 0)
    reportRatio(`full check of ${RECORDS} records (fiscal:verify)`, check, read, 'reading and parsing the same rows')
    console.log(
      `${'verified per second'.padEnd(48)} ${((RECORDS / check.medianMs) * 1000).toFixed(0).padStart(9)} records/s ` +
        `(written and signed: ${(RECORDS / written).toFixed(0)}/s; a million records: about ${((check.medianMs * 1_000_000) / RECORDS / 1000).toFixed(0)} s)`,
    )
  } finally {
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
  timeVerifier(ticket.payload, ticket.amountTtc)
}
