import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { merchantRows } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'
import { closePrintDialogsAtOnce, expectPrinted, printedDocuments } from './support/print-dialog'

/**
 * Issue 14, law AGEC: after a paid sale the approval asks "Ticket ?" (print, e-mail, none),
 * keyboard first, with the legal notice; the answer is recorded under the order. Screenshots
 * go to COMPTOIR_SHOTS_DIR when set.
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

async function shots(name: string): Promise<void> {
  if (!SHOTS) return
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** The 80 mm ticket as the receipt printer lays it out: print media, a page 80 mm wide. */
async function receiptShot(): Promise<void> {
  if (!SHOTS) return
  const html = await page.getByTestId('approval-frame').getAttribute('srcdoc')
  const receipt = await page.context().newPage()
  await receipt.setViewportSize({ width: 302, height: 600 })
  await receipt.emulateMedia({ media: 'print' })
  await receipt.setContent(html ?? '')
  await receipt.screenshot({ path: join(SHOTS, 'ticket-80mm.png'), fullPage: true })
  await receipt.close()
}

/** Sells two items for cash and waits for the approval with its question. */
async function payCash(): Promise<void> {
  for (const sku of ['LIB-POCHE-02', 'MAI-MUG-01']) {
    const count = page.getByTestId('cart-item-count')
    const before = await count.textContent()
    const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
    await search.fill(sku)
    await search.press('Enter')
    await expect.poll(() => count.textContent()).not.toBe(before)
  }
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await page.keyboard.press('F8')
  await page.getByLabel('Montant reçu').fill('50')
  await page.getByLabel('Montant reçu').press('Enter')
  await page.getByTestId('approval-frame').waitFor()
  await page.getByTestId('ticket-prompt').waitFor()
}

function ticketAnswers(): Array<{ subject: string; details: string }> {
  return merchantRows(server.dataDir, "SELECT subject, details FROM audit_log WHERE action = 'order.ticketRequested' ORDER BY id") as Array<{
    subject: string
    details: string
  }>
}

function focused(): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? 'body')
}

describe('"Ticket ?" after a cash sale', () => {
  it('asks with the legal notice; N goes to a new sale and records "none"', async () => {
    await payCash()
    const prompt = page.getByTestId('ticket-prompt')
    await expect.poll(() => prompt.textContent()).toContain('Ticket ?')
    expect(await page.getByTestId('ticket-notice').textContent()).toBe(
      'Ticket de caisse sur demande (article L541-15-10 du code de l’environnement).',
    )
    for (const name of ['Imprimer', 'E-mail', 'Aucun']) await prompt.getByRole('button', { name }).waitFor()
    await shots('ticket-prompt')
    await receiptShot()
    await page.keyboard.press('n')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    await expect.poll(() => ticketAnswers().map((row) => JSON.parse(row.details))).toEqual([{ medium: 'none' }])
  })

  it('P prints the 80 mm ticket (the print dialog closes), says so and leaves focus on Nouvelle vente; a second print is a DUPLICATA in the fiscal journal; Escape then starts a new sale', async () => {
    await payCash()
    await page.keyboard.press('p')
    await expectPrinted(page, 1)
    expect((await printedDocuments(page))[0]?.html).not.toContain('DUPLICATA')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toBe('Ticket imprimé.')
    await expect.poll(focused).toBe('Nouvelle vente')
    await expect.poll(() => ticketAnswers().map((row) => JSON.parse(row.details))).toEqual([{ medium: 'print' }])
    expect(await page.getByTestId('approval-frame').getAttribute('srcdoc')).not.toContain('DUPLICATA')

    // Printed again: a numbered DUPLICATA, itself a record of the fiscal journal.
    await page.getByRole('button', { name: 'Imprimer ticket 80 mm' }).click()
    await expectPrinted(page, 2)
    expect((await printedDocuments(page))[1]?.html).toContain('DUPLICATA n° 1')
    await expect.poll(focused).toBe('Nouvelle vente')
    expect(merchantRows<{ kind: string }>(server.dataDir, 'SELECT kind FROM fiscal_records ORDER BY id').map((row) => row.kind)).toContain('duplicate')
    await page.keyboard.press('Escape')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
    expect(ticketAnswers()).toHaveLength(1)
  })

  it('M asks for the address, refuses a bad one, records the request and, with no mail server set in the demo, says it waits in the outbox ("en file d’attente")', async () => {
    await payCash()
    await page.keyboard.press('m')
    const field = page.getByLabel('Adresse e-mail du client')
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true)
    await field.pressSequentially('jeanne@')
    await field.press('Enter')
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Adresse e-mail invalide' }).count()).toBe(1)
    await shots('ticket-email-invalid')
    await field.pressSequentially('example.org')
    await field.press('Enter')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toContain('Ticket pour jeanne@example.org en file d’attente')
    await shots('ticket-emailed')
    const [answer] = ticketAnswers()
    expect(JSON.parse(answer!.details)).toEqual({ medium: 'email', email: 'jeanne@example.org' })
    expect(answer!.subject).toMatch(/^order:/)
    await expect.poll(focused).toBe('Nouvelle vente')
  })
})
