/**
 * `npm run fiscal:verify -- <data folder> [--public-key <file.pem>]`: the independent check of a
 * till's fiscal journal and technical event log (JET). It opens the data folder's database
 * read-only and the till's public key (`<data folder>/keys/fiscal-public-key.pem` unless given),
 * and uses no service of the app: every signature and link of each chain, the numbering without
 * gaps, the grand totals recomputed from the records. It prints a summary and the first broken
 * record (till, chain, number, what is wrong); exit code 0 when everything holds, 1 when something
 * is broken, 2 when it cannot check. The signatures are verified on worker threads (one per core
 * unless `--workers <n>`; `--workers 0` verifies them in order on the main thread), while the
 * numbering, links, grand totals and closings are checked in order: the same first broken record.
 *
 * `npm run fiscal:verify -- <archive.zip> [--public-key <file.pem>]` checks a fiscal archive instead
 * (fiscal-archive-check.ts): an auditor passes the till's public key from a trusted source; without
 * it only the key inside the archive vouches for it. Same exit codes; a refused archive is 1.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { checkFiscalArchiveFile } from '../src/main/fiscal/fiscal-archive-check'
import { checkFiscalChains } from '../src/main/fiscal/fiscal-chain-check'
import { checkFiscalChainsInParallel } from '../src/main/fiscal/fiscal-chain-check-parallel'
import { SignaturePool } from '../src/main/fiscal/signature-pool'
import { publicKeyFromPem } from '../src/main/fiscal/fiscal-signature'

const DATABASE_FILE = 'comptoir.sqlite'
const PUBLIC_KEY_FILE = join('keys', 'fiscal-public-key.pem')

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

/** Checks a fiscal archive, prints what holds or the first broken record, and exits. */
function verifyArchive(file: string, trustedKeyFile = values['public-key']): never {
  const trusted = trustedKeyFile ? publicKeyFromPem(readFileSync(resolve(trustedKeyFile), 'utf8')) : undefined
  // Read streamed: an archive of a busy year is larger than a string can hold.
  const report = checkFiscalArchiveFile(file, trusted)
  const out: string[] = [`Fiscal archive ${file}`, `Public key: ${trustedKeyFile ? resolve(trustedKeyFile) : 'the one inside the archive (give --public-key from a trusted source)'}`]
  const manifest = report.manifest
  if (manifest) {
    out.push(`  till ${manifest.tillId}, period ${manifest.period.label} (to ${manifest.period.toDay}), made ${manifest.createdAt} by ${manifest.app.name}`)
    for (const chain of manifest.chains) {
      out.push(
        `  chain ${chain.chain}: ${chain.records} records, numbers ${chain.firstSequence} to ${chain.lastSequence}, ` +
          `GT net ${chain.gtNetStart} -> ${chain.gtNetEnd}, GT absolute ${chain.gtAbsoluteStart} -> ${chain.gtAbsoluteEnd} (minor units)`,
      )
    }
  }
  if (report.refused) out.push(`REFUSED: ${report.refused}`)
  if (report.broken) out.push(`BROKEN: ${report.broken.file}, chain ${report.broken.chain}, ${report.broken.file.startsWith('events') ? 'JET event' : 'record'} ${report.broken.sequence}: ${report.broken.problem}`)
  else if (!report.refused) out.push(`OK: ${report.records} records and ${report.events} events, the manifest's signature, every file's SHA-256, every signature, link, number, grand total and closing holds`)
  process.stdout.write(`${out.join('\n')}\n`)
  process.exit(report.ok ? 0 : 1)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'public-key': { type: 'string' }, 'data-dir': { type: 'string' }, workers: { type: 'string' } },
})
const folder = positionals[0] ?? values['data-dir']
if (!folder) fail('Usage: npm run fiscal:verify -- <data folder | archive.zip> [--public-key <file.pem>] [--workers <n>]')
const workers = values.workers === undefined ? availableParallelism() : Number(values.workers)
if (!Number.isInteger(workers) || workers < 0) fail(`--workers is a whole number (0: no worker thread), not "${values.workers}"`)
if (!existsSync(resolve(folder))) fail(`Nothing at ${resolve(folder)}`)
if (statSync(resolve(folder)).isFile()) verifyArchive(resolve(folder))
const dataDir = resolve(folder)
const file = join(dataDir, DATABASE_FILE)
if (!existsSync(file)) fail(`No Comptoir database in ${dataDir}`)
const keyFile = resolve(values['public-key'] ?? join(dataDir, PUBLIC_KEY_FILE))
if (!existsSync(keyFile)) fail(`No public key at ${keyFile} (give --public-key)`)

/** Checks the data folder's journal and JET, prints the summary or the first broken record, sets the exit code. */
async function verifyFolder(): Promise<void> {
  const started = performance.now()
  const db = new Database(file, { readonly: true, fileMustExist: true })
  const pem = readFileSync(keyFile, 'utf8')
  const pool = workers > 0 ? new SignaturePool(pem, workers) : null
  try {
    const report = pool ? await checkFiscalChainsInParallel(db, pool) : checkFiscalChains(db, publicKeyFromPem(pem))
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const out: string[] = [`Fiscal journal of ${dataDir}`, `Public key: ${keyFile}`]
    for (const chain of report.chains) {
      out.push(
        `  till ${chain.tillId}, chain ${chain.chain}: ${chain.records} records, numbers 1 to ${chain.lastSequence}, ` +
          `GT net ${chain.gtNet}, GT absolute ${chain.gtAbsolute} (minor units)`,
      )
    }
    out.push(`  JET: ${report.events} events checked`)
    if (report.ok) {
      const rate = Math.round((report.records + report.events) / Math.max(Number(seconds), 0.001))
      out.push(`OK: ${report.records} records and ${report.events} events, every signature, link, number and grand total holds (${seconds} s, ${rate} rows/s, ${workers} worker thread(s))`)
      process.stdout.write(`${out.join('\n')}\n`)
      process.exitCode = 0
    } else {
      const broken = report.broken!
      const what = broken.table === 'fiscal_events' ? 'JET event' : 'record'
      out.push(`BROKEN: till ${broken.tillId}, chain ${broken.chain}, ${what} ${broken.sequence} (row id ${broken.id}): ${broken.problem}`)
      process.stdout.write(`${out.join('\n')}\n`)
      process.exitCode = 1
    }
  } finally {
    await pool?.close()
    db.close()
  }
}

verifyFolder().catch((error: unknown) => fail(`Could not check: ${error instanceof Error ? error.message : String(error)}`))
