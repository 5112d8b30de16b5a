import type { FiscalDayClosing } from '@shared/contract/calls/fiscal-calls'
import { escapeHtml, labelledRow } from './report-html'

/** The words of the printed Z, in the screen's language (the caller's i18n). */
export interface ZReportWords {
  title: string
  shop: string
  till: string
  number: string
  written: string
  records: string
  rates: string
  rate: string
  ht: string
  vat: string
  ttc: string
  payments: string
  noSale: string
  counts: string
  tickets: string
  creditNotes: string
  cancellations: string
  duplicates: string
  totals: string
  dayNet: string
  dayAbsolute: string
  gtNet: string
  gtAbsolute: string
  signature: string
  mode: (mode: string) => string
}

/**
 * The daily closing (Z) as a printable page: A4 by default, and its own rules for a page at most
 * 100 mm wide (the receipt printer's 80 mm), which `printDocument(html, 'receipt')` applies. It
 * prints what the signed record holds, with the short form of its signature; every text is
 * escaped and amounts come formatted by the one money formatter.
 */
export function zReportDocument(
  closing: FiscalDayClosing,
  words: ZReportWords,
  format: { money: (minor: number) => string; rate: (basisPoints: number) => string; shopName: string; lang: string },
): string {
  const { money } = format
  const rates = closing.rates.length
    ? closing.rates
        .map(
          (rate) =>
            `<tr><th scope="row">${escapeHtml(format.rate(rate.rateBasisPoints))}</th><td>${escapeHtml(money(rate.ht))}</td>` +
            `<td>${escapeHtml(money(rate.vat))}</td><td>${escapeHtml(money(rate.ttc))}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="4">${escapeHtml(words.noSale)}</td></tr>`
  const payments = closing.payments.length
    ? closing.payments.map((payment) => labelledRow(words.mode(payment.mode), money(payment.amount))).join('')
    : `<tr><td colspan="2">${escapeHtml(words.noSale)}</td></tr>`
  return `<!doctype html>
<html lang="${escapeHtml(format.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; color: #000; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #000; }
  p { margin: 0 0 2pt; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 2pt 4pt; vertical-align: top; }
  td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  thead th { text-align: right; }
  thead th:first-child { text-align: left; }
  tr.strong th, tr.strong td { font-weight: bold; border-top: 1px solid #000; }
  .signature { font-family: 'DejaVu Sans Mono', monospace; word-break: break-all; }
  @media print and (max-width: 100mm) {
    @page { size: 80mm auto; margin: 3mm; }
    body { font-size: 9pt; }
    h1 { font-size: 11pt; }
    h2 { font-size: 9.5pt; }
    th, td { padding: 1pt 2pt; }
  }
</style></head>
<body>
<h1>${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.shop)} : ${escapeHtml(format.shopName)}</p>
<p>${escapeHtml(words.till)} : ${escapeHtml(closing.tillId)} · ${escapeHtml(words.number)} ${closing.sequence}</p>
<p>${escapeHtml(words.written)}</p>
<p>${escapeHtml(words.records)}</p>
<h2>${escapeHtml(words.rates)}</h2>
<table>
<thead><tr><th scope="col">${escapeHtml(words.rate)}</th><th scope="col">${escapeHtml(words.ht)}</th><th scope="col">${escapeHtml(words.vat)}</th><th scope="col">${escapeHtml(words.ttc)}</th></tr></thead>
<tbody>${rates}</tbody>
</table>
<h2>${escapeHtml(words.payments)}</h2>
<table>${payments}</table>
<h2>${escapeHtml(words.counts)}</h2>
<table>
${labelledRow(words.tickets, String(closing.counts.tickets))}${labelledRow(words.creditNotes, String(closing.counts.creditNotes))}${labelledRow(words.cancellations, String(closing.counts.cancellations))}${labelledRow(words.duplicates, String(closing.counts.duplicates))}
</table>
<h2>${escapeHtml(words.totals)}</h2>
<table>
${labelledRow(words.dayNet, money(closing.dayTotals.net), true)}${labelledRow(words.dayAbsolute, money(closing.dayTotals.absolute))}${labelledRow(words.gtNet, money(closing.perpetual.gtNet), true)}${labelledRow(words.gtAbsolute, money(closing.perpetual.gtAbsolute))}
</table>
<p class="signature">${escapeHtml(words.signature)} : ${escapeHtml(closing.signature.slice(0, 12))}</p>
</body></html>`
}
