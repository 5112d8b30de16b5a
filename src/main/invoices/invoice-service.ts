import { compactBuyer, type InvoiceBuyer, type InvoiceInfo } from '@shared/contract'
import { isSold, type OrderStatus } from '@shared/domain'
import { shopDay } from '@shared/time/shop-time-zone'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { facturXml, invoiceContent, renderInvoice, type InvoiceSale, type InvoiceSeller } from '../documents'
import { markDuplicate, type FiscalJournal } from '../fiscal'
import type { InvoiceRepository, StoredInvoice } from './invoice-repository'

export interface InvoiceServiceDependencies {
  db: SqliteDatabase
  invoices: InvoiceRepository
  journal: FiscalJournal
  /** A sale by its order id, null when there is no such order. */
  sale: (orderId: number) => InvoiceSale | null
  seller: () => InvoiceSeller
  timeZone: () => string
  now: () => Date
}

/** Why a sale has no invoice: not paid (or voided), refunded in full, or a training sale. */
export type NotInvoiceable = 'not_paid' | 'refunded' | 'training'

export type InvoiceOutcome =
  | { kind: 'not_found' }
  | { kind: 'not_invoiceable'; reason: NotInvoiceable }
  | { kind: 'document'; invoice: InvoiceInfo; html: string; copyNumber: number | null }

/** F-2026-000001: the year and the number in its series, on six digits. */
export function invoiceNumber(year: number, sequence: number): string {
  return `F-${year}-${String(sequence).padStart(6, '0')}`
}

function notInvoiceable(sale: InvoiceSale): NotInvoiceable | null {
  if (sale.training) return 'training'
  if (sale.number === null || !isSold(sale.status as OrderStatus)) return 'not_paid'
  if (sale.status === 'refunded') return 'refunded'
  return null
}

/**
 * Invoices for business customers. One per sale: the first request issues it, numbered in its
 * year's series inside the transaction that writes it and its fiscal record (so two requests at
 * once, or one retried after a failure, never make a gap nor a second number); any later request
 * gives a copy marked DUPLICATA n° k, itself a record of the journal.
 */
export class InvoiceService {
  constructor(private readonly deps: InvoiceServiceDependencies) {}

  issue(orderId: number, buyer: InvoiceBuyer, userId: number): InvoiceOutcome {
    const { db } = this.deps
    // IMMEDIATE: the write lock is taken before the year's last number is read.
    return db.transaction((): InvoiceOutcome => {
      const sale = this.deps.sale(orderId)
      if (!sale) return { kind: 'not_found' }
      const existing = this.deps.invoices.findByOrder(orderId)
      if (existing) return this.copyOf(existing, sale, userId)
      const reason = notInvoiceable(sale)
      if (reason || sale.number === null) return { kind: 'not_invoiceable', reason: reason ?? 'not_paid' }
      return this.issueNew({ ...sale, number: sale.number }, compactBuyer(buyer), userId)
    }).immediate()
  }

  /** A copy of the sale's invoice (DUPLICATA n° k); not found when it has none. */
  copy(orderId: number, userId: number): InvoiceOutcome {
    return this.deps.db.transaction((): InvoiceOutcome => {
      const sale = this.deps.sale(orderId)
      const existing = this.deps.invoices.findByOrder(orderId)
      if (!sale || !existing) return { kind: 'not_found' }
      return this.copyOf(existing, sale, userId)
    }).immediate()
  }

  ofOrder(orderId: number): InvoiceInfo | null {
    const existing = this.deps.invoices.findByOrder(orderId)
    return existing ? this.info(existing, this.deps.sale(orderId)) : null
  }

  /** The Factur-X XML frozen with the invoice. */
  facturX(orderId: number): { fileName: string; xml: string } | null {
    const existing = this.deps.invoices.findByOrder(orderId)
    return existing ? { fileName: `${existing.number}.xml`, xml: existing.facturX } : null
  }

  private issueNew(sale: InvoiceSale & { number: string }, buyer: InvoiceBuyer, userId: number): InvoiceOutcome {
    const { invoices, journal } = this.deps
    const at = this.deps.now()
    const year = Number(shopDay(at, this.deps.timeZone()).slice(0, 4))
    const sequence = invoices.lastSequence(year) + 1
    const number = invoiceNumber(year, sequence)
    const ticket = journal.ticketOf(sale.id)
    const content = invoiceContent({ number, issuedAt: at, sale, seller: this.deps.seller(), buyer, ticket })
    const payload = {
      document: 'invoice',
      number,
      orderId: sale.id,
      orderNumber: sale.number,
      ticket,
      buyer,
      currency: content.currency,
      lines: content.lines.map(({ label, quantity, unitPriceHt, discountHt, lineTotalHt, rateBasisPoints }) => ({
        label,
        quantity,
        unitPriceHt,
        discountHt,
        lineTotalHt,
        vatRateBasisPoints: rateBasisPoints,
      })),
      rates: content.rates,
      totals: content.totals,
    }
    // The sale's ticket already counted its amount in the grand totals: the invoice adds nothing.
    const record = journal.record('invoice', payload, { id: userId }, { orderId: sale.id, at })
    const stored: Omit<StoredInvoice, 'id'> = {
      orderId: sale.id,
      year,
      sequence,
      number,
      issuedAt: record.occurredAt,
      issuedBy: userId,
      buyer,
      totalTtc: content.totals.ttc,
      html: renderInvoice({ content, fiscal: record }),
      facturX: facturXml(content),
      fiscalRecordId: record.id,
      copies: 0,
    }
    const id = invoices.insert(stored)
    return { kind: 'document', invoice: this.info({ ...stored, id }, sale), html: stored.html, copyNumber: null }
  }

  private copyOf(invoice: StoredInvoice, sale: InvoiceSale, userId: number): InvoiceOutcome {
    const copyNumber = invoice.copies + 1
    const payload = { document: 'duplicate', of: 'invoice', invoiceNumber: invoice.number, orderId: invoice.orderId, orderNumber: sale.number, copyNumber, medium: 'print' }
    // Not linked by order id: the ticket's own duplicates are counted by it, and this is not one of them.
    const record = this.deps.journal.record('duplicate', payload, { id: userId }, { orderId: null, at: this.deps.now() })
    this.deps.invoices.insertCopy({ invoiceId: invoice.id, copyNumber, madeAt: record.occurredAt, madeBy: userId, fiscalRecordId: record.id })
    return {
      kind: 'document',
      invoice: this.info({ ...invoice, copies: copyNumber }, sale),
      html: markDuplicate(invoice.html, copyNumber, record.occurredAt, record),
      copyNumber,
    }
  }

  private info(invoice: StoredInvoice, sale: InvoiceSale | null): InvoiceInfo {
    return {
      number: invoice.number,
      orderId: invoice.orderId,
      orderNumber: sale?.number ?? '',
      issuedAt: invoice.issuedAt,
      buyer: invoice.buyer,
      totalTtc: invoice.totalTtc,
      copies: invoice.copies,
    }
  }
}
