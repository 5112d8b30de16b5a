import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One temporary root for the whole run: every test, server and browser writes its temporary
 * folders below it (TMPDIR). Under `npm test` the root comes from test/support/run-suite.mjs,
 * which keeps it for the leak scan that runs after Vitest and removes it at the end; a targeted
 * `npx vitest run <files>` gets a root of its own, removed when it ends.
 */
export default function setup(): () => void {
  const given = process.env.COMPTOIR_SUITE_ROOT
  const root = given ?? mkdtempSync(join(tmpdir(), 'comptoir-suite-'))
  process.env.TMPDIR = root
  process.env.COMPTOIR_SUITE_ROOT = root
  process.env.COMPTOIR_KEEP_TEST_DATA = '1'
  // tsx would keep its compile cache (the project's own source, test cards of the issuer seed
  // included) below TMPDIR: it is code, not data, and the scan reads every folder.
  process.env.TSX_DISABLE_CACHE = '1'
  return () => {
    if (!given) rmSync(root, { recursive: true, force: true })
  }
}
