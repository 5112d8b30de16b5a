import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const renderer = join(import.meta.dirname, '../../../out/renderer')

/** The scripts the page loads before the till can show: the entry and what it preloads. */
function firstLoad(): Map<string, string> {
  const html = readFileSync(join(renderer, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!)
  return new Map(files.map((file) => [file, readFileSync(join(renderer, file), 'utf8')]))
}

describe('the till’s first load (built renderer in out/)', () => {
  it.runIf(existsSync(join(renderer, 'index.html')))('carries neither zod nor the contract’s schemas', () => {
    for (const [file, code] of firstLoad()) {
      expect(code, file).not.toMatch(/ZodError|\$ZodType/)
      expect(code, file).not.toContain('A barcode is 8 to 14 digits')
    }
  })

  it.runIf(existsSync(join(renderer, 'index.html')))('stays under 700 kB of script (624 kB when measured, 834 kB before)', () => {
    const bytes = [...firstLoad().values()].reduce((sum, code) => sum + Buffer.byteLength(code), 0)
    expect(bytes).toBeLessThan(700_000)
  })

  it.runIf(existsSync(join(renderer, 'index.html')))('loads the back-office, the administration and the checkout only when opened', () => {
    const entry = [...firstLoad()].find(([file]) => /assets\/index-/.test(file))![1]
    for (const view of ['CheckoutView', 'OrderHistoryView', 'DashboardView', 'SettingsView', 'AdminLayout']) {
      expect(entry).toMatch(new RegExp(`import\\("\\./${view}-[^"]+\\.js"\\)`))
    }
  })
})
