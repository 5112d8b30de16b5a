import nodemailer from 'nodemailer'
import type { Logger } from '../../platform/logging/logger'
import type { OutboxEntry, ReceiptOutboxRepository, StoredReceipt } from './receipt-outbox-repository'
import type { ReceiptSettings } from './receipt-settings'
import { receiptRows } from './receipt-layout'
import { receiptPdf } from './receipt-pdf'
import { receiptMail } from './receipt-mail-content'

/** First retry after 30 s, then doubling, never more than an hour apart: a mail server down all day is tried all day. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

export interface ReceiptMailerDependencies {
  outbox: ReceiptOutboxRepository
  settings: ReceiptSettings
  now: () => Date
  logger: Logger
  /** How often the waiting e-mails are looked at; 0 for none (the tests call `sendDue`). */
  pollMs?: number
}

/**
 * Sends the outbox's e-mails through the shop's SMTP server, each with its ticket as a PDF.
 * An e-mail is marked sent only once the server accepted it; a failure keeps it waiting with its
 * error and the time of its next attempt. One e-mail is never sent by two attempts at once.
 */
export class ReceiptMailer {
  private readonly inFlight = new Map<number, Promise<OutboxEntry | null>>()
  private timer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(private readonly deps: ReceiptMailerDependencies) {}

  start(): void {
    const poll = this.deps.pollMs ?? 15_000
    if (poll <= 0 || this.timer) return
    this.timer = setInterval(() => void this.sendDue(), poll)
    this.timer.unref()
    void this.sendDue()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Every e-mail whose next attempt is due, one after the other. */
  async sendDue(): Promise<void> {
    for (const id of this.deps.outbox.dueIds(this.deps.now().toISOString())) {
      if (this.stopped) return
      await this.send(id)
    }
  }

  /** One attempt at one e-mail (or the attempt already under way); its state after it. */
  send(id: number): Promise<OutboxEntry | null> {
    let attempt = this.inFlight.get(id)
    if (!attempt) {
      attempt = this.attempt(id).finally(() => this.inFlight.delete(id))
      this.inFlight.set(id, attempt)
    }
    return attempt
  }

  private async attempt(id: number): Promise<OutboxEntry | null> {
    const { outbox, settings, now, logger } = this.deps
    const entry = outbox.find(id)
    if (!entry || entry.state !== 'pending') return entry
    try {
      const smtp = settings.smtp()
      if (!smtp) throw new Error('No SMTP server is set')
      const receipt = outbox.receipt(entry.orderId)
      if (!receipt) throw new Error(`No ticket kept for order ${entry.orderNumber}`)
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.tls === 'tls',
        requireTLS: smtp.tls === 'starttls',
        ignoreTLS: smtp.tls === 'none',
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
      try {
        await transport.sendMail(await this.message(entry, receipt, smtp.from))
      } finally {
        transport.close()
      }
      if (this.stopped) return entry
      outbox.markSent(id, now().toISOString())
    } catch (error) {
      if (this.stopped) return entry
      const message = error instanceof Error ? error.message : String(error)
      const next = new Date(now().getTime() + nextAttemptDelayMs(entry.attempts + 1)).toISOString()
      outbox.markFailed(id, message.slice(0, 500), next)
      logger.warn('An e-mailed ticket was not sent; it will be tried again', { outboxId: id, attempts: entry.attempts + 1, error: message })
    }
    return outbox.find(id)
  }

  private async message(entry: OutboxEntry, receipt: StoredReceipt, from: string) {
    const mail = receiptMail(receipt.view)
    const pdf = await receiptPdf(receiptRows(receipt.view), mail.subject)
    return {
      from,
      to: entry.recipient,
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: mail.fileName, content: pdf, contentType: 'application/pdf' }],
    }
  }
}
