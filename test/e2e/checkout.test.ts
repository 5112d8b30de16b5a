import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { RESPONSE_CODE_TABLE, type ResponseCode } from '@shared/cards'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { expectLedgersAgree } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'

const SHOTS = mkdtempSync(join(tmpdir(), 'comptoir-checkout-shots-'))
const VISA_OK = '4242 4242 4242 4242'
const MASTERCARD_OK = '5555 5555 5555 4444'

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
  // After every scenario the issuer's ledger and the merchant's orders must agree.
  if (server) expectLedgersAgree(server.dataDir)
})

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

async function logIn(): Promise<void> {
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
}

/** Types a SKU in the till's search and presses Enter, as a cashier without a scanner does. */
async function addToCart(sku: string): Promise<void> {
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(sku)
  await search.press('Enter')
  await expect.poll(() => count.textContent()).not.toBe(before)
}

async function openCheckout(): Promise<void> {
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
}

/** Intl puts narrow no-break spaces in amounts; tests compare them with plain spaces. */
function plain(text: string | null): string | null {
  return text?.replace(/[\s\u00a0\u202f]+/g, ' ').trim() ?? null
}

function total(): Promise<string | null> {
  return page.getByTestId('checkout-total').textContent().then(plain)
}

async function typeCard(number: string, options: { securityCode?: string; expiry?: string; holder?: string } = {}): Promise<void> {
  const field = page.getByLabel('Numéro de carte')
  await field.fill('')
  await field.pressSequentially(number.replace(/\s/g, ''))
  const expiry = page.getByLabel('Date d’expiration (MM/AA)')
  await expiry.fill('')
  await expiry.pressSequentially(options.expiry ?? '1230')
  await page.getByLabel('Cryptogramme').fill(options.securityCode ?? '123')
  const holder = page.getByLabel('Titulaire de la carte')
  if ((await holder.inputValue()) === '') await holder.fill(options.holder ?? 'Jeanne Client')
}

async function pay(): Promise<void> {
  await page.getByRole('button', { name: 'Payer', exact: true }).click()
}

async function approvalShown(): Promise<{ number: string; code: string | null }> {
  await page.getByTestId('approval-frame').waitFor()
  const number = (await page.getByTestId('order-number').textContent())!.trim()
  const codeElement = page.getByTestId('authorization-code')
  const code = (await codeElement.count()) > 0 ? (await codeElement.textContent())!.trim() : null
  return { number, code }
}

