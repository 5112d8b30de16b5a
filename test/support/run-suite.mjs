// `npm test` after the build: Vitest over the unit, renderer and end-to-end projects, then the
// card data leak scan as its own step, over the one run folder every test wrote below; whatever
// the number of cores, the scan starts only once every other test has finished. Ends with the
// plain `Tests: N passed, N failed, N skipped` line for both steps together.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = mkdtempSync(join(tmpdir(), 'comptoir-suite-'))
const summaryFolder = mkdtempSync(join(tmpdir(), 'comptoir-summary-'))
const summaryFile = join(summaryFolder, 'counts.jsonl')
const env = { ...process.env, COMPTOIR_SUITE_ROOT: root, COMPTOIR_SUMMARY_FILE: summaryFile }
const vitest = join(import.meta.dirname, '../../node_modules/vitest/vitest.mjs')

function step(args) {
  const run = spawnSync(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit', env })
  return run.status ?? 1
}

let status = 0
let counts = { passed: 0, failed: 0, skipped: 0 }
try {
  const steps = [process.argv.slice(2), ['--config', 'vitest.leak-scan.config.mts']]
  for (const args of steps) {
    const before = readCounts().length
    const code = step(args)
    const written = readCounts().slice(before)
    // A step that died before its reporter wrote (a config error, a crash) counts as a failure.
    if (written.length === 0 && code !== 0) counts.failed++
    for (const line of written) {
      counts.passed += line.passed
      counts.failed += line.failed
      counts.skipped += line.skipped
    }
    if (code !== 0) status = code
  }
} finally {
  rmSync(root, { recursive: true, force: true })
  rmSync(summaryFolder, { recursive: true, force: true })
}
if (counts.failed > 0 && status === 0) status = 1
process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
process.exit(status)

function readCounts() {
  try {
    return readFileSync(summaryFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  } catch {
    return []
  }
}
