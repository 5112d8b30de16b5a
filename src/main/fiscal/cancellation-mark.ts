import { formatMoney } from '@shared/money'
import type { FiscalRecord } from './fiscal-record'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

const WORDS = {
  fr: { title: 'TICKET D’ANNULATION', cancelled: 'Paiement par carte annulé', record: 'Journal fiscal', signature: 'signature', reason: 'Motif' },
  en: { title: 'CANCELLATION RECEIPT', cancelled: 'Card payment cancelled', record: 'Fiscal journal', signature: 'signature', reason: 'Reason' },
} as const

/** The cancellation's words, in the language of the ticket they go on. */
export interface CancellationBand {
  title: string
  lines: string[]
}

export function cancellationBand(record: FiscalRecord, currency: string, locale: 'fr' | 'en'): CancellationBand {
  const words = WORDS[locale]
  const when = record.occurredAt.slice(0, 19).replace('T', ' ')
  const amount = formatMoney(record.amountTtc, currency, locale === 'fr' ? 'fr-FR' : 'en-GB')
  const reason = (record.payload as { reason?: unknown } | null)?.reason
  return {
    title: words.title,
    lines: [
      `${words.cancelled} : ${amount}`,
      ...(typeof reason === 'string' && reason ? [`${words.reason} : ${reason}`] : []),
      `${when} — ${words.record} ${record.tillId} / ${record.sequence}, ${words.signature} ${record.signature.slice(0, 12)}`,
    ],
  }
}

/** The language a stored approval was written in (its `<html lang>`). */
export function documentLocale(html: string): 'fr' | 'en' {
  return /<html[^>]*lang="en"/i.test(html) ? 'en' : 'fr'
}

/**
 * A cancelled card payment's document (AGEC exception, décret 2023-1204: printed without asking).
 * It is the stored approval, never regenerated, under a band naming the cancellation: its amount,
 * when, its journal number and signature. The band speaks the language of the document it marks.
 */
export function markCancellation(html: string, band: CancellationBand): string {
  const [first, ...rest] = band.lines
  const box =
    '<div class="cancellation" role="note" style="border:3px double #1b2a33;padding:6px 10px;margin:0 0 12px;text-align:center">' +
    `<strong style="letter-spacing:0.08em">${escapeHtml(band.title)}</strong><br>` +
    `<span data-cancellation-amount>${escapeHtml(first ?? '')}</span><br>` +
    rest.map((line) => `<span style="font-size:0.85em">${escapeHtml(line)}</span>`).join('<br>') +
    '</div>'
  const body = /<body[^>]*>/i.exec(html)
  if (!body) return box + html
  const at = body.index + body[0].length
  return html.slice(0, at) + box + html.slice(at)
}
