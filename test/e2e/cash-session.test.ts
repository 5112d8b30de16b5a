import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { connectAsPage } from './support/api-client'
import { freshLaunchUrl } from './support/browser-mode-process'
import { launchChromium } from './support/chromium'
import { accessibilityFailures } from './support/axe-check'
import { frenchTextFailures } from './support/french-text-check'

let browser: Browser
let server: BrowserModeProcess
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
  // bypassCSP: axe-core is added to the page, which the app's script-src 'self' would refuse.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', bypassCSP: true })
  page = await context.newPage()
  await page.goto(await freshLaunchUrl(server.url))
})
afterAll(async () => {
  await browser.close()
  await server.stop()
})

/** Intl puts narrow no-break spaces in amounts; tests compare them with plain spaces. */
function plain(text: string | null): string {
  return text?.replace(/[\s\u00a0\u202f]+/g, ' ').trim() ?? ''
}

async function textOf(testId: string): Promise<string> {
  return plain(await page.getByTestId(testId).textContent())
}

/**
 * As the screen walk checks its stops: the title, h1, skip link and axe-core's serious and
 * critical rules, and French text only (no key, no raw English or enum value, no raw amount).
 */
async function expectAccessible(name: string): Promise<void> {
  expect(await accessibilityFailures(page, { name })).toEqual([])
  expect(await frenchTextFailures(page, { name })).toEqual([])
}

async function logIn(): Promise<void> {
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
}

/** Types a count as a cashier does: the first field has the focus, a quantity, Enter to the next. */
async function typeCount(quantities: Record<number, number>): Promise<void> {
  const order = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-denomination'))).toBe('50000')
  for (const denomination of order) {
    const quantity = quantities[denomination]
    if (quantity) await page.keyboard.type(String(quantity))
    await page.keyboard.press('Enter')
  }
}

async function sellOne(method: 'cash' | 'card'): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill('LIB-POCHE-02')
  await search.press('Enter')
  await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toMatch(/1/)
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
  if (method === 'cash') {
    await page.keyboard.press('F8')
    const tendered = page.getByLabel('Montant reçu')
    await tendered.fill('20,00')
    await tendered.press('Enter')
  } else {
    await page.getByLabel('Numéro de carte').pressSequentially('4242424242424242')
    await page.getByLabel('Date d’expiration (MM/AA)').pressSequentially('1230')
    await page.getByLabel('Cryptogramme').fill('123')
    await page.getByLabel('Titulaire de la carte').fill('Jeanne Client')
    await page.getByRole('button', { name: 'Payer', exact: true }).click()
  }
  await page.getByTestId('approval-frame').waitFor()
  await page.getByRole('button', { name: 'Nouvelle vente' }).click()
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
}

