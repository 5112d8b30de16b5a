import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessibilityFailures } from './support/axe-check'
import { freshLaunchUrl, startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium } from './support/chromium'
import { frenchTextFailures, watchTranslationWarnings } from './support/french-text-check'
import { seedTourData, tourScreens } from './support/screen-tour'
import { afterResize, zoomFailures, zoomIn, zoomOut } from './support/zoom-check'

/**
 * The checks that must hold on every screen and dialog, in one walk (test/e2e/support/screen-tour.ts)
 * over one seeded shop: at each stop, axe-core and the rest of accessibility at 1366×768 (the size
 * the walk goes at), then the French text at 1024×768, then the 200 % zoom pass at 683×384 CSS
 * pixels, two device pixels each, and back. Each check keeps its own test and failure list, each
 * line naming the stop. TOUR_SHOTS=<folder> saves each stop at 1366×768, ZOOM_SHOTS=<folder> zoomed.
 */
const WALK_VIEWPORT = { width: 1366, height: 768 }
const FRENCH_VIEWPORT = { width: 1024, height: 768 }

let browser: Browser
let server: BrowserModeProcess
const visited: string[] = []
const failures = { accessibility: [] as string[], zoom: [] as string[], french: [] as string[] }
let walkError: unknown = null
/** Each check's total time over the walk, printed with TOUR_TIMES=1. */
const checkTimes: Record<string, number> = {}

async function timed(check: string, run: () => Promise<unknown>): Promise<void> {
  const start = Date.now()
  await run()
  checkTimes[check] = (checkTimes[check] ?? 0) + Date.now() - start
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
  const zoomShots = process.env.ZOOM_SHOTS
  if (zoomShots) mkdirSync(zoomShots, { recursive: true })
  const data = await seedTourData(server.url)
  // bypassCSP: the app's script-src 'self' would refuse axe's script tag.
  const context = await browser.newContext({ viewport: WALK_VIEWPORT, locale: 'fr-FR', bypassCSP: true })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const warnings = watchTranslationWarnings(page)
  await page.goto(await freshLaunchUrl(server.url))
  try {
    await tourScreens(page, server.url, data, async (stop) => {
      visited.push(stop.name)
      if (process.env.TOUR_SHOTS) await page.screenshot({ path: `${process.env.TOUR_SHOTS}/${stop.name}.png` })
      await timed('accessibility', async () => failures.accessibility.push(...(await accessibilityFailures(page, stop))))
      await timed('resizes', async () => {
        await page.setViewportSize(FRENCH_VIEWPORT)
        await afterResize(page)
      })
      await timed('french', async () => failures.french.push(...(await frenchTextFailures(page, stop))))
      await timed('resizes', async () => {
        await zoomIn(cdp)
        await afterResize(page)
      })
      await timed('zoom', async () => failures.zoom.push(...(await zoomFailures(page, cdp, stop, zoomShots))))
      // Back to the walk's size; the next stop settles before its checks, and Playwright's actions
      // wait for what they touch to be stable.
      await timed('resizes', () => zoomOut(page, cdp, WALK_VIEWPORT))
    })
    if (process.env.TOUR_TIMES) console.log(`screen walk, checks' total times: ${JSON.stringify(checkTimes)}`)
  } catch (error) {
    walkError = error
    if (process.env.TOUR_SHOTS) await page.screenshot({ path: `${process.env.TOUR_SHOTS}/walk-failure.png` }).catch(() => undefined)
  }
  failures.french.push(...new Set(warnings.map((warning) => `console: ${warning}`)))
  await context.close()
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A check's failures, and the walk's own error if it stopped before the last stop. */
function expectNone(list: string[]): void {
  const all = walkError ? [...list, `the walk stopped after "${visited.at(-1) ?? 'no stop'}": ${String(walkError)}`] : list
  expect(all, all.join('\n')).toEqual([])
  expect(visited.length).toBeGreaterThan(20)
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no serious or critical violation on any screen or dialog', () => expectNone(failures.accessibility))
})

describe('200 % zoom at 1366×768', () => {
  it('every screen fits the width, keeps its key controls reachable, and the history shows rows', () => expectNone(failures.zoom))
})

describe('French screens', () => {
  it('show no untranslated key, raw English value, raw minor-unit amount or faulty plural', () => expectNone(failures.french))
})
