import type { XReport } from '@shared/contract'
import { escapeHtml, labelledRow } from '../documents/report-html'

/** The words of the printed report, in the screen's language (the caller's i18n). */
export interface XReportWords {
  title: string
  shop: string
  till: string
  session: string
  openedBy: string
  at: string
  sales: string
  refunds: string
  count: string
  cash: string
  card: string
  total: string
  movements: string
  noMovement: string
  cashIn: string
  cashOut: string
  cashNet: string
  float: string
  expected: string
  expectedHidden: string
  reasons: Record<string, string>
}

/**
 * The X report as a printable page: A4 by default, and its own rules for a page at most 100 mm
 * wide (the receipt printer's 80 mm), which `printDocument(html, 'receipt')` applies whatever the
 * paper. Every text is escaped; amounts come formatted by the one money formatter.
 */
export function xReportDocument(
  report: XReport,
  words: XReportWords,
  format: { money: (minor: number) => string; time: (instant: string) => string; shopName: string; lang: string },
): string {
  const { money, time } = format
  const movements = report.movements.length
    ? report.movements
        .map(
          (movement) =>
            `<tr><td>${escapeHtml(time(movement.at))}</td><td>${escapeHtml(movement.kind === 'in' ? words.cashIn : words.cashOut)}</td>` +
            `<td>${escapeHtml(words.reasons[movement.reason] ?? movement.reason)}${movement.note ? ` — ${escapeHtml(movement.note)}` : ''}</td>` +
            `<td class="movement-who">${escapeHtml(movement.userName)}</td><td class="amount">${escapeHtml(money(movement.kind === 'in' ? movement.amount : -movement.amount))}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="5">${escapeHtml(words.noMovement)}</td></tr>`
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
  td.amount, table.figures td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.strong th, tr.strong td { font-weight: bold; border-top: 1px solid #000; }
  @media print and (max-width: 100mm) {
    @page { size: 80mm auto; margin: 3mm; }
    body { font-size: 9pt; }
    h1 { font-size: 11pt; }
    h2 { font-size: 9.5pt; }
    .movement-who { display: none; }
  }
</style></head>
<body>
<h1>${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.shop)} : ${escapeHtml(format.shopName)}</p>
<p>${escapeHtml(words.till)} : ${escapeHtml(report.session.till)} · ${escapeHtml(words.session)} ${report.session.id}</p>
<p>${escapeHtml(words.openedBy)} : ${escapeHtml(report.session.openedBy)}, ${escapeHtml(time(report.session.openedAt))}</p>
<p>${escapeHtml(words.at)}</p>
<h2>${escapeHtml(words.sales)}</h2>
<table class="figures">
${labelledRow(words.count, String(report.sales.count))}${labelledRow(words.cash, money(report.sales.cash))}${labelledRow(words.card, money(report.sales.card))}${labelledRow(words.total, money(report.sales.total), true)}
</table>
<h2>${escapeHtml(words.refunds)}</h2>
<table class="figures">
${labelledRow(words.count, String(report.refunds.count))}${labelledRow(words.cash, money(-report.refunds.cash))}${labelledRow(words.card, money(-report.refunds.card))}${labelledRow(words.total, money(-report.refunds.total), true)}
</table>
<h2>${escapeHtml(words.movements)}</h2>
<table>${movements}</table>
<h2>${escapeHtml(words.cash)}</h2>
<table class="figures">
${labelledRow(words.float, money(report.session.floatAmount))}${labelledRow(words.cashNet, money(report.sales.cash - report.refunds.cash))}${labelledRow(words.cashIn, money(report.cashIn))}${labelledRow(words.cashOut, money(-report.cashOut))}${
    report.expectedCash === null ? `<tr><td colspan="2">${escapeHtml(words.expectedHidden)}</td></tr>` : labelledRow(words.expected, money(report.expectedCash), true)
  }
</table>
</body></html>`
}
