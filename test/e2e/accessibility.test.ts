import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshLaunchUrl, startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium } from './support/chromium'
import { seedTourData, tourScreens } from './support/screen-tour'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * axe-core over the page as it stands, WCAG 2.0 and 2.1 A and AA, plus the label-in-name rule
 * (WCAG 2.5.3, still marked experimental in axe, so not on by default).
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }))
  })
}

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no serious or critical violation on any screen or dialog', async () => {
    const data = await seedTourData(server.url)
    // The app's Content-Security-Policy (script-src 'self') would refuse axe's script tag.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', bypassCSP: true })
    const page = await context.newPage()
    await page.goto(await freshLaunchUrl(server.url))
    const failures: string[] = []
    const visited: string[] = []
    await tourScreens(page, server.url, data, async (stop) => {
      if (process.env.TOUR_SHOTS) await page.screenshot({ path: `${process.env.TOUR_SHOTS}/${stop.name}.png` })
      visited.push(stop.name)
      const title = await page.title()
      if (!/^\S.* — Comptoir$/.test(title)) failures.push(`${stop.name}: the window title "${title}" does not name the screen`)
      if ((await page.locator('h1').count()) === 0) failures.push(`${stop.name}: no h1`)
      if ((await page.getByRole('link', { name: 'Aller au contenu principal' }).count()) !== 1) failures.push(`${stop.name}: no skip link`)
      if (stop.name === 'till' || stop.name === 'orders') {
        // The skip link lands on the screen's own heading, inside main, past the header.
        await page.getByRole('link', { name: 'Aller au contenu principal' }).focus()
        await page.keyboard.press('Enter')
        const landed = await page.evaluate(() => document.activeElement?.closest('main') !== null && document.activeElement?.tagName === 'H1')
        if (!landed) failures.push(`${stop.name}: the skip link does not reach the screen's h1`)
      }
      if (stop.name === 'staff-form-empty') {
        const described = await page.evaluate(() => {
          const field = document.activeElement
          const ids = field?.getAttribute('aria-describedby')?.split(' ') ?? []
          return field?.getAttribute('aria-invalid') === 'true' ? ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : ''
        })
        if (!described.trim()) failures.push(`${stop.name}: the focus is not on an invalid field described by its message`)
      }
      for (const violation of await axeViolations(page)) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
        const where = violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join(' | ')
        const more = violation.nodes.length > 5 ? ` (+${violation.nodes.length - 5} more)` : ''
        failures.push(`${stop.name}: [${violation.impact}] ${violation.id} — ${violation.help} — ${where}${more}`)
      }
    })
    expect(visited.length).toBeGreaterThan(20)
    expect(failures, failures.join('\n')).toEqual([])
    await context.close()
  }, 600_000)
})
