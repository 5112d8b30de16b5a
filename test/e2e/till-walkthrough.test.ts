import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

/**
 * The till as a new cashier finds it, keyboard first (issue 12, "At the till"): each defect the
 * walk-through found, replayed as the cashier met it.
 */
let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  await server?.stop()
})

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByRole('combobox').waitFor()
}

async function openTill(): Promise<Page> {
  server = await startBrowserMode()
  const { page } = await openTillPage(browser, server.url)
  await logIn(page, /Camille/, '1234')
  return page
}

const productNames = (page: Page): Promise<string[]> =>
  page.locator('#till-results [role="option"] .product__name').allTextContents()

describe('the product grid', () => {
  it('is sorted in French collation: "Écouteurs" among the E\'s, not after the Z\'s', async () => {
    const page = await openTill()
    await expect.poll(async () => (await productNames(page)).length).toBeGreaterThan(40)
    const names = (await productNames(page)).map((name) => name.trim())
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare))
    const ecouteurs = names.findIndex((name) => name.startsWith('Écouteurs'))
    expect(ecouteurs).toBeGreaterThan(0)
    expect(names.slice(0, ecouteurs).every((name) => name.localeCompare('F', 'fr') < 0)).toBe(true)
    expect(names.slice(ecouteurs + 1).every((name) => name.localeCompare('E', 'fr') > 0)).toBe(true)
    expect(names.at(-1)!.startsWith('Écouteurs')).toBe(false)
  })

  it('shows each product\'s barcode on its tile and in its tooltip, so staff can type it when a label will not scan', async () => {
    const page = await openTill()
    const tile = page.getByRole('option', { name: /Écouteurs sans fil/ })
    await tile.waitFor()
    const barcode = (await tile.getByTestId('product-barcode').innerText()).trim()
    expect(barcode).toMatch(/^\d{13}$/)
    expect(await tile.getByTestId('product-barcode').isVisible()).toBe(true)
    expect(await tile.getAttribute('title')).toContain(barcode)

    // Typed in the search, the barcode finds the product.
    await page.getByRole('combobox').fill(barcode)
    await expect.poll(() => productNames(page)).toEqual(['Écouteurs sans fil'])
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1)
  })
})
