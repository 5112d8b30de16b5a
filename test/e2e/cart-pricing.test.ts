import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

// Intl writes French amounts with no-break spaces; the tests compare with plain ones.
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

describe('the till prices the cart: VAT per rate, promotion codes and line discounts', () => {
  let server: BrowserModeProcess
  let browser: Browser
  let page: Page
  let consoleErrors: string[]

  beforeAll(async () => {
    server = await startBrowserMode()
    browser = await launchChromium()
    ;({ page, consoleErrors } = await openTillPage(browser, server.url))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const total = () => page.getByTestId('cart-total')
  const search = () => page.getByRole('combobox', { name: 'Rechercher un produit' })

  async function addBySku(sku: string, linesAfter: number): Promise<void> {
    await search().fill(sku)
    // Enter waits for the search to answer what is typed, then adds the first result.
    await search().press('Enter')
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(linesAfter)
  }

  it('a cashier logs in and adds a 5.5 % book and a 20 % mug: one breakdown line per rate', async () => {
    await page.getByRole('button', { name: /Camille Martin/ }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await search().waitFor()

    await addBySku('LIB-ROMAN-01', 1)
    await addBySku('MAI-MUG-01', 2)

    const rates = page.getByTestId('vat-rate-row')
    await expect.poll(() => rates.count()).toBe(2)
    // Highest rate first: the mug's 20 %, then the book's 5.5 %.
    expect(plain(await rates.nth(0).getByRole('rowheader').textContent())).toBe('20 %')
    expect(plain(await rates.nth(1).getByRole('rowheader').textContent())).toBe('5,5 %')
    expect(plain(await rates.nth(0).textContent())).toContain('14,90 €')
    expect(plain(await rates.nth(1).textContent())).toContain('22,00 €')
    expect(plain(await total().textContent())).toBe('36,90 €')
    // Total HT plus total VAT is the total TTC, to the cent.
    expect(plain(await page.getByTestId('cart-total-ht').textContent())).toBe('33,27 €')
    expect(plain(await page.getByTestId('cart-total-vat').textContent())).toBe('3,63 €')
  })

  it('F6 then a code and Enter applies a 10 % promotion: the total drops', async () => {
    await page.keyboard.press('F6')
    const field = page.getByRole('textbox', { name: 'Code promo' })
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.type('bienvenue10')
    await page.keyboard.press('Enter')

    await expect.poll(async () => plain(await total().textContent())).toBe('33,21 €')
    expect(plain(await page.getByTestId('promotion-amount').textContent())).toBe('−3,69 €')
    await expect.poll(() => search().evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('an expired code is refused with the reason, and the cart keeps its promotion', async () => {
    await page.keyboard.press('F6')
    await page.keyboard.type('NOEL2025')
    await page.keyboard.press('Enter')

    const error = page.getByTestId('promotion-error')
    await error.waitFor()
    expect(plain(await error.textContent())).toContain('Ce code promo a expiré')
    expect(plain(await total().textContent())).toBe('33,21 €')

    await page.keyboard.press('Escape')
    await expect.poll(() => search().evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('a 30 % line discount needs an administrator: Alex approves with the PIN and the total drops', async () => {
    // The mug, added last, is the selected line.
    await page.keyboard.press('F7')
    const discountDialog = page.getByRole('dialog', { name: 'Remise sur Mug en grès 35 cl' })
    await discountDialog.waitFor()
    await page.keyboard.type('30')
    await page.keyboard.press('Enter')

    const approval = page.getByRole('alertdialog', { name: 'Accord d’un administrateur' })
    await approval.waitFor()
    expect(await discountDialog.count()).toBe(0)
    expect(plain(await approval.textContent())).toContain('−30 % sur Mug en grès 35 cl')
    await approval.getByRole('radio', { name: 'Alex Dubois' }).check()
    await approval.getByLabel('Code PIN de Alex Dubois').focus()
    await page.keyboard.type('4321')
    await page.keyboard.press('Enter')

    await approval.waitFor({ state: 'detached' })
    // Mug 14,90 € − 30 % (4,47 €) = 10,43 €; with the book, 32,43 €; −10 % (3,24 €) = 29,19 €.
    await expect.poll(async () => plain(await total().textContent())).toBe('29,19 €')
    const mug = page.getByTestId('cart-line').filter({ hasText: 'Mug en grès 35 cl' })
    expect(plain(await mug.getByTestId('cart-line-discount').textContent())).toContain('−30 %')
    await expect.poll(() => search().evaluate((element) => element === document.activeElement)).toBe(true)
    expect(consoleErrors).toEqual([])
  })
})
