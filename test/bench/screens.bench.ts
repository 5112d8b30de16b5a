import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { demoEan } from '../../src/main/seed/seed-demo-shop'
import { freshLaunchUrl, startBrowserMode } from '../e2e/support/browser-mode-process'
import { launchChromium } from '../e2e/support/chromium'
import { heading } from './bench-harness'

/**
 * Issue 13, the screens: in Chromium against browser mode (the built `out/`), the time from
 * opening the launch address to a till a cashier can use (login screen, name, PIN, Enter, the
 * till's search field ready), and from a barcode scanned to its line on screen; each beside a
 * blank page loaded in a fresh tab of the same browser in the same run. First loads use a fresh
 * browser context (nothing cached); repeat loads the same context (the hashed assets cached).
 */
const RUNS = Number(process.env.COMPTOIR_BENCH_SCREEN_RUNS ?? 7)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function loginToTill(page: Page, launchUrl: string): Promise<number> {
  const started = performance.now()
  await page.goto(launchUrl)
  await page.getByRole('button', { name: /Camille/ }).click()
  await page.getByLabel(/Code PIN/).fill('1234')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
  await page.locator('#till-search').waitFor()
  return performance.now() - started
}

/**
 * A scan as the scanner sends it (digits and Enter as key events a few microseconds apart, which
 * a loaded machine's typing could not keep under the scanner's 40 ms a key), timed in the page
 * from Enter to the cart's lines changed on screen (the next frame after the change).
 */
async function scanToLine(page: Page, index: number): Promise<number> {
  await page.getByTestId('product-barcode').first().waitFor()
  // A string, so that the bundler's helpers never reach the page.
  return page.evaluate(`(async (barcode) => {
    const read = () => [...document.querySelectorAll('[data-testid="cart-line"]')].map((line) => line.innerText).join('|')
    document.activeElement?.blur()
    const before = read()
    for (const key of barcode) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (read() === before) return
        observer.disconnect()
        resolve()
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    const started = performance.now()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await changed
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)))
    return performance.now() - started
  })(${JSON.stringify(demoEan(index))})`)
}

async function blankPage(browser: Browser): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const started = performance.now()
  await page.goto('about:blank')
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
  const ms = performance.now() - started
  await context.close()
  return ms
}

export async function run(): Promise<void> {
  heading('The screens in Chromium (issue 13)')
  if (!existsSync(resolve(__dirname, '../../out/main/browser-mode.js'))) {
    console.log('skipped: build first (npx electron-vite build)')
    return
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-screens-'))
  const server = await startBrowserMode(dataDir)
  const browser = await launchChromium()
  try {
    const blank: number[] = []
    const firstLogin: number[] = []
    const repeatLogin: number[] = []
    const scans: number[] = []
    for (let run = 0; run < RUNS; run++) {
      blank.push(await blankPage(browser))
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
      const page = await context.newPage()
      firstLogin.push(await loginToTill(page, await freshLaunchUrl(server.url)))
      for (let scan = 0; scan < 3; scan++) scans.push(await scanToLine(page, run * 3 + scan))
      // A second tab of the same browser: a new till session, the renderer's files from the cache.
      const second = await context.newPage()
      repeatLogin.push(await loginToTill(second, await freshLaunchUrl(server.url)))
      await context.close()
    }
    const base = median(blank)
    const line = (label: string, values: number[]) =>
      console.log(`${label.padEnd(48)} ${median(values).toFixed(0).padStart(6)} ms median = ${(median(values) / base).toFixed(1).padStart(6)} x a blank page (${base.toFixed(1)} ms)`)
    line('login to a usable till, first load (no cache)', firstLogin)
    line('login to a usable till, repeat load (cached)', repeatLogin)
    line('scan (Enter) to the line on screen', scans)
  } finally {
    await browser.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
