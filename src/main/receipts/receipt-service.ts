import type { ReceiptSettingsView } from '@shared/contract'
import type { Logger } from '../../platform/logging/logger'
import type { OrderReceiptView } from '../documents'
import type { OutboxEntry, ReceiptOutboxRepository } from './receipt-outbox-repository'
import type { ReceiptMailer } from './receipt-mailer'
import type { ReceiptSettings } from './receipt-settings'
import { bandRows, receiptRows } from './receipt-layout'
import { receiptEscPos } from './receipt-escpos'
import { sendToReceiptPrinter } from './receipt-printer'

export interface ReceiptServiceDependencies {
  outbox: ReceiptOutboxRepository
  settings: ReceiptSettings
  mailer: ReceiptMailer
  now: () => Date
  logger: Logger
  /** How long the till waits for the SMTP server before saying 'en file d'attente'. */
  answerWithinMs?: number
}

/**
 * Tickets that reach the customer: the sale's ticket kept as data when it is paid, e-mailed as a
 * PDF through the outbox, or printed on the receipt printer (the drawer opened for cash).
 */
export class ReceiptService {
  constructor(private readonly deps: ReceiptServiceDependencies) {}

  /** Inside the sale's transaction: the ticket as the approval shows it. */
  keep(orderId: number, view: OrderReceiptView, paymentMethod: string | null): void {
    this.deps.outbox.keepReceipt(orderId, { view, paymentMethod })
  }

  /** Inside the request's transaction (with its audit entry): the e-mail waits in the outbox. */
  queueEmail(orderId: number, recipient: string, at: Date): number {
    return this.deps.outbox.enqueue(orderId, recipient, at.toISOString())
  }

  /**
   * A first attempt right away: 'sent' when the server took it in time, else 'queued' (the attempt
   * goes on, and the retries after it).
   */
  async deliver(id: number): Promise<'sent' | 'queued'> {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.deps.answerWithinMs ?? 4_000)
    })
    const entry = await Promise.race([this.deps.mailer.send(id), late])
    clearTimeout(timer)
    return entry?.state === 'sent' ? 'sent' : 'queued'
  }

  /**
   * The ticket on the receipt printer; null when none is set (the till prints the HTML ticket).
   * A `band` goes on top (a cancellation's): such a copy never opens the drawer, no cash moves.
   */
  async print(orderId: number, band?: { title: string; lines: readonly string[] }): Promise<'printed' | 'failed' | null> {
    const printer = this.deps.settings.printer()
    if (!printer) return null
    const receipt = this.deps.outbox.receipt(orderId)
    if (!receipt) return 'failed'
    const bytes = receiptEscPos([...(band ? bandRows(band) : []), ...receiptRows(receipt.view)], {
      code: receipt.view.order.number,
      openDrawer: !band && receipt.paymentMethod === 'cash',
    })
    try {
      await sendToReceiptPrinter(printer, bytes)
      return 'printed'
    } catch (error) {
      this.deps.logger.warn('The receipt printer did not print', { error: error instanceof Error ? error.message : String(error) })
      return 'failed'
    }
  }

  settingsView(): ReceiptSettingsView {
    return { smtp: this.deps.settings.smtpView(), printer: this.deps.settings.printer() }
  }

  outbox(): OutboxEntry[] {
    return this.deps.outbox.list()
  }

  /** 'Retry now': the e-mail is due at once and tried. */
  async retry(id: number): Promise<OutboxEntry | null> {
    const entry = this.deps.outbox.find(id)
    if (!entry) return null
    if (entry.state === 'pending') {
      this.deps.outbox.makeDue(id, this.deps.now().toISOString())
      return this.deps.mailer.send(id)
    }
    return entry
  }
}
