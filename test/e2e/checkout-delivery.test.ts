import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-delivery-shots-'))
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let server: BrowserModeProcess
let page: Page
let consoleErrors: string[]

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  server = await startBrowserMode()
  ;({ page, consoleErrors } = await openTillPage(browser, server.url))
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
})
afterEach(async () => {
  await page?.context().close()
  await server?.stop()
})

const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()

async function addToCart(sku: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(sku)
  await search.press('Enter')
  await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1)
}

/** F8 at the till, then ↓ once: standard delivery in France. */
async function chooseStandardFranceAtTill(): Promise<void> {
  await page.keyboard.press('F8')
  await page.keyboard.press('ArrowDown')
  await expect.poll(async () => plain(await page.getByTestId('delivery-choice').textContent())).toContain('Standard · France')
  await expect.poll(async () => plain(await page.getByTestId('cart-total').textContent())).toBe('19,80 €')
}

describe('the checkout starts with the delivery chosen at the till', () => {
  it('standard delivery chosen with F8: the checkout opens on standard, asks for the address, and prices it', async () => {
    await addToCart('MAI-MUG-01')
    await chooseStandardFranceAtTill()
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()

    expect(await page.getByRole('radio', { name: 'Livraison standard' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Retrait en magasin' }).isChecked()).toBe(false)
    // The address is required: shown, and paying waits for it.
    await page.getByRole('group', { name: 'Adresse de livraison' }).waitFor()
    await page.getByText('Complétez l’adresse de livraison pour confirmer le total et payer.').waitFor()
    expect(await page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(false)
    // The total on screen is the cart's, with the delivery fee chosen at the till.
    expect(plain(await page.getByTestId('checkout-delivery').textContent())).toContain('Livraison standard')
    expect(plain(await page.getByTestId('checkout-total').textContent())).toBe('19,80 €')

    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: join(SHOTS, `checkout-standard-${size.width}x${size.height}.png`) })
    }
    await page.setViewportSize({ width: 1366, height: 768 })

    await page.getByLabel('Destinataire').fill('Jeanne Client')
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas')
    await page.getByLabel('Code postal').fill('75011')
    await page.getByLabel('Ville').fill('Paris')
    await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
    const deliveryRow = plain(await page.getByTestId('checkout-delivery').textContent())
    expect(deliveryRow).toContain('Livraison standard')
    expect(deliveryRow).toContain('4,90 €')
    expect(plain(await page.getByTestId('checkout-total').textContent())).toBe('19,80 €')
    await page.screenshot({ path: join(SHOTS, 'checkout-standard-address-1366x768.png') })
    expect(consoleErrors).toEqual([])
  })

  it('store pickup at the till still starts the checkout on pickup, ready to pay', async () => {
    await addToCart('MAI-MUG-01')
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    expect(await page.getByRole('radio', { name: 'Retrait en magasin' }).isChecked()).toBe(true)
    expect(await page.getByRole('group', { name: 'Adresse de livraison' }).count()).toBe(0)
    await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
  })

  it('a checkout left with Escape gives the till its standard delivery back', async () => {
    await addToCart('MAI-MUG-01')
    await chooseStandardFranceAtTill()
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    expect(await page.getByRole('radio', { name: 'Livraison standard' }).isChecked()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    expect(plain(await page.getByTestId('delivery-choice').textContent())).toContain('Standard · France')
  })
})
