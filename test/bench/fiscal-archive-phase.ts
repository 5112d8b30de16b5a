/**
 * One phase of the fiscal archive's bench (fiscal-archive.bench.ts), in a process of its own so
 * that its peak memory is its own: `read` (the bare read of the records, each as its JSON line,
 * the baseline), `make` (the archive written to a file) or `verify` (the file checked). Prints one
 * JSON line: milliseconds, the RSS at the start and the peak RSS, in bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { makeFiscalArchive } from '../../src/main/fiscal/fiscal-archive'
import { checkFiscalArchiveFile } from '../../src/main/fiscal/fiscal-archive-check'
import { FiscalSigner, publicKeyFromPem } from '../../src/main/fiscal/fiscal-signature'

const [phase, dataDir] = process.argv.slice(2) as [string, string]
const db = new Database(join(dataDir, 'comptoir.sqlite'), { readonly: true })
const file = join(dataDir, 'archive.zip')
const startRss = process.memoryUsage.rss()
const started = performance.now()
let detail = ''
if (phase === 'read') {
  let bytes = 0
  for (const row of db.prepare('SELECT * FROM fiscal_records ORDER BY chain, sequence').iterate()) bytes += JSON.stringify(row).length + 1
  detail = `${bytes} characters`
} else if (phase === 'make') {
  const signer = new FiscalSigner(readFileSync(join(dataDir, 'seed')))
  const made = makeFiscalArchive({ db, signer, tillId: 'BENCH', period: 'closed', createdAt: new Date().toISOString(), appName: 'Comptoir', appVersion: null })
  writeFileSync(file, made.bytes)
  detail = `${made.bytes.length} bytes zipped`
} else if (phase === 'verify') {
  const report = checkFiscalArchiveFile(file, publicKeyFromPem(readFileSync(join(dataDir, 'public.pem'), 'utf8')))
  if (!report.ok) throw new Error(`the bench archive does not verify: ${JSON.stringify(report.broken ?? report.refused)}`)
  detail = `${report.records} records, ${report.events} events`
}
const ms = performance.now() - started
// resourceUsage().maxRSS is in KiB: the process's peak.
process.stdout.write(`${JSON.stringify({ ms, startRss, peakRss: process.resourceUsage().maxRSS * 1024, detail })}\n`)
db.close()
