import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { formatMoney } from '@shared/money'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { sellAtTill } from '../back-office/back-office-kit'
import { pdfText } from '../../support/pdf-text'

/**
 * Issue 15, "Receipts that reach the customer": an e-mailed ticket leaves through a real SMTP
 * server on loopback, as a PDF that says what the till's ticket says.
 */

let subject: TempApp | undefined
let server: SMTPServer | undefined
afterEach(async () => {
  subject?.dispose()
  subject = undefined
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A loopback SMTP server that keeps every message it accepts. */
async function startSmtp(port = 0): Promise<{ port: number; received: ParsedMail[]; logins: string[] }> {
  const received: ParsedMail[] = []
  const logins: string[] = []
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`)
      callback(null, { user: auth.username })
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  const listening = server
  await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve))
  return { port: (listening.server.address() as AddressInfo).port, received, logins }
}

/** A port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

async function appWithSmtp(port: number, now?: () => Date): Promise<TempApp> {
  const app = createTempApp({ now })
  await app.loginAs('admin')
  await app.loginAs('cashier', 'cashier')
  await app.value('receipts.saveSettings', {
    smtp: { host: '127.0.0.1', port, tls: 'none', user: 'boutique', password: 's3cret-smtp', from: 'tickets@comptoir.example' },
    printer: null,
  })
  return app
}

describe('an e-mailed ticket', () => {
  it('reaches the SMTP server with its subject, recipient and a PDF holding the ticket number and totals', async () => {
    const smtp = await startSmtp()
    subject = await appWithSmtp(smtp.port)
    const order = await sellAtTill(subject, { shipped: true })
    const answer = await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@example.org' }, 'cashier')

    expect(answer.email).toBe('sent')
    expect(smtp.received).toHaveLength(1)
    const mail = smtp.received[0]!
    expect(mail.subject).toContain(order.number!)
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('jeanne@example.org')
    expect(mail.from?.text).toBe('tickets@comptoir.example')
    expect(smtp.logins).toEqual(['boutique:s3cret-smtp'])
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    expect(pdf.filename).toBe(`ticket-${order.number}.pdf`)
    const text = pdfText(pdf.content)
    const money = (minor: number) => formatMoney(minor, 'EUR', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ')
    for (const mention of [order.number!, 'SIRET', 'Total TTC', money(order.quote.totals.ttc), money(order.quote.totals.vat), 'Récapitulatif TVA']) {
      expect(text).toContain(mention)
    }
    // The card appears by brand and masked number only.
    expect(text).toMatch(/Carte VISA \S*\s?\S*\s?\S*\s?4242/)
    expect(text).not.toContain('4242 4242 4242 4242')
    expect(mail.text).not.toContain('4242 4242')
  })

  it('waits in the outbox while the server is down, is retried after its backoff and delivered once', async () => {
    const port = await freePort()
    let clock = new Date('2026-12-08T09:00:00.000Z')
    subject = await appWithSmtp(port, () => clock)
    const order = await sellAtTill(subject)
    const answer = await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@example.org' }, 'cashier')
    expect(answer.email).toBe('queued')

    const [waiting] = (await subject.value('receipts.outbox', {})).messages
    expect(waiting).toMatchObject({ orderNumber: order.number, recipient: 'jeanne@example.org', state: 'pending', attempts: 1 })
    expect(waiting!.lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(Date.parse(waiting!.nextAttemptAt)).toBe(clock.getTime() + 30_000)

    const smtp = await startSmtp(port)
    // Not yet due: nothing leaves.
    await subject.app.receiptMailer.sendDue()
    expect(smtp.received).toHaveLength(0)
    clock = new Date(clock.getTime() + 30_000)
    await subject.app.receiptMailer.sendDue()
    await subject.app.receiptMailer.sendDue()
    expect(smtp.received).toHaveLength(1)
    const [sent] = (await subject.value('receipts.outbox', {})).messages
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: null })
  })

  it('is kept across a restart and sent by the next run', async () => {
    const port = await freePort()
    subject = await appWithSmtp(port)
    const order = await sellAtTill(subject, { cash: true })
    expect((await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'paul@example.org' }, 'cashier')).email).toBe('queued')
    const dataDir = subject.dataDir
    subject.app.close()
    const smtp = await startSmtp(port)
    const later = new Date(Date.now() + 60_000)
    subject = createTempApp({ dataDir, now: () => later })
    await subject.app.receiptMailer.sendDue()
    expect(smtp.received.map((mail) => mail.subject)).toEqual([expect.stringContaining(order.number!)])
  })

  it("never sends the SMTP password back to the settings screen, and an administrator's 'retry now' sends at once", async () => {
    const port = await freePort()
    subject = await appWithSmtp(port, () => new Date('2026-12-08T09:00:00.000Z'))
    const settings = await subject.value('receipts.settings', {})
    expect(settings.smtp).toMatchObject({ host: '127.0.0.1', passwordSet: true })
    expect(JSON.stringify(settings)).not.toContain('s3cret-smtp')
    const stored = subject.app.db.prepare("SELECT value FROM settings WHERE key = 'receipts.smtp'").get() as { value: string }
    expect(stored.value).not.toContain('s3cret-smtp')

    const order = await sellAtTill(subject)
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@example.org' }, 'cashier')
    const smtp = await startSmtp(port)
    const [waiting] = (await subject.value('receipts.outbox', {})).messages
    const retried = await subject.value('receipts.retry', { id: waiting!.id })
    expect(retried.state).toBe('sent')
    expect(smtp.received).toHaveLength(1)
    expect((await subject.call('receipts.retry', { id: waiting!.id }, 'cashier')).ok).toBe(false)
  })
})
