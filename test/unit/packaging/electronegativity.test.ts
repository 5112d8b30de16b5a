import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Runs Doyensec's Electronegativity over the code that talks to Electron (src/main and
 * src/preload) and allows no finding above LOW severity unless the allowlist next to this file
 * gives a written reason for it.
 */

interface Finding {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: string; value: number }
  confidence: { name: string }
  description: string
}
interface ScanResult {
  atomicChecks: number
  globalChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: Finding[]
}
type Electronegativity = (options: Record<string, unknown>, forCli?: boolean) => Promise<ScanResult>
interface Allowlist {
  excludedChecks: { check: string; reason: string }[]
  findings: { id: string; severity: string; file: string; reason: string }[]
}

const projectRoot = resolve(import.meta.dirname, '../../..')
const allowlist = JSON.parse(
  readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8'),
) as Allowlist
const LOW = 1

let scanRoot = ''
let controlRoot = ''
let result: ScanResult
let control: ScanResult

const scan = (input: string) => {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Electronegativity
  return run(
    {
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: allowlist.excludedChecks.map((entry) => entry.check),
      parserPlugins: [],
    },
    false,
  )
}

// A window written the insecure way, to prove the scanner does catch what it is trusted with.
const INSECURE_WINDOW = `import { BrowserWindow } from 'electron'
export const open = () =>
  new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } })
`

beforeAll(async () => {
  // Electronegativity scans one folder: gather the Electron-facing code and package.json (from
  // which it reads the Electron version) into a temporary one.
  scanRoot = mkdtempSync(join(tmpdir(), 'comptoir-electronegativity-'))
  for (const folder of ['src/main', 'src/preload']) {
    cpSync(join(projectRoot, folder), join(scanRoot, folder), { recursive: true })
  }
  cpSync(join(projectRoot, 'package.json'), join(scanRoot, 'package.json'))
  controlRoot = mkdtempSync(join(tmpdir(), 'comptoir-electronegativity-control-'))
  cpSync(join(projectRoot, 'package.json'), join(controlRoot, 'package.json'))
  writeFileSync(join(controlRoot, 'insecure-window.ts'), INSECURE_WINDOW)
  result = await scan(scanRoot)
  control = await scan(controlRoot)
}, 60_000)

afterAll(() => {
  for (const root of [scanRoot, controlRoot])
    if (root) rmSync(root, { recursive: true, force: true })
})

const isAllowed = (finding: Finding) =>
  allowlist.findings.some(
    (entry) =>
      entry.id === finding.id &&
      entry.file === finding.file &&
      entry.severity === finding.severity.name,
  )

describe('Electronegativity', () => {
  it('ran its checks over every file it was given', () => {
    expect(result.atomicChecks).toBeGreaterThan(20)
    expect(result.errors.filter((error) => !error.tolerable)).toEqual([])
  })

  it('finds nothing above low severity that is not explained in the allowlist', () => {
    const unexplained = result.issues
      .filter((finding) => finding.severity.value > LOW && !isAllowed(finding))
      .map(
        (finding) =>
          `${finding.id} ${finding.severity.name} ${finding.file}:${finding.location.line}`,
      )
    expect(unexplained).toEqual([])
  })

  it('sees the hardening it looks for: isolation, sandbox, navigation limits, permission handler', () => {
    const hardening = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]
    // The same checks do fire on a window written the insecure way...
    const controlIds = new Set(control.issues.map((finding) => finding.id))
    for (const id of hardening) expect(controlIds.has(id), `control: ${id}`).toBe(true)
    // ...and stay quiet on ours.
    const ids = new Set(result.issues.map((finding) => finding.id))
    for (const id of [...hardening, 'NODE_INTEGRATION_JS_CHECK'])
      expect(ids.has(id), id).toBe(false)
  })

  it('keeps no stale suppression, and each one says why', () => {
    for (const entry of allowlist.findings) {
      const stillFound = result.issues.some(
        (finding) =>
          finding.id === entry.id &&
          finding.file === entry.file &&
          finding.severity.name === entry.severity,
      )
      expect(stillFound, `${entry.id} in ${entry.file} is no longer reported`).toBe(true)
      expect(entry.reason.length).toBeGreaterThan(40)
    }
    for (const entry of allowlist.excludedChecks) expect(entry.reason.length).toBeGreaterThan(40)
  })
})
