import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { expectLedgersAgree } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'

/**
 * Issue 12, at checkout: the defects a cashier met in a walk-through, each replayed as the
 * cashier meets it. Screenshots go to a temporary folder, or COMPTOIR_SHOTS_DIR.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-walkthrough-shots-'))
mkdirSync(SHOTS, { recursive: true })
const VISA_OK = '4242 4242 4242 4242'

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
  await logIn()
})
afterEach(async () => {
  await page?.context().close()
  await server?.stop()
  if (server) expectLedgersAgree(server.dataDir)
})

async function shot(name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

async function logIn(): Promise<void> {
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
}

async function addToCart(sku: string): Promise<void> {
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(sku)
  await search.press('Enter')
  await expect.poll(() => count.textContent()).not.toBe(before)
}

function payButton() {
  return page.getByRole('button', { name: 'Payer', exact: true })
}

async function openCheckout(): Promise<void> {
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await expect.poll(() => payButton().isEnabled()).toBe(true)
}

async function typeCard(number: string, holder = 'Jeanne Client'): Promise<void> {
  const field = page.getByLabel('Numéro de carte')
  await field.fill('')
  await field.pressSequentially(number.replace(/\s/g, ''))
  const expiry = page.getByLabel('Date d’expiration (MM/AA)')
  await expiry.fill('')
  await expiry.pressSequentially('1230')
  await page.getByLabel('Cryptogramme').fill('123')
  await page.getByLabel('Titulaire de la carte').fill(holder)
}

/** The page's text as a cashier reads it, one space between words. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

describe('after a decline', () => {
  it('the card number is shown masked, holder and expiry stay, the security code is cleared', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard('4000 0000 0000 0002')
    await payButton().click()
    const error = page.getByTestId('payment-error')
    await expect.poll(() => error.getAttribute('data-response-code')).toBe('05')
    const number = page.getByLabel('Numéro de carte')
    expect(await number.inputValue()).toBe('Visa •••• 0002')
    expect(await page.getByLabel('Date d’expiration (MM/AA)').inputValue()).toBe('12/30')
    expect(await page.getByLabel('Titulaire de la carte').inputValue()).toBe('Jeanne Client')
    expect(await page.getByLabel('Cryptogramme').inputValue()).toBe('')
    // The whole number is nowhere on the page, in no field and no text.
    const html = await page.content()
    expect(html).not.toContain('4000 0000 0000 0002')
    expect(html).not.toContain('4000000000000002')

    // Retyping the security code alone retries the same card, still masked.
    await page.getByRole('button', { name: 'Autre carte' }).waitFor()
    await page.getByLabel('Cryptogramme').fill('123')
    await payButton().click()
    await expect.poll(() => page.getByTestId('payment-error').getAttribute('data-response-code')).toBe('05')
    expect(await number.inputValue()).toBe('Visa •••• 0002')

    // Typing over the masked number starts another card.
    await number.click()
    await page.keyboard.type('4242424242424242')
    expect(await number.inputValue()).toBe(VISA_OK)
    await page.getByLabel('Cryptogramme').fill('123')
    await payButton().click()
    await page.getByTestId('approval-frame').waitFor()
    expect(consoleErrors).toEqual([])
  })

  it('code 41 says each thing once: refused, the reason, keep the card, call the bank', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard('4000 0000 0000 9987')
    await payButton().click()
    const error = page.getByTestId('payment-error')
    await expect.poll(() => error.getAttribute('data-response-code')).toBe('41')
    const text = plain(await error.textContent())
    expect(text).toContain('carte déclarée perdue')
    expect(text.match(/refus/gi)).toHaveLength(1)
    expect(text.match(/rendez|conservez/gi)).toHaveLength(1)
    expect(text.match(/Appelez/g)).toHaveLength(1)
    const sentences = text.split(/[.;·]\s*/).map((sentence) => sentence.trim()).filter(Boolean)
    expect(new Set(sentences).size).toBe(sentences.length)
    expect(await page.getByLabel('Numéro de carte').inputValue()).toBe('Visa •••• 9987')
    await shot('declined-41')
  })
})
