import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-card-saving-shots-'))
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let server: BrowserModeProcess
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  server = await startBrowserMode()
  ;({ page } = await openTillPage(browser, server.url))
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
})
afterEach(async () => {
  await page?.context().close()
  await server?.stop()
})

/** Makes the shop's card vault refuse every new card, as a full disk or a broken key would. */
function breakTheVault(): void {
  const db = new Database(join(server.dataDir, 'comptoir.sqlite'))
  try {
    db.pragma('busy_timeout = 5000')
    db.exec("CREATE TRIGGER refuse_saved_card BEFORE INSERT ON saved_cards BEGIN SELECT RAISE(ABORT, 'vault unavailable'); END")
  } finally {
    db.close()
  }
}

describe('a card the vault could not keep is not lost silently', () => {
  it('the payment is approved and the approval says the card was not saved', async () => {
    const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
    await search.fill('MAI-MUG-01')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1)
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    await page.getByRole('button', { name: 'Nouveau client' }).click()
    await page.getByLabel('Nom du client').fill('Jeanne Client')
    await page.getByRole('button', { name: 'Créer le client' }).click()
    await expect.poll(() => page.getByTestId('checkout-customer').textContent()).toContain('Jeanne Client')
    await page.getByLabel('Numéro de carte').pressSequentially('4242424242424242')
    await page.getByLabel('Date d’expiration (MM/AA)').pressSequentially('1230')
    await page.getByLabel('Cryptogramme').fill('123')
    await page.getByLabel('Enregistrer cette carte pour ce client').check()
    breakTheVault()
    await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
    await page.getByRole('button', { name: 'Payer', exact: true }).click()

    await page.getByTestId('approval-frame').waitFor()
    expect(await page.getByTestId('authorization-code').textContent()).toMatch(/[0-9A-Z]{6}/)
    const notice = page.getByTestId('card-not-saved')
    expect(await notice.textContent()).toContain('la carte n’a pas été enregistrée')
    await page.screenshot({ path: join(SHOTS, 'approval-card-not-saved.png') })
  })
})
