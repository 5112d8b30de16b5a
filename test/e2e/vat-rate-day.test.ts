import type { Browser } from 'playwright-core'
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

describe('a new VAT rate is dated in the interface language', () => {
  it('reads a French day typed as jj/mm/aaaa, whatever the browser locale, and shows it planned', async () => {
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Alex/ }).click()
    await page.getByLabel(/Code PIN/).fill('4321')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByTestId('current-user').waitFor()
    await page.goto(`${server.url}/#/admin/settings`)

    const section = page.getByTestId('vat-section')
    const day = section.getByLabel('À partir du')
    expect(await day.getAttribute('type')).toBe('text')
    expect(await day.getAttribute('placeholder')).toBe('jj/mm/aaaa')
    await section.getByLabel('Nouveau taux (%)').fill('21')
    await day.fill('01/02/2099')
    await page.getByRole('button', { name: 'Programmer le nouveau taux' }).click()

    const standard = section.getByTestId('vat-standard')
    await expect.poll(() => standard.textContent()).toMatch(/21\s?%\s*1(?:er)?\s+février\s+2099/)
    expect(consoleErrors).toEqual([])
  })
})
