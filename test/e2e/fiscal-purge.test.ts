import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
}

describe('the purge of old detail on the fiscal journal’s screen', () => {
  it('offers the years past six, asks again, and purges: on a till with no detail that old, nothing goes and the journal still checks', async () => {
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await logIn(page, /Alex/, '4321')
    await page.goto(`${server.url}/#/admin/fiscal`)
    await page.getByRole('heading', { name: 'Journal fiscal' }).waitFor()
    const latest = new Date().getFullYear() - 7
    await expect.poll(() => page.getByTestId('fiscal-purge-year').inputValue()).toBe(String(latest))
    await page.getByTestId('fiscal-purge-button').click()
    const dialog = page.getByRole('alertdialog')
    await expect.poll(() => dialog.textContent()).toMatch(new RegExp(`Purger le détail jusqu’à fin ${latest}`))
    const shots = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-purge-shots-'))
    for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(shots, `fiscal-purge-confirm-${width}x${height}.png`) })
    }
    await page.setViewportSize({ width: 1366, height: 768 })
    await dialog.getByRole('button', { name: 'Purger' }).click()
    await expect.poll(() => page.getByTestId('fiscal-purged').textContent()).toMatch(/0 enregistrement\(s\) supprimé\(s\)/)
    for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(shots, `fiscal-purge-done-${width}x${height}.png`) })
    }
    await page.getByTestId('fiscal-verify').click()
    await expect.poll(() => page.getByTestId('fiscal-status').textContent()).toMatch(/Journal intègre/)
    expect(consoleErrors).toEqual([])
  }, 60_000)
})
