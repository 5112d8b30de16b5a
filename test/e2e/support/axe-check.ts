import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { TourStop } from './screen-tour'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe-core in the page, once (the context needs bypassCSP: the app's script-src 'self' refuses it). */
export async function ensureAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
}

/**
 * axe-core over the page as it stands, WCAG 2.0 and 2.1 A and AA, plus the label-in-name rule
 * (WCAG 2.5.3, still marked experimental in axe, so not on by default).
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await ensureAxe(page)
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

/**
 * What fails accessibility at one stop of the screen tour, each line naming the stop: the window
 * title, the h1, the skip link (followed on the till and the orders screen), the focus on a refused
 * form's field, and every serious or critical axe-core violation with its rule and first nodes.
 */
export async function accessibilityFailures(page: Page, stop: TourStop): Promise<string[]> {
  const failures: string[] = []
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
  return failures
}
