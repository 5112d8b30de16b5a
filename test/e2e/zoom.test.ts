import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshLaunchUrl, startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium } from './support/chromium'
import { seedTourData, tourScreens } from './support/screen-tour'

/** 200 % zoom on a 1366×768 screen: 683×384 CSS pixels, two device pixels each. */
const ZOOMED = { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }
const SHOTS = process.env.ZOOM_SHOTS ?? join(tmpdir(), 'comptoir-zoom-shots')
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** What reflow adds to check: a region that now scrolls must be reachable by keyboard (axe). */
async function unreachableScrollers(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] }, resultTypes: ['violations'] })
    return result.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))
  })
}

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Why a control is not usable once scrolled into view: off the viewport, or under something else. */
async function problemWith(page: Page, control: Locator): Promise<string | null> {
  if ((await control.count()) === 0) return 'missing'
  await control.scrollIntoViewIfNeeded()
  const box = await control.boundingBox()
  if (!box || box.width === 0 || box.height === 0) return 'not drawn'
  const { width, height } = ZOOMED.viewport
  if (box.x < -1 || box.y < -1 || box.x + box.width > width + 1 || box.y + box.height > height + 1) {
    return `outside the viewport (${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)})`
  }
  const covered = await control.evaluate((element) => {
    const rect = element.getBoundingClientRect()
    const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)
    if (!top || element.contains(top) || top.contains(element)) return null
    return `${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`
  })
  return covered ? `covered by ${covered}` : null
}

describe('200 % zoom at 1366×768', () => {
  it('every screen fits the width, keeps its key controls reachable, and the history shows rows', async () => {
    const data = await seedTourData(server.url)
    // bypassCSP: the app's script-src 'self' would refuse axe's script tag.
    const context = await browser.newContext({ ...ZOOMED, locale: 'fr-FR', bypassCSP: true })
    const page = await context.newPage()
    await page.goto(await freshLaunchUrl(server.url))
    const failures: string[] = []
    await tourScreens(page, server.url, data, async (stop) => {
      const sideways = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement
        return root.scrollWidth - root.clientWidth
      })
      if (sideways > 1) failures.push(`${stop.name}: the page scrolls sideways by ${sideways} px`)
      for (const control of stop.keyControls ?? []) {
        const problem = await problemWith(page, control.locate(page))
        if (problem) failures.push(`${stop.name}: ${control.label} is ${problem}`)
      }
      if (stop.name === 'orders') {
        const list = await page.getByTestId('order-list').boundingBox()
        if (!list || list.height < 40) failures.push(`orders: the history list is ${list?.height ?? 0} px high`)
        const row = page.getByTestId('order-row').first()
        const problem = await problemWith(page, row)
        if (problem) failures.push(`orders: the first row is ${problem}`)
      }
      for (const target of await unreachableScrollers(page)) failures.push(`${stop.name}: ${target} scrolls but no keyboard can reach it`)
      await page.screenshot({ path: join(SHOTS, `${stop.name}.png`) })
    })
    expect(failures, failures.join('\n')).toEqual([])
    await context.close()
  }, 600_000)
})
