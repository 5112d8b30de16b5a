import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesBelow, scanFile, type Finding } from './card-data-finder'

/**
 * Runs after every other test, as its own step (`test/support/run-suite.mjs`: Vitest over the
 * unit, renderer and end-to-end projects, then this scan), over everything the suite and the app
 * wrote: databases, WAL files, key files, logs, exports, browser profiles, in any folder, of any
 * size. PCI DSS 3.2 and 3.3: no full card number and no security code may be found, in clear,
 * anywhere. Card numbers are recognised by brand prefix, length and Luhn check (card-data-finder),
 * so a card a new test brings is covered without being listed here.
 */
const root = process.env.COMPTOIR_SUITE_ROOT

describe('card data leak scan over everything the test suite wrote', () => {
  it('has a run folder to scan, with what the unit, integration and end-to-end tests wrote', () => {
    expect(root, 'run through `npm test` (test/support/run-suite.mjs), which sets COMPTOIR_SUITE_ROOT').toBeTruthy()
    const files = [...filesBelow(root!)].map((file) => relative(root!, file))
    // createTempApp's folders (unit and integration), the issuer kit's, browser-mode servers' (end-to-end).
    expect(files.filter((file) => /^comptoir-test-[^/]+\/comptoir\.sqlite$/.test(file)).length).toBeGreaterThan(10)
    expect(files.some((file) => /^comptoir-issuer-[^/]+\//.test(file))).toBe(true)
    expect(files.some((file) => /^comptoir-e2e-[^/]+\/.*comptoir\.sqlite$/.test(file))).toBe(true)
    expect(files.some((file) => file.endsWith('.log'))).toBe(true)
  })

  it('finds no full card number and no security code in any file, whatever its format or size', () => {
    const findings: Finding[] = []
    for (const file of filesBelow(root!)) findings.push(...scanFile(file))
    expect(findings.map((finding) => `${relative(root!, finding.file)}: ${finding.what}`)).toEqual([])
  })
})
