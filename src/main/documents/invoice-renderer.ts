import { formatMoney } from '@shared/money'
import { formatDocumentDate, formatDocumentRate, renderDocument } from './document-engine'
import { DOCUMENT_STYLES } from './document-styles'
import type { InvoiceContent } from './invoice-content'
import { INVOICE_TEMPLATE } from './invoice-template'

export interface InvoiceDocumentInput {
  content: InvoiceContent
  /** The invoice's record in the fiscal journal (the short form of its signature is printed). */
  fiscal: { tillId: string; sequence: number; signature: string }
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })

/** Renders the invoice (HTML, printable A4). In French: the language of an invoice in France. */
export function renderInvoice({ content, fiscal }: InvoiceDocumentInput): string {
  const money = (minor: number) => formatMoney(minor, content.currency, 'fr-FR')
  const { buyer } = content
  return renderDocument(INVOICE_TEMPLATE, {
    styles: DOCUMENT_STYLES,
    number: content.number,
    issuedOn: formatDocumentDate(content.issuedAt, 'fr'),
    soldOn: dayFormat.format(content.soldAt),
    orderNumber: content.orderNumber,
    ticket: content.ticket ? `${content.ticket.tillId} n° ${content.ticket.sequence}` : null,
    seller: content.seller,
    buyer,
    buyerSiret: buyer.companyId.length === 14 ? buyer.companyId : null,
    foreign: buyer.address.country !== 'FR',
    lines: content.lines.map((line) => ({
      label: line.label,
      quantity: line.quantity,
      unitPriceHt: money(line.unitPriceHt),
      discountHt: line.discountHt > 0 ? `−${money(line.discountHt)}` : '',
      rate: formatDocumentRate(line.rateBasisPoints, 'fr'),
      lineTotalHt: money(line.lineTotalHt),
    })),
    rates: content.rates.map((rate) => ({
      rate: formatDocumentRate(rate.rateBasisPoints, 'fr'),
      ht: money(rate.ht),
      vat: money(rate.vat),
      ttc: money(rate.ttc),
    })),
    totals: { ht: money(content.totals.ht), vat: money(content.totals.vat), ttc: money(content.totals.ttc) },
    netDue: money(0),
    paidOn: dayFormat.format(content.payment.paidAt),
    paymentMode: content.payment.method === 'cash' ? 'espèces' : 'carte bancaire',
    fiscal: `Journal fiscal : caisse ${fiscal.tillId}, n° ${fiscal.sequence}, signature ${fiscal.signature.slice(0, 12)}`,
  })
}
