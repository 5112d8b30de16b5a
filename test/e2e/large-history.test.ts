import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

const ROOT = resolve(__dirname, '../..')
const ORDERS = 30_000
/** The history keeps a window of rows in the page, whatever has been loaded. */
const MOST_ROWS_IN_THE_PAGE = 80

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-large-'))
  const seeded = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', join(ROOT, 'tsconfig.node.json'), join(ROOT, 'scripts/seed-large.ts'), '--orders', String(ORDERS), '--data-dir', dataDir],
    { cwd: ROOT, encoding: 'utf8' },
  )
  if (seeded.status !== 0) throw new Error(`seed:large failed: ${seeded.stderr}`)
  server = await startBrowserMode(dataDir)
  browser = await launchChromium()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the order history over a large history', () => {
  it('walks thousands of orders from the keyboard while the page keeps only a window of rows', async () => {
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Alex/ }).click()
    await page.getByLabel(/Code PIN/).fill('4321')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByTestId('current-user').waitFor()
    await page.goto(`${server.url}/#/admin/orders`)
    const list = page.getByTestId('order-list')
    await list.waitFor()
    await page.getByTestId('order-row').first().waitFor()
    await list.focus()

    let deepest = 0
    for (let step = 0; step < 40 && deepest < 2_000; step++) {
      // End goes to the last row loaded; while the next page is on its way it has nowhere further
      // to go, so the administrator presses it again, as this loop does, until the list moves on.
      await expect
        .poll(async () => {
          await page.keyboard.press('End')
          return Number(await page.locator('[data-testid="order-row"][aria-selected="true"]').getAttribute('aria-posinset'))
        })
        .toBeGreaterThan(deepest)
      deepest = Number(await page.locator('[data-testid="order-row"][aria-selected="true"]').getAttribute('aria-posinset'))
      expect(await page.getByTestId('order-row').count()).toBeLessThanOrEqual(MOST_ROWS_IN_THE_PAGE)
    }
    expect(deepest).toBeGreaterThanOrEqual(2_000)
    await page.keyboard.press('Home')
    await expect.poll(() => page.locator('[data-testid="order-row"][aria-selected="true"]').getAttribute('aria-posinset')).toBe('1')
    expect(consoleErrors).toEqual([])
  })
})
