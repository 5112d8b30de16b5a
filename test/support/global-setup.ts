import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One temporary root for the whole run: every test, server and browser writes its temporary
 * folders below it (TMPDIR), and the leak scan reads it all at the end.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'comptoir-suite-'))
  process.env.TMPDIR = root
  process.env.COMPTOIR_LEAK_SCAN_ROOT = root
  process.env.COMPTOIR_KEEP_TEST_DATA = '1'
  return () => rmSync(root, { recursive: true, force: true })
}
