import type { OrderReceiptView } from '../documents'

const WORDS = {
  fr: {
    subject: 'Votre ticket {number} — {shop}',
    hello: 'Bonjour,',
    attached: 'Vous trouverez ci-joint le ticket de votre achat du {date} ({total}).',
    downloads: 'Vos téléchargements :',
    thanks: 'Merci de votre visite.',
    file: 'ticket-{number}.pdf',
  },
  en: {
    subject: 'Your receipt {number} — {shop}',
    hello: 'Hello,',
    attached: 'Please find attached the receipt of your purchase of {date} ({total}).',
    downloads: 'Your downloads:',
    thanks: 'Thank you for your visit.',
    file: 'receipt-{number}.pdf',
  },
} as const

/** The e-mail's words in the sale's language, with the customer's download links (each time-limited). */
export function receiptMail(view: OrderReceiptView): { subject: string; text: string; fileName: string } {
  const w = WORDS[view.locale]
  const number = view.ticket ?? view.order.number ?? ''
  const lines = [w.hello, '', w.attached.replace('{date}', view.order.date).replace('{total}', view.totals.ttc)]
  if (view.links.length > 0) {
    lines.push('', w.downloads)
    for (const link of view.links) {
      lines.push(`- ${link.name}: ${link.url}`, `  ${link.or} ${link.code}`, `  ${link.valid}`)
    }
  }
  lines.push('', w.thanks, view.shop.name, `${view.shop.addressLine}, ${view.shop.postcode} ${view.shop.city}`)
  return {
    subject: w.subject.replace('{number}', view.order.number ?? number).replace('{shop}', view.shop.name),
    text: lines.join('\n'),
    fileName: w.file.replace('{number}', view.order.number ?? number),
  }
}
