import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { merchantRows } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'
import { closePrintDialogsAtOnce, expectPrinted, printedDocuments } from './support/print-dialog'

/**
 * Issue 14, the AGEC exceptions (décret 2023-1204): a sale with goods under the legal guarantee
 * of conformity (the demo's High-tech) prints its ticket without asking, with the guarantee's
 * mention, and still offers the e-mail. Screenshots go to COMPTOIR_SHOTS_DIR when set.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? null
if (SHOTS) mkdirSync(SHOTS, { recursive: true })

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
  await closePrintDialogsAtOnce(page)
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
})
afterEach(async () => {
  await page?.context().close()
  await server?.stop()
})

async function shots(name: string, on: Page = page): Promise<void> {
  if (!SHOTS) return
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await on.setViewportSize({ width, height })
    await on.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await on.setViewportSize({ width: 1366, height: 768 })
}

function ticketAnswers(): unknown[] {
  const rows = merchantRows(server.dataDir, "SELECT details FROM audit_log WHERE action = 'order.ticketRequested' ORDER BY id") as Array<{
    details: string
  }>
  return rows.map((row) => JSON.parse(row.details))
}

describe('goods under the legal guarantee: the ticket is printed without asking', () => {
  it('wireless earbuds paid cash: printed at once with the 2-year guarantee mention, recorded for the legal guarantee, the e-mail still offered', async () => {
    const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
    await search.fill('HT-ECOUTEURS-03')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toContain('1')
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    await page.keyboard.press('F8')
    await page.getByLabel('Montant reçu').fill('100')
    await page.getByLabel('Montant reçu').press('Enter')
    await page.getByTestId('ticket-prompt').waitFor()

    await expectPrinted(page, 1)
    const [ticket] = await printedDocuments(page)
    expect(ticket?.html).toContain('Garantie légale de conformité de 2 ans (articles L217-3 et suivants du Code de la consommation)')
    expect(ticket?.html).toContain('Écouteurs sans fil')
    await expect.poll(() => page.getByTestId('ticket-guarantee').textContent()).toContain('Ticket imprimé (garantie légale).')
    expect(await page.getByTestId('ticket-notice').textContent()).toContain('preuve d’achat est imprimée sans demande')
    await expect.poll(ticketAnswers).toEqual([{ medium: 'print', reason: 'legal_guarantee' }])
    // Printing is done: the choice left is the e-mail, the print is not offered twice.
    const prompt = page.getByTestId('ticket-prompt')
    await prompt.getByRole('button', { name: 'E-mail' }).waitFor()
    expect(await prompt.getByRole('button', { name: 'Imprimer' }).count()).toBe(0)
    await shots('ticket-guarantee')

    await page.keyboard.press('m')
    const field = page.getByLabel('Adresse e-mail du client')
    await field.fill('jeanne@example.org')
    await field.press('Enter')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toContain('Ticket pour jeanne@example.org en file d’attente')
    expect(await page.getByTestId('ticket-guarantee').textContent()).toContain('Ticket imprimé (garantie légale).')
    await expect.poll(ticketAnswers).toEqual([
      { medium: 'print', reason: 'legal_guarantee' },
      { medium: 'email', email: 'jeanne@example.org' },
    ])
    await shots('ticket-guarantee-emailed')
    // No further print happened on its own.
    expect(await printedDocuments(page)).toHaveLength(1)
  })
})

describe('a cancelled card payment: its cancellation ticket is printed without asking', () => {
  it('the till has no void of its own: the administrator voids a card sale in the back-office and its cancellation ticket prints at once', async () => {
    // A card sale to be delivered: authorized, not yet captured, so it can be voided.
    const till = await connectAsPage(server.url)
    await till.loginAs('Camille', '1234')
    const [mug] = await till.value('catalogue.search', { query: 'MAI-MUG-01' })
    await till.value('cart.addProduct', { productId: mug!.id })
    const address = { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }
    const pending = await till.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address } })
    const card = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
    const sale = await till.value('checkout.payByCard', { orderId: pending.id, card })

    const admin = (await openTillPage(browser, server.url)).page
    await closePrintDialogsAtOnce(admin)
    await admin.getByRole('button', { name: /Alex/ }).click()
    await admin.getByLabel(/Code PIN/).fill('4321')
    await admin.getByRole('button', { name: 'Se connecter' }).click()
    await admin.getByTestId('current-user').waitFor()
    await admin.goto(`${server.url}/#/admin/orders`)
    await admin.getByLabel(/Rechercher/).fill(sale.number!)
    await expect.poll(() => admin.getByTestId('order-number').allTextContents()).toEqual([sale.number])
    await admin.getByTestId('order-list').focus()
    await admin.keyboard.press('Enter')
    await admin.getByRole('heading', { name: `Commande ${sale.number}` }).waitFor()
    await admin.getByRole('button', { name: 'Annuler l’autorisation' }).click()
    await admin.getByTestId('void-dialog').getByRole('button', { name: 'Annuler l’autorisation' }).click()

    await expectPrinted(admin, 1)
    const [cancellation] = await printedDocuments(admin)
    expect(cancellation?.html).toContain('TICKET D’ANNULATION')
    expect(cancellation?.html).toContain('Paiement par carte annulé')
    expect(cancellation?.html).toContain(sale.number!)
    await expect.poll(() => admin.getByTestId('action-success').textContent()).toMatch(
      /Autorisation annulée.*Ticket d’annulation imprimé \(paiement par carte annulé\)\./,
    )
    await expect.poll(ticketAnswers).toEqual([{ medium: 'print', reason: 'card_cancellation' }])
    await shots('ticket-cancellation', admin)
    if (SHOTS) {
      // The printed cancellation ticket as the 80 mm printer lays it out.
      await admin.setViewportSize({ width: 302, height: 600 })
      await admin.emulateMedia({ media: 'print' })
      await admin.setContent(cancellation!.html)
      await admin.screenshot({ path: join(SHOTS, 'ticket-cancellation-80mm.png'), fullPage: true })
    }
    await admin.context().close()
  })
})