describe('the day of a till, from the keyboard', () => {
  it('opens with a float, sells by cash and card, takes cash out, shows the X report, closes with a blind count and a difference', async () => {
    // The demo shop starts open: an administrator closes that session first (through the API).
    const admin = await connectAsPage(server.url)
    await admin.loginAs('Alex', '4321')
    const demo = await admin.value('cashSession.xReport', {})
    await admin.value('cashSession.submitCount', { count: [{ denomination: 1, quantity: demo.expectedCash! }] })
    await admin.value('cashSession.confirmClose', {})
    expect(await admin.call('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })).toMatchObject({
      ok: false,
      error: { code: 'CASH_SESSION_NOT_OPEN' },
    })

    // No session: the till shows "Ouvrir la caisse" first, Enter opens the count.
    await logIn()
    await page.getByTestId('cash-gate').waitFor()
    await expectAccessible('till-gate')
    expect(await page.getByRole('combobox', { name: 'Rechercher un produit' }).count()).toBe(0)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cash-gate-open')
    await page.keyboard.press('Enter')
    await page.getByTestId('cash-open-form').waitFor()
    await typeCount({ 50_000: 0, 5_000: 1, 2_000: 2, 1_000: 1 })
    expect(await textOf('count-total')).toBe('100,00 €')
    await expectAccessible('cash-open')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cash-open-submit')
    await page.keyboard.press('Enter')

    // Open: the till sells again and says which till is open.
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    expect(await page.getByTestId('cash-manage').count()).toBe(1)
    await sellOne('cash')
    await sellOne('card')

    // F10: the session; F7: cash out to the bank.
    await page.keyboard.press('F10')
    await page.getByTestId('cash-float').waitFor()
    expect(await textOf('cash-float')).toBe('100,00 €')
    await page.keyboard.press('F7')
    await page.getByTestId('movement-amount').waitFor()
    await expectAccessible('cash-movement')
    await page.keyboard.type('20')
    await page.getByTestId('reason-bank_deposit').check()
    await page.getByTestId('movement-amount').press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sortie de 20,00')

    // F8: the X report; a cashier's report keeps the expected cash for after the count.
    await page.keyboard.press('F8')
    await page.getByTestId('x-report').waitFor()
    expect(await textOf('x-sales-count')).toBe('2')
    expect(await textOf('x-sales-cash')).toBe('8,90 €')
    expect(await textOf('x-sales-card')).toBe('8,90 €')
    expect(await textOf('x-cash-out')).toBe('-20,00 €')
    expect(await page.getByTestId('x-expected').count()).toBe(0)
    expect(await page.getByTestId('x-expected-hidden').count()).toBe(1)
    await expectAccessible('cash-x-report')

    // F9: the blind count; the expected cash shows only once the count is in.
    await page.keyboard.press('F9')
    await page.getByTestId('closing-count-form').waitFor()
    expect(await page.getByText('Attendu', { exact: true }).count()).toBe(0)
    expect(await page.getByTestId('closing-expected').count()).toBe(0)
    await typeCount({ 5_000: 1, 2_000: 1, 1_000: 1, 500: 1, 200: 1, 100: 1, 20: 2 })
    expect(await textOf('count-total')).toBe('88,40 €')
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-result').waitFor()
    expect(await textOf('closing-counted')).toBe('88,40 €')
    expect(await textOf('closing-expected')).toBe('88,90 €')
    expect(await textOf('closing-difference')).toBe('-0,50 €')
    await expectAccessible('cash-closing-result')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('closing-confirm')
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-done').waitFor()

    // Closed: no sale until the till is opened again.
    expect(await admin.call('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })).toMatchObject({
      ok: false,
      error: { code: 'CASH_SESSION_NOT_OPEN' },
    })
  })

  it('a difference above 10,00 € is confirmed by an administrator with their PIN', async () => {
    await page.getByTestId('closing-open-next').click()
    await page.getByTestId('cash-open-form').waitFor()
    await typeCount({ 5_000: 1 })
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()

    await page.keyboard.press('F10')
    await page.getByTestId('cash-float').waitFor()
    await page.keyboard.press('F9')
    await page.getByTestId('closing-count-form').waitFor()
    await typeCount({ 2_000: 1 })
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-result').waitFor()
    expect(await textOf('closing-difference')).toBe('-30,00 €')
    await page.keyboard.press('Enter')
    await page.getByTestId('admin-approval-dialog').waitFor()
    await page.keyboard.type('0000')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('admin-approval-dialog').textContent()).toContain('PIN incorrect')
    await page.keyboard.type('4321')
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-done').waitFor()
    expect(plain(await page.getByTestId('closing-result').textContent())).toContain('Écart confirmé par Alex Dubois')
  })

  it('a session left open from an earlier day is flagged at the next login, with the way to close it', async () => {
    await page.getByTestId('closing-open-next').click()
    await page.getByTestId('cash-open-form').waitFor()
    await typeCount({ 5_000: 2 })
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    expect(await page.getByTestId('cash-left-open').count()).toBe(0)
    // That session, as if it had been opened on 5 January and never closed.
    const db = new Database(join(server.dataDir, 'comptoir.sqlite'))
    db.prepare("UPDATE cash_sessions SET opened_at = '2026-01-05T08:02:00.000Z' WHERE status = 'open'").run()
    db.close()
    await page.keyboard.press('Control+l')
    await page.getByRole('button', { name: /Camille Martin/ }).waitFor()
    await logIn()
    await page.getByTestId('cash-left-open').waitFor()
    expect(plain(await page.getByTestId('cash-left-open').textContent())).toContain('depuis le 5 janv. 2026')
    await page.getByTestId('cash-left-open-close').click()
    await page.getByTestId('closing-count-form').waitFor()
  })
})
