import type { OrderReceiptView } from '../documents'
import { trainingNote, TRAINING_MENTION } from '../training'

/**
 * One row of the 80 mm ticket. The PDF and the ESC/POS printer place the same rows, so the e-mailed
 * ticket and the thermal one say the same thing: the shop's legal mentions, each line, the VAT per
 * rate, the totals, the payment and the closing mentions.
 */
export type ReceiptRow =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; bold?: boolean; align?: 'left' | 'center' }
  | { kind: 'pair'; left: string; right: string; bold?: boolean }
  | { kind: 'small'; text: string }
  | { kind: 'rule' }

/** A band on top of a copy of the ticket (a cancellation's): its title, then its lines, centred. */
export function bandRows(band: { title: string; lines: readonly string[] }): ReceiptRow[] {
  return [{ kind: 'title', text: band.title }, ...band.lines.map((text): ReceiptRow => ({ kind: 'text', text, align: 'center' })), { kind: 'rule' }]
}

/** The ticket's rows, in order, from the stored view of the sale. */
export function receiptRows(view: OrderReceiptView): ReceiptRow[] {
  const { l } = view
  // A training sale (MODE ÉCOLE) says so first and last, as its HTML ticket does.
  const training: ReceiptRow[] = view.training
    ? [{ kind: 'title', text: TRAINING_MENTION }, { kind: 'text', text: trainingNote(view.locale), align: 'center' }, { kind: 'rule' }]
    : []
  const rows: ReceiptRow[] = [
    ...training,
    { kind: 'title', text: view.shop.name },
    { kind: 'text', text: view.shop.addressLine, align: 'center' },
    { kind: 'text', text: `${view.shop.postcode} ${view.shop.city}`, align: 'center' },
    { kind: 'text', text: `${l.siret} ${view.shop.siret}`, align: 'center' },
    { kind: 'text', text: `${l.vatNumber} ${view.shop.vatNumber}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'pair', left: l.order, right: view.order.number ?? '' },
  ]
  if (view.ticket) rows.push({ kind: 'pair', left: l.ticket, right: view.ticket, bold: true })
  rows.push({ kind: 'pair', left: l.date, right: view.order.date })
  if (view.order.cashierName) rows.push({ kind: 'pair', left: l.cashier, right: `${view.order.cashierName} · ${l.till} ${view.order.tillId}` })
  if (view.customer) rows.push({ kind: 'pair', left: l.customer, right: view.customer.name })
  rows.push({ kind: 'rule' })
  for (const line of view.lines) {
    rows.push({ kind: 'pair', left: `${line.quantity} x ${line.name}`, right: line.lineTotal })
    rows.push({ kind: 'small', text: `${l.unitPriceHt} ${line.unitPriceHt} · ${l.vatRate} ${line.rate}` })
    if (line.discount) rows.push({ kind: 'small', text: `${l.discount} -${line.discount}` })
  }
  if (view.delivery) rows.push({ kind: 'pair', left: view.delivery.label, right: view.delivery.fee })
  if (view.promotion) rows.push({ kind: 'pair', left: `${l.promotion} ${view.promotion.code}`, right: `-${view.promotion.amount}` })
  rows.push({ kind: 'rule' }, { kind: 'text', text: l.vatSummary, bold: true })
  for (const rate of view.rates) {
    rows.push({ kind: 'pair', left: `${l.rate} ${rate.rate}`, right: `${l.base} ${rate.ht} · ${l.vat} ${rate.vat} · ${l.ttc} ${rate.ttc}` })
    if (rate.shipping) rows.push({ kind: 'small', text: `${l.ofWhichShipping} ${rate.shipping}` })
  }
  rows.push(
    { kind: 'rule' },
    { kind: 'pair', left: l.totalHt, right: view.totals.ht },
    { kind: 'pair', left: l.totalVat, right: view.totals.vat },
    { kind: 'pair', left: l.totalTtc, right: view.totals.ttc, bold: true },
    { kind: 'rule' },
  )
  if (view.payment.mode) rows.push({ kind: 'text', text: `${l.paymentMode} ${view.payment.mode}` })
  // Brand and masked number only: never more of the card.
  if (view.payment.card) {
    rows.push({ kind: 'text', text: `${l.card} ${view.payment.card.brand} ${view.payment.card.masked}` })
    if (view.payment.card.authorizationCode) rows.push({ kind: 'text', text: `${l.authorizationCode} ${view.payment.card.authorizationCode}` })
  }
  if (view.payment.cash) rows.push({ kind: 'text', text: `${l.cash} — ${l.tendered} ${view.payment.cash.tendered} · ${l.change} ${view.payment.cash.change}` })
  if (view.address) {
    const a = view.address
    rows.push({ kind: 'rule' }, { kind: 'text', text: l.deliverTo, bold: true }, { kind: 'text', text: a.recipient }, { kind: 'text', text: a.line1 })
    if (a.line2) rows.push({ kind: 'text', text: a.line2 })
    rows.push({ kind: 'text', text: `${a.postcode} ${a.city} · ${a.country}` })
  }
  if (view.entitlements.length > 0) {
    rows.push({ kind: 'rule' }, { kind: 'text', text: l.downloads, bold: true })
    for (const item of view.entitlements) rows.push({ kind: 'text', text: `${item.name} — ${item.label} ${item.code ?? item.fileName ?? ''}`.trim() })
  }
  rows.push({ kind: 'rule' }, { kind: 'small', text: `${l.pricesTtc} ${l.legalWarranty}` })
  if (view.distanceSale) rows.push({ kind: 'small', text: l.withdrawal })
  rows.push({ kind: 'small', text: l.keepReceipt })
  if (view.fiscal) rows.push({ kind: 'small', text: view.fiscal })
  if (view.training) rows.push({ kind: 'rule' }, ...training.slice(0, 2))
  return rows
}