describe('checkout at the till', () => {
  it('pays with 4242 4242 4242 4242 and shows the approval with its authorization code', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    expect(await total()).toBe('14,90 €')
    await page.getByLabel('Numéro de carte').pressSequentially('4242424242424242')
    expect(await page.getByLabel('Numéro de carte').inputValue()).toBe('4242 4242 4242 4242')
    await expect.poll(() => page.getByTestId('card-brand').textContent()).toContain('Visa')
    await typeCard(VISA_OK)
    expect(await page.getByLabel('Cryptogramme').getAttribute('type')).toBe('password')
    await shot('card-typed')
    await pay()
    const { number, code } = await approvalShown()
    expect(number).toMatch(/^T01-\d{4}-\d{6}$/)
    expect(code).toMatch(/^[0-9A-Z]{6}$/)
    const frame = page.frameLocator('[data-testid="approval-frame"]')
    await expect.poll(() => frame.getByText(code!).count()).toBeGreaterThan(0)
    expect(await page.getByTestId('approval-frame').getAttribute('sandbox')).toBe('')
    await shot('approval-card')
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('till-search')
    await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toContain('Aucun article')
    expect(consoleErrors).toEqual([])
  })

  it('each decline test card shows its own reason, keeps the order and all but the security code', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    const pending = await page.getByTestId('pending-order-number').textContent()
    const declines: [string, ResponseCode][] = [
      ['4000 0000 0000 0002', '05'],
      ['4000 0000 0000 9995', '51'],
      ['4000 0000 0000 9987', '41'],
      ['4000 0000 0000 9979', '43'],
      ['4000 0000 0000 0069', '54'],
      ['4000 0000 0000 0127', 'N7'],
      ['4000 0000 0000 0119', '96'],
    ]
    for (const [card, code] of declines) {
      await typeCard(card)
      await pay()
      const error = page.getByTestId('payment-error')
      await expect.poll(() => error.getAttribute('data-response-code')).toBe(code)
      expect(await error.textContent()).toContain(`Code ${code}`)
      expect(await error.textContent()).toContain(RESPONSE_CODE_TABLE[code].cashierMessage.fr)
      // The number stays, masked to its brand and last four (issue 12).
      expect(await page.getByLabel('Numéro de carte').inputValue()).toBe(`Visa •••• ${card.slice(-4)}`)
      expect(await page.getByLabel('Date d’expiration (MM/AA)').inputValue()).toBe('12/30')
      expect(await page.getByLabel('Titulaire de la carte').inputValue()).toBe('Jeanne Client')
      expect(await page.getByLabel('Cryptogramme').inputValue()).toBe('')
      expect(await page.getByTestId('pending-order-number').textContent()).toBe(pending)
      await shot(`declined-${code}`)
    }
    await typeCard(MASTERCARD_OK)
    await pay()
    const { number, code } = await approvalShown()
    // Declined, the checkout kept its internal reference; paid, it took its sale number.
    expect(pending!.trim()).toMatch(/^Commande provisoire #\d+$/)
    expect(number).toMatch(/^T01-\d{4}-\d{6}$/)
    expect(code).toMatch(/^[0-9A-Z]{6}$/)
  })

  it('after a decline the cashier tries another card at once and it is approved', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard('4000 0000 0000 9995')
    await pay()
    await page.getByTestId('payment-error').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Autre carte')
    await page.keyboard.press('Enter')
    expect(await page.getByLabel('Numéro de carte').inputValue()).toBe('')
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('inputmode'))).toBe('numeric')
    await typeCard(MASTERCARD_OK)
    await page.getByLabel('Cryptogramme').press('Enter')
    const { code } = await approvalShown()
    expect(code).toMatch(/^[0-9A-Z]{6}$/)
    expect(await page.getByText('Mastercard •••• 4444').count()).toBeGreaterThan(0)
    await shot('retry-another-card')
  })

  it('a card saved for a new customer pays a later sale', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await page.getByRole('button', { name: 'Nouveau client' }).click()
    await page.getByLabel('Nom du client').fill('Jeanne Client')
    await page.getByLabel('E-mail (facultatif)').fill('jeanne.client@example.fr')
    await page.getByRole('button', { name: 'Créer le client' }).click()
    await expect.poll(() => page.getByTestId('checkout-customer').textContent()).toContain('Jeanne Client')
    expect(await page.getByLabel('Titulaire de la carte').inputValue()).toBe('Jeanne Client')
    await typeCard(VISA_OK)
    await page.getByLabel('Enregistrer cette carte pour ce client').check()
    await shot('save-card')
    await pay()
    await approvalShown()
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()

    await addToCart('LIB-POCHE-02')
    await openCheckout()
    const search = page.getByRole('combobox', { name: 'Rechercher un client' })
    await search.fill('jeanne')
    await search.press('Enter')
    await page.getByTestId('saved-card').waitFor()
    expect(await page.getByTestId('saved-card').textContent()).toContain('•••• 4242')
    expect(await page.getByTestId('saved-card').textContent()).toContain('12/30')
    expect(await page.getByRole('radio', { name: 'Carte enregistrée' }).isChecked()).toBe(true)
    await shot('saved-card')
    await page.getByRole('button', { name: 'Payer avec cette carte' }).click()
    const { code } = await approvalShown()
    expect(code).toMatch(/^[0-9A-Z]{6}$/)
    expect(await page.getByText('Visa •••• 4242').count()).toBeGreaterThan(0)
  })

  it('cash shows the change due live, refuses short cash and pays', async () => {
    await addToCart('LIB-POCHE-02')
    await openCheckout()
    const amount = await total()
    expect(amount).toBe('8,90 €')
    await page.keyboard.press('F8')
    const tendered = page.getByLabel('Montant reçu')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('decimal')
    await tendered.fill('5')
    expect(await page.getByTestId('cash-missing').textContent()).toContain('3,90')
    expect(await page.getByRole('button', { name: 'Payer en espèces', exact: true }).isDisabled()).toBe(true)
    await tendered.fill('20,00')
    expect(plain(await page.getByTestId('change-due').textContent())).toBe('11,10 €')
    await shot('cash')
    await tendered.press('Enter')
    await page.getByTestId('approval-frame').waitFor()
    expect(plain(await page.getByTestId('change-due').textContent())).toBe('11,10 €')
    await shot('approval-cash')
  })

  it('a digital-only cart skips delivery and downloads its e-book', async () => {
    await addToCart('NUM-EBOOK-01')
    await openCheckout()
    expect(await page.getByRole('heading', { name: /Livraison/ }).count()).toBe(0)
    expect(await page.getByRole('radio', { name: 'Livraison express' }).count()).toBe(0)
    await typeCard(VISA_OK)
    await pay()
    await approvalShown()
    const button = page.getByRole('button', { name: /Télécharger .*\.epub/ })
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toMatch(/\.epub$/)
    // An EPUB is a ZIP whose first entry is its media type, stored uncompressed.
    const epub = readFileSync(await download.path())
    expect(epub.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')
    expect(epub.subarray(30, 38).toString('latin1')).toBe('mimetype')
    expect(epub.subarray(38, 58).toString('latin1')).toBe('application/epub+zip')
    await shot('digital-download')
  })

  it('changing the delivery option changes the total at once; a French postcode is five digits', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    const pickup = await total()
    expect(pickup).toBe('14,90 €')
    await page.getByRole('radio', { name: 'Livraison standard' }).check()
    expect(await page.getByRole('button', { name: 'Payer', exact: true }).isDisabled()).toBe(true)
    await page.getByLabel('Destinataire').fill('Jeanne Client')
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas')
    await page.getByLabel('Ville').fill('Paris')
    const postcode = page.getByLabel('Code postal')
    await postcode.fill('750A')
    expect(await postcode.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('Un code postal français compte cinq chiffres.').count()).toBe(1)
    await postcode.fill('75011')
    expect(await postcode.getAttribute('aria-invalid')).toBe('false')
    await expect.poll(total).not.toBe(pickup)
    const standard = await total()
    await page.getByRole('radio', { name: 'Livraison express' }).check()
    await expect.poll(total).not.toBe(standard)
    const express = await total()
    expect(new Set([pickup, standard, express]).size).toBe(3)
    await expect.poll(() => page.getByRole('button', { name: 'Payer', exact: true }).isEnabled()).toBe(true)
    await shot('delivery-express')
    await page.getByRole('radio', { name: 'Retrait en magasin' }).check()
    await expect.poll(total).toBe(pickup)
  })

  it('a double click on Payer, or Enter twice, places one order with one payment', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    // A checkout in progress has only its internal reference: the number comes with the payment.
    expect((await page.getByTestId('pending-order-number').textContent())!.trim()).toMatch(/^Commande provisoire #\d+$/)
    await typeCard(VISA_OK)
    await page.getByRole('button', { name: 'Payer', exact: true }).dblclick()
    const sale = await approvalShown()
    expect(sale.number).toMatch(/^T01-\d{4}-\d{6}$/)
    expect(await page.getByText(sale.code!).count()).toBe(1)
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()

    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard(VISA_OK)
    await page.getByLabel('Cryptogramme').focus()
    await Promise.all([page.keyboard.press('Enter'), page.keyboard.press('Enter')])
    const second = await approvalShown()
    expect(second.code).not.toBe(sale.code)
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()

    // Had a second click or Enter placed an order, the numbers would have skipped one.
    await addToCart('MAI-MUG-01')
    await openCheckout()
    const sequence = (n: string) => Number(n.slice(-6))
    expect(sequence(second.number)).toBe(sequence(sale.number) + 1)
    const third = (await page.getByTestId('pending-order-number').textContent())!
    expect(third.trim()).toMatch(/^Commande provisoire #\d+$/)
    expect(await page.getByTestId('payment-error').count()).toBe(0)
    await page.getByRole('button', { name: /Annuler l’encaissement/ }).click()
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    expect(await page.getByTestId('cart-item-count').textContent()).toContain('1 article')
    await shot('cancelled-back-to-till')
  })
})
