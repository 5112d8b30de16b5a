import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession, Locator, Page } from 'playwright-core'
import { ensureAxe } from './axe-check'
import type { TourStop } from './screen-tour'

/** 200 % zoom on a 1366×768 screen: 683×384 CSS pixels, two device pixels each. */
export const ZOOMED = { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }

/**
 * Puts the page at 200 % zoom where it stands, without reloading it: Chromium's device metrics
 * override, the one Playwright sets for a context's viewport and scale, sent on a session of our
 * own; `zoomOut` puts it back.
 */
export async function zoomIn(cdp: CDPSession): Promise<void> {
  await setMetrics(cdp, ZOOMED.viewport, ZOOMED.deviceScaleFactor)
}

/**
 * Back from 200 % zoom to `viewport` at one device pixel: first on our session (Chromium skips an
 * override a session sends twice alike, so the next stop's zoomIn must differ from our last), then
 * on Playwright's, for its own record of the size (it sends only a size other than the last it set).
 */
export async function zoomOut(page: Page, cdp: CDPSession, viewport: { width: number; height: number }): Promise<void> {
  await setMetrics(cdp, viewport, 1)
  await page.setViewportSize(viewport)
}

function setMetrics(cdp: CDPSession, { width, height }: { width: number; height: number }, deviceScaleFactor: number): Promise<unknown> {
  return cdp.send('Emulation.setDeviceMetricsOverride', {
    width,
    height,
    screenWidth: width,
    screenHeight: height,
    deviceScaleFactor,
    mobile: false,
    screenOrientation: { angle: 0, type: 'landscapePrimary' },
  })
}

/** Two frames drawn at the new size (resize observers and media listeners have run) and the animations that end, over. */
export async function afterResize(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    await Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ])
  })
}

/** What reflow adds to check: a region that now scrolls must be reachable by keyboard (axe). */
async function unreachableScrollers(page: Page): Promise<string[]> {
  await ensureAxe(page)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] }, resultTypes: ['violations'] })
    return result.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))
  })
}

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

/**
 * What fails at 200 % zoom at one stop of the screen tour (the page already zoomed by `zoomIn`),
 * each line naming the stop: sideways scroll, a key control off the viewport or covered once
 * scrolled into view, the order history without rows, a scrolling region no keyboard reaches.
 * With `shots`, a screenshot of the zoomed screen is written there, named after the stop.
 */
export async function zoomFailures(page: Page, cdp: CDPSession, stop: TourStop, shots?: string): Promise<string[]> {
  const failures: string[] = []
  const metrics = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, scale: window.devicePixelRatio }))
  if (metrics.width !== ZOOMED.viewport.width || metrics.height !== ZOOMED.viewport.height || metrics.scale !== ZOOMED.deviceScaleFactor) {
    failures.push(`${stop.name}: the page is ${metrics.width}×${metrics.height} at ${metrics.scale} device pixels, not zoomed to 200 %`)
  }
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
  if (shots) {
    // Playwright's own screenshot would clip to the size it set, not this one.
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' })
    writeFileSync(join(shots, `${stop.name}.png`), Buffer.from(data, 'base64'))
  }
  return failures
}
