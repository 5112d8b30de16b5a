import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { heading } from './bench-harness'
import { createFiscalRegister } from '../../src/main/fiscal'
import { merchantMigrations } from '../../src/main/migrations'
import { createLogger } from '../../src/platform/logging/logger'
import { openDatabase } from '../../src/platform/sqlite/open-database'

/** Records in the archive (a shop selling 1,000 tickets a day makes ~365,000 a year). */
const RECORDS = Number(process.env.COMPTOIR_BENCH_ARCHIVE_RECORDS ?? 50_000)
const MB = 1024 * 1024
/** A cap on each phase's V8 old space, in MB (none by default): a streamed archive is made and checked within a small one. */
const HEAP = Number(process.env.COMPTOIR_BENCH_ARCHIVE_HEAP_MB ?? 0)

interface Phase {
  ms: number
  startRss: number
  peakRss: number
  detail: string
}

/** Runs one phase in its own process (fiscal-archive-phase.ts), so its peak memory is measured alone. */
function phase(name: string, dataDir: string): Phase {
  const run = spawnSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', join(__dirname, 'fiscal-archive-phase.ts'), name, dataDir], {
    encoding: 'utf8',
    cwd: join(__dirname, '..', '..'),
    maxBuffer: 16 * MB,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${HEAP ? `--max-old-space-size=${HEAP}` : ''}`.trim() },
  })
  if (run.status !== 0) throw new Error(`the ${name} phase failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Phase
}

/**
 * The fiscal archive of a busy period (issue 14): RECORDS tickets of ~1.9 KB archived to a file
 * and verified from it, each in its own process, against the bare read of the same rows as JSON
 * lines: the time, and the peak RSS above the process's RSS at the start of the phase (flat when
 * the archive is streamed; the first format held every record in one string, capped near 537M
 * characters, ~280,000 records).
 */
export function run(): void {
  heading(`Fiscal archive of ${RECORDS} records, made and verified streamed (issue 14)${HEAP ? `, old space capped at ${HEAP} MB` : ''}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-archive-'))
  try {
    const seed = randomBytes(32)
    writeFileSync(join(dataDir, 'seed'), seed)
    const db = openDatabase(join(dataDir, 'comptoir.sqlite'), merchantMigrations)
    const clock = { now: new Date('2026-11-29T10:00:00Z') }
    const fiscal = createFiscalRegister({ db, tillId: 'BENCH', signingKey: seed, dataDir, timeZone: () => 'Europe/Paris', now: () => clock.now, logger: createLogger(undefined, { quiet: true }) })
    writeFileSync(join(dataDir, 'public.pem'), fiscal.signer.publicKeyPem())
    // A ticket's payload of about the size a real one has (lines, VAT, payments), to ~1.9 KB a record.
    const lines = Array.from({ length: 8 }, (_, index) => ({ sku: `SKU-${index}`, label: `Article de démonstration n° ${index}`, quantity: 1, unitTtc: 450, vatRate: 2000, discounts: [] }))
    db.transaction(() => {
      for (let index = 0; index < RECORDS - 1; index++) {
        fiscal.journal.record('ticket', { lines, payments: [{ mode: 'cash', amount: 3600 }], totals: { ttc: 3600, ht: 3000, vat: 600 } }, { id: null, name: 'Bench' }, { amountTtc: 3600 })
      }
    })()
    clock.now = new Date('2026-11-30T07:00:00Z')
    fiscal.closeDay({ id: 1 })
    db.close()

    const read = phase('read', dataDir)
    const make = phase('make', dataDir)
    const verify = phase('verify', dataDir)
    const row = (label: string, measured: Phase) =>
      console.log(
        `${label.padEnd(48)} ${(measured.ms / 1000).toFixed(1).padStart(7)} s, ${((RECORDS / measured.ms) * 1000).toFixed(0).padStart(6)} records/s, ` +
          `peak RSS +${((measured.peakRss - measured.startRss) / MB).toFixed(0)} MB (${measured.detail})`,
      )
    row('bare read of the rows as JSON lines (baseline)', read)
    row('archive made (records.jsonl, CSV, events)', make)
    row('archive verified from its file', verify)
    console.log(`${'made / bare read'.padEnd(48)} ${(make.ms / read.ms).toFixed(1)} x the time (load average ${loadavg()[0]!.toFixed(1)})`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
