import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
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

/** A card sale at the till through the page's own calls: a book and a mug, two VAT rates. */
async function sell(): Promise<{ number: string; orderId: number }> {
  const cashier = await connectAsPage(server.url)
  await cashier.loginAs('Camille', '1234')
  for (const sku of ['LIB-POCHE-02', 'MAI-MUG-01']) {
    const [product] = await cashier.value('catalogue.search', { query: sku, limit: 1 })
    await cashier.value('cart.addProduct', { productId: product!.id, quantity: 2 })
  }
  const order = await cashier.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  const paid = await cashier.value('checkout.payCash', { orderId: order.id, tendered: 20_000 })
  return { number: paid.number!, orderId: paid.id }
}

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
}

const shotsDir = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-invoice-shots-'))
async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

describe('an invoice for a business customer', () => {
  it('is asked for after the sale at the till, refused with a wrong SIREN, issued with its number and Factur-X, then copied as a DUPLICATA from the back-office', async () => {
    const { number, orderId } = await sell()
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await page.goto(`${server.url}/#/orders/${orderId}/approval`)
    await page.getByTestId('approval-frame').waitFor()
    await page.getByRole('button', { name: 'Facture professionnelle' }).click()

    const dialog = page.getByTestId('invoice-dialog')
    await dialog.getByLabel('Raison sociale').fill('Atelier Lumière SARL')
    await dialog.getByLabel('SIREN ou SIRET').fill('552 032 535')
    await dialog.getByLabel('Adresse de facturation').fill('8 rue de la Verrerie')
    await dialog.getByLabel('Code postal').fill('69002')
    await dialog.getByLabel('Ville').fill('Lyon')
    await dialog.getByRole('button', { name: 'Émettre la facture' }).click()
    await expect.poll(() => dialog.getByTestId('invoice-field-error').first().textContent()).toMatch(/clé de contrôle ne correspond pas/)
    await expect.poll(() => dialog.getByLabel('SIREN ou SIRET').evaluate((input) => input === document.activeElement)).toBe(true)
    await shots(page, 'invoice-form-error')

    await dialog.getByLabel('SIREN ou SIRET').fill('552 032 534 00018')
    await dialog.getByTestId('invoice-vat-suggestion').click()
    await expect.poll(() => dialog.getByLabel(/TVA intracommunautaire/).inputValue()).toBe('FR27552032534')
    await dialog.getByRole('button', { name: 'Émettre la facture' }).click()
    const year = new Date().getFullYear()
    await expect.poll(() => dialog.getByTestId('invoice-status').textContent()).toBe(`Facture F-${year}-000001 émise.`)
    const invoice = page.frameLocator('[data-testid="invoice-frame"]')
    await expect.poll(() => invoice.locator('[data-invoice-number]').textContent()).toBe(`F-${year}-000001`)
    await expect.poll(() => invoice.locator('[data-buyer]').textContent()).toMatch(/Atelier Lumière SARL[\s\S]*SIREN 552032534[\s\S]*FR27552032534/)
    await expect.poll(() => invoice.locator('footer').textContent()).toMatch(/40 €/)
    await shots(page, 'invoice-issued')

    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Factur-X (XML)' }).click()
    const xmlFile = await download
    expect(xmlFile.suggestedFilename()).toBe(`F-${year}-000001.xml`)
    const xml = readFileSync((await xmlFile.path())!, 'utf8')
    expect(xml).toContain('urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic')
    expect(xml).toContain('<ram:ID schemeID="0002">552032534</ram:ID>')

    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await expect.poll(() => page.getByTestId('invoice-button').textContent()).toMatch(`Facture F-${year}-000001 (duplicata)`)

    // The administrator finds it on the order's page: a second request is a copy, recorded by main.
    const admin = await openTillPage(browser, server.url)
    await logIn(admin.page, /Alex/, '4321')
    await admin.page.goto(`${server.url}/#/admin/orders/${orderId}`)
    await admin.page.getByRole('heading', { name: new RegExp(number) }).waitFor()
    await admin.page.getByTestId('invoice-button').click()
    await expect
      .poll(() => admin.page.getByTestId('invoice-dialog').getByTestId('invoice-status').textContent())
      .toBe(`Facture F-${year}-000001 : duplicata n° 1.`)
    await expect.poll(() => admin.page.frameLocator('[data-testid="invoice-frame"]').locator('.duplicata').textContent()).toMatch(/DUPLICATA n° 1/)
    await shots(admin.page, 'invoice-duplicate-back-office')
    expect(consoleErrors).toEqual([])
    expect(admin.consoleErrors).toEqual([])
  }, 90_000)
})
