import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshLaunchUrl, startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium } from './support/chromium'
import { seedTourData } from './support/screen-tour'

/**
 * The README's screenshots, at 1366×768 in French over the demo shop with a few orders made the
 * way the till makes them. Not part of the suite: `README_SHOTS=resources/screenshots npx vitest
 * run --project e2e test/e2e/readme-screenshots.test.ts` writes them (the reconciliation one comes
 * from test/e2e/reconciliation.test.ts with COMPTOIR_SHOTS_DIR, where its discrepancies are made).
 */
const OUT = process.env.README_SHOTS ? resolve(process.env.README_SHOTS) : ''

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  if (!OUT) return
  mkdirSync(OUT, { recursive: true })
  browser = await launchChromium()
  server = await startBrowserMode()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  await page.screenshot({ path: join(OUT, `${name}.png`) })
}

async function addToCart(page: Page, query: string): Promise<void> {
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(query)
  await page.getByRole('option').first().waitFor()
  await search.press('Enter')
  await expect.poll(() => count.textContent()).not.toBe(before)
}

describe.skipIf(!OUT)('README screenshots', () => {
  it('takes the screens at 1366×768', async () => {
    const data = await seedTourData(server.url)
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
    const page = await context.newPage()
    await page.goto(await freshLaunchUrl(server.url))

    await page.getByRole('button', { name: /Camille Martin/ }).waitFor()
    await shot(page, 'login')
    await page.getByRole('button', { name: /Camille Martin/ }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()

    // The API's own sales left this cashier's cart empty or with an article: start clean.
    if ((await page.getByTestId('cart-line').count()) > 0) {
      await page.keyboard.press('F9')
      await page.getByRole('alertdialog').getByRole('button', { name: 'Vider' }).click()
    }
    for (const query of ['MAI-MUG-01', 'quotidien', 'café moulu']) await addToCart(page, query)
    await page.keyboard.press('F6')
    const code = page.getByRole('textbox', { name: 'Code promo' })
    await code.fill('BIENVENUE10')
    await code.press('Enter')
    await page.getByTestId('promotion-amount').waitFor()
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).fill('livre')
    await page.getByRole('option').first().waitFor()
    await page.waitForTimeout(1000)
    await shot(page, 'till')

    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    await page.getByLabel('Numéro de carte').pressSequentially('4242424242424242')
    await page.getByLabel('Date d’expiration (MM/AA)').pressSequentially('1230')
    await page.getByLabel('Cryptogramme').fill('123')
    const holder = page.getByLabel('Titulaire de la carte')
    if ((await holder.inputValue()) === '') await holder.fill('Jeanne Client')
    await shot(page, 'checkout')
    await page.getByRole('button', { name: 'Payer', exact: true }).click()
    await page.getByRole('button', { name: 'Nouvelle vente' }).waitFor()
    await page.getByTestId('approval-frame').waitFor()
    await page.waitForTimeout(500)
    await shot(page, 'approval')
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()

    await page.getByRole('button', { name: /Se déconnecter/ }).click()
    const confirm = page.getByRole('alertdialog')
    if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button').last().click()
    await page.getByRole('button', { name: /Alex Dubois/ }).click()
    await page.keyboard.type('4321')
    await page.keyboard.press('Enter')
    await page.getByTestId('current-user').waitFor()

    await page.goto(`${server.url}/#/admin/orders`)
    await page.getByTestId('order-row').first().waitFor()
    await shot(page, 'order-history')
    await page.goto(`${server.url}/#/admin/orders/${data.refundedId}`)
    await page.getByRole('heading', { name: new RegExp(data.refundedNumber) }).first().waitFor()
    await shot(page, 'order-detail')
    await page.goto(`${server.url}/#/admin/dashboard`)
    await page.locator('canvas').first().waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'dashboard')
    await page.goto(`${server.url}/#/admin/settings`)
    await page.getByTestId('promotions-section').waitFor()
    await shot(page, 'settings')
    await page.goto(`${server.url}/#/admin/issuer`)
    await page.getByTestId('issuer-account-row').first().waitFor()
    await shot(page, 'issuer-console')
    await context.close()
  }, 120_000)
})
