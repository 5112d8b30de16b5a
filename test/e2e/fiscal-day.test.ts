import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
import { freshLaunchUrl, startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'
import { accessibilityFailures } from './support/axe-check'
import { frenchTextFailures } from './support/french-text-check'
import { closePrintDialogsAtOnce, printedDocuments } from './support/print-dialog'

/**
 * Issue 14's proof end to end: a till's whole day at the keyboard (the float, a card sale and a
 * cash sale, cash out, the X report, the blind count with a difference), then the next morning:
 * the Z the till wrote for that day at its start, shown and printed (A4 and 80 mm), the fiscal
 * archive downloaded from the journal's screen and checked by `npm run fiscal:verify` as an
 * auditor runs it, and one byte changed in a copy named by the same check.
 *
 * The day is yesterday: the first server runs with its process clock a day behind (a preloaded
 * clock, as a machine whose system clock said so), the second with the real one on the same data
 * folder. The app itself has no clock setting and no way to close a day before it is over.
 */
const ROOT = resolve(__dirname, '../..')
const SHIFTED_CLOCK = resolve(__dirname, 'support/shifted-clock.cjs')
const DAY_MS = 24 * 60 * 60 * 1000
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-fiscal-day-shots-'))
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let server: BrowserModeProcess | null = null
const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-fiscal-day-'))
const work = mkdtempSync(join(tmpdir(), 'comptoir-fiscal-day-archive-'))

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

/** Intl puts narrow no-break spaces in amounts; tests compare them with plain spaces. */
function plain(text: string | null): string {
  return text?.replace(/[\s\u00a0\u202f]+/g, ' ').trim() ?? ''
}

/** `npm run fiscal:verify -- <archive.zip>`: its own process, no app, only the file. */
function fiscalVerify(file: string): { status: number | null; out: string } {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/fiscal-verify.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { status: run.status, out: run.stdout + run.stderr }
}

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** Types a count as a cashier does: the first field has the focus, a quantity, Enter to the next. */
async function typeCount(page: Page, quantities: Record<number, number>): Promise<void> {
  const order = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-denomination'))).toBe('50000')
  for (const denomination of order) {
    const quantity = quantities[denomination]
    if (quantity) await page.keyboard.type(String(quantity))
    await page.keyboard.press('Enter')
  }
}

async function sellOne(page: Page, method: 'cash' | 'card'): Promise<void> {
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
    // The test card that the simulated issuer approves (DOMAIN.md); its code is typed, never kept.
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

describe('a till’s fiscal day, from the float to the verified archive', () => {
  it('yesterday: opens with a float, sells by card and cash, takes cash out, shows the X report, closes with a count and a difference', async () => {
    server = await startBrowserMode(dataDir, [], {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${SHIFTED_CLOCK}`.trim(),
      COMPTOIR_TEST_CLOCK_SHIFT_MS: String(-DAY_MS),
    })
    // The demo shop starts with its till open: an administrator closes that session first.
    const admin = await connectAsPage(server.url)
    await admin.loginAs('Alex', '4321')
    const demo = await admin.value('cashSession.xReport', {})
    await admin.value('cashSession.submitCount', { count: [{ denomination: 1, quantity: demo.expectedCash! }] })
    await admin.value('cashSession.confirmClose', {})

    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Camille Martin/ }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await page.getByTestId('cash-gate').waitFor()
    await page.keyboard.press('Enter')
    await page.getByTestId('cash-open-form').waitFor()
    await typeCount(page, { 5_000: 1, 2_000: 2, 1_000: 1 })
    expect(plain(await page.getByTestId('count-total').textContent())).toBe('100,00 €')
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()

    await sellOne(page, 'card')
    await sellOne(page, 'cash')

    await page.keyboard.press('F10')
    await page.getByTestId('cash-float').waitFor()
    await page.keyboard.press('F7')
    await page.getByTestId('movement-amount').waitFor()
    await page.keyboard.type('20')
    await page.getByTestId('reason-bank_deposit').check()
    await page.getByTestId('movement-amount').press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sortie de 20,00')

    await page.keyboard.press('F8')
    await page.getByTestId('x-report').waitFor()
    expect(plain(await page.getByTestId('x-sales-count').textContent())).toBe('2')
    expect(plain(await page.getByTestId('x-sales-card').textContent())).toBe('8,90 €')
    expect(plain(await page.getByTestId('x-sales-cash').textContent())).toBe('8,90 €')
    expect(plain(await page.getByTestId('x-cash-out').textContent())).toBe('-20,00 €')

    await page.keyboard.press('F9')
    await page.getByTestId('closing-count-form').waitFor()
    await typeCount(page, { 5_000: 1, 2_000: 1, 1_000: 1, 500: 1, 200: 1, 100: 1, 20: 2 })
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-result').waitFor()
    expect(plain(await page.getByTestId('closing-expected').textContent())).toBe('88,90 €')
    expect(plain(await page.getByTestId('closing-difference').textContent())).toBe('-0,50 €')
    await page.keyboard.press('Enter')
    await page.getByTestId('closing-done').waitFor()
    expect(consoleErrors).toEqual([])
    await page.context().close()
    await server.stop()
    server = null
  })

  it('this morning: the Z of yesterday is shown and printed, the archive downloads and fiscal:verify passes it, and names the one record a byte was changed in', async () => {
    // The till starts the next day: it closes the day it was left with (a Z before any sale).
    server = await startBrowserMode(dataDir)
    // bypassCSP: axe-core is added to the page, which the app's script-src 'self' would refuse.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', bypassCSP: true })
    const page = await context.newPage()
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(await freshLaunchUrl(server.url))
    await closePrintDialogsAtOnce(page)
    await page.getByRole('button', { name: /Alex/ }).click()
    await page.getByLabel(/Code PIN/).fill('4321')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByTestId('current-user').waitFor()
    await page.goto(`${server.url}/#/admin/fiscal`)
    await page.getByRole('heading', { name: 'Journal fiscal' }).waitFor()

    const open = page.getByTestId('fiscal-open-z')
    await expect.poll(() => open.count()).toBe(1)
    await open.click()
    const z = page.getByTestId('z-report')
    await z.waitFor()
    expect(plain(await z.getByRole('heading').textContent())).toMatch(/^Clôture journalière \(Z\) du \d{2}\/\d{2}\/\d{4}$/)
    expect(plain(await page.getByTestId('z-tickets').textContent())).toBe('2')
    expect(plain(await page.getByTestId('z-payment-card').textContent())).toBe('8,90 €')
    expect(plain(await page.getByTestId('z-payment-cash').textContent())).toBe('8,90 €')
    expect(plain(await page.getByTestId('z-day-net').textContent())).toBe('17,80 €')
    expect(plain(await page.getByTestId('z-gt').textContent())).toBe('17,80 €')
    // One VAT rate (books, 5,5 %): HT, VAT and TTC, each the sum of the two tickets'.
    const cells = await page.getByTestId('z-rate').locator('th, td').allTextContents()
    expect(cells.map(plain)).toEqual(['5,5 %', '16,88 €', '0,92 €', '17,80 €'])
    expect(plain(await z.textContent())).toContain('par la caisse (journée restée sans clôture)')
    expect(await accessibilityFailures(page, { name: 'fiscal-z' })).toEqual([])
    expect(await frenchTextFailures(page, { name: 'fiscal-z' })).toEqual([])
    await shots(page, 'fiscal-day-z')

    // Printed on A4, then on the 80 mm receipt printer: each time the print frame comes and goes.
    await page.getByTestId('z-print-a4').click()
    await expect.poll(async () => (await printedDocuments(page)).length).toBe(1)
    await expect.poll(() => page.locator('iframe[aria-hidden="true"]').count()).toBe(0)
    await page.getByTestId('z-print-receipt').click()
    await expect.poll(async () => (await printedDocuments(page)).length).toBe(2)
    await expect.poll(() => page.locator('iframe[aria-hidden="true"]').count()).toBe(0)
    const [a4, receipt] = await printedDocuments(page)
    for (const document of [a4!, receipt!]) {
      expect(plain(document.html)).toMatch(/Clôture journalière \(Z\) du \d{2}\/\d{2}\/\d{4}/)
      expect(plain(document.html)).toContain('Grand total perpétuel')
      expect(plain(document.html)).toContain('17,80 €')
    }
    // The 80 mm print applies the document's narrow-page rules whatever the paper; the A4 one keeps them for narrow paper only.
    expect(receipt!.media).toEqual(['print'])
    expect(a4!.media).toEqual([expect.stringMatching(/max-width: 100mm/)])
    // The 80 mm paper as the receipt printer lays it out: print media, a page 80 mm wide.
    const paper = await context.newPage()
    await paper.setViewportSize({ width: 302, height: 600 })
    await paper.emulateMedia({ media: 'print' })
    await paper.setContent(receipt!.html)
    await paper.screenshot({ path: join(SHOTS, 'fiscal-day-z-80mm.png'), fullPage: true })
    await paper.close()

    // The archive of every closed day, from the journal's screen, as the browser downloads it.
    await page.getByTestId('fiscal-archive-period').selectOption('closed')
    const download = page.waitForEvent('download')
    await page.getByTestId('fiscal-archive-download').click()
    const file = join(work, (await download).suggestedFilename())
    await (await download).saveAs(file)
    await expect.poll(() => page.getByTestId('fiscal-archived').textContent()).toMatch(/signée par la caisse/)
    await page.getByTestId('z-hide').click()
    await shots(page, 'fiscal-day-archive')

    const passed = fiscalVerify(file)
    expect(passed.out).toMatch(/^OK: \d+ records and \d+ events/m)
    expect(passed.status).toBe(0)

    // One byte in a copy: the card ticket's payment mode 'card' becomes 'cara'.
    const files = unzipSync(readFileSync(file))
    // records.jsonl: one record a line.
    const records = strFromU8(files['records.jsonl']!).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { sequence: number; kind: string; payload: string })
    const cardTicket = records.find((record) => record.kind === 'ticket' && record.payload.includes('"mode":"card"'))!
    const text = strFromU8(files['records.jsonl']!)
    const changed = text.replace('\\"mode\\":\\"card\\"', '\\"mode\\":\\"cara\\"')
    expect(changed.length).toBe(text.length)
    expect(changed).not.toBe(text)
    files['records.jsonl'] = strToU8(changed)
    const copy = join(work, 'altered.zip')
    writeFileSync(copy, zipSync(files))
    const broken = fiscalVerify(copy)
    expect(broken.out).toMatch(new RegExp(`^BROKEN: records\\.jsonl, chain real, record ${cardTicket.sequence}: its content no longer matches its signature`, 'm'))
    expect(broken.status).toBe(1)
    expect(consoleErrors).toEqual([])
  })
})
