import { mkdirSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'
import { pdfText } from '../support/pdf-text'

/**
 * Issue 15, receipts that reach the customer: the administrator sets the shop's SMTP server and
 * receipt printer on the settings screen; at the till, P prints on that printer (the drawer
 * kicked for cash) and M e-mails the PDF ticket; a mail server that is down leaves the e-mail in
 * the outbox, failing, until 'Réessayer maintenant'. A loopback SMTP server and a fake printer
 * stand for the real ones. Screenshots go to COMPTOIR_SHOTS_DIR when set.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? null
if (SHOTS) mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let server: BrowserModeProcess | undefined
let smtp: SMTPServer | undefined
let printer: Server | undefined
const received: ParsedMail[] = []
const printed: Buffer[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await server?.stop()
  await stopSmtp()
  await new Promise<void>((resolve) => (printer ? printer.close(() => resolve()) : resolve()))
})

async function startSmtp(port: number): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  const listening = smtp
  await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve))
  return (listening.server.address() as AddressInfo).port
}

async function stopSmtp(): Promise<void> {
  const running = smtp
  smtp = undefined
  await new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve()))
}

async function startPrinter(): Promise<number> {
  printer = createServer((socket) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => {
      printed.push(Buffer.concat(chunks))
      socket.end()
    })
  })
  const listening = printer
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  return (listening.address() as AddressInfo).port
}

async function shots(page: Page, name: string, section: string): Promise<void> {
  if (!SHOTS) return
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.getByTestId(section).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** Sells a book for cash at the till and waits for 'Ticket ?'. */
async function sellForCash(page: Page): Promise<string> {
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.waitFor()
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  await search.fill('LIB-POCHE-02')
  await search.press('Enter')
  await expect.poll(() => count.textContent()).not.toBe(before)
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await page.keyboard.press('F8')
  await page.getByLabel('Montant reçu').fill('50')
  await page.getByLabel('Montant reçu').press('Enter')
  await page.getByTestId('ticket-prompt').waitFor()
  return (await page.getByTestId('order-number').textContent())!.trim()
}

async function emailTicket(page: Page, address: string): Promise<void> {
  await page.keyboard.press('m')
  const field = page.getByLabel('Adresse e-mail du client')
  await field.fill(address)
  await field.press('Enter')
}

describe('receipts that reach the customer', () => {
  it('set on the settings screen, printed on the receipt printer with the drawer kick, e-mailed as a PDF, queued while the mail server is down and retried from the outbox', async () => {
    const smtpPort = await startSmtp(0)
    const printerPort = await startPrinter()
    server = await startBrowserMode()
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Alex Dubois/ }).click()
    await page.keyboard.type('4321')
    await page.keyboard.press('Enter')
    await page.getByTestId('current-user').waitFor()

    // The administrator sets the mail server and the receipt printer.
    await page.goto(`${server.url}/#/admin/settings`)
    const section = page.getByTestId('receipts-section')
    await section.getByTestId('smtp-on').check()
    await section.getByLabel('Serveur', { exact: true }).fill('127.0.0.1')
    await section.getByLabel('Port', { exact: true }).first().fill(String(smtpPort))
    await section.getByLabel('Sécurité').selectOption('none')
    await section.getByLabel('Adresse d’expédition').fill('tickets@comptoir.example')
    await section.getByTestId('printer-kind').selectOption('network')
    await section.getByLabel('Adresse de l’imprimante').fill('127.0.0.1')
    await section.getByLabel('Port', { exact: true }).last().fill(String(printerPort))
    await section.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => section.getByTestId('section-saved').count()).toBe(1)
    await shots(page, 'receipts-settings', 'receipts-section')

    // P: on the receipt printer, the drawer opened for cash. The cashier sells.
    await page.getByRole('button', { name: /Se déconnecter/ }).click()
    await page.getByRole('button', { name: /Camille Martin/ }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    const printedNumber = await sellForCash(page)
    await page.keyboard.press('p')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toContain('Ticket imprimé sur l’imprimante de tickets.')
    expect(printed).toHaveLength(1)
    expect(printed[0]!.toString('latin1')).toContain(printedNumber)
    expect(printed[0]!.includes(Buffer.from([0x1b, 0x70]))).toBe(true)
    expect(printed[0]!.includes(Buffer.from([0x1d, 0x56]))).toBe(true)

    // M: the PDF ticket reaches the mail server.
    await page.keyboard.press('n')
    const mailedNumber = await sellForCash(page)
    await emailTicket(page, 'jeanne@example.org')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toContain('Ticket envoyé par e-mail à jeanne@example.org.')
    expect(received).toHaveLength(1)
    expect(received[0]!.subject).toContain(mailedNumber)
    const pdf = received[0]!.attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    expect(pdfText(pdf.content)).toContain(mailedNumber)

    // The mail server is down: the e-mail waits in the outbox.
    await stopSmtp()
    await page.keyboard.press('n')
    const queuedNumber = await sellForCash(page)
    await emailTicket(page, 'paul@example.org')
    await expect.poll(() => page.getByTestId('ticket-answer').textContent()).toContain('Ticket pour paul@example.org en file d’attente')

    await page.keyboard.press('n')
    await page.getByRole('button', { name: /Se déconnecter/ }).click()
    await page.getByRole('button', { name: /Alex Dubois/ }).click()
    await page.keyboard.type('4321')
    await page.keyboard.press('Enter')
    await page.getByTestId('current-user').waitFor()
    await page.goto(`${server.url}/#/admin/settings`)
    const rows = page.getByTestId('outbox-row')
    await expect.poll(() => rows.count()).toBe(2)
    const failing = rows.filter({ hasText: queuedNumber })
    await expect.poll(() => failing.getByTestId('outbox-state').textContent()).toBe('En échec')
    expect(await failing.getByTestId('outbox-error').textContent()).toMatch(/ECONNREFUSED/)
    expect(await rows.filter({ hasText: mailedNumber }).getByTestId('outbox-state').textContent()).toBe('Envoyé')
    await shots(page, 'receipts-outbox', 'outbox-section')

    // Back up: 'Réessayer maintenant' sends it, once.
    await startSmtp(smtpPort)
    await failing.getByRole('button', { name: 'Réessayer maintenant' }).click()
    await expect.poll(() => failing.getByTestId('outbox-state').textContent()).toBe('Envoyé')
    expect(received.map((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text)).toEqual(['jeanne@example.org', 'paul@example.org'])
    expect(consoleErrors).toEqual([])
  })
})
