/**
 * One stylesheet for every customer document. A4 by default; when the printed page is narrow
 * (an 80 mm receipt printer) the same document reflows into a single column.
 *
 * It goes through the template's escaping like everything else, so it holds no quote, `&`, `<`,
 * `>`, `=` or backtick: an escaped quote inside <style> is not decoded and would void the
 * declaration (font names are therefore left unquoted).
 */
export const DOCUMENT_STYLES = `
  @page { size: A4; margin: 16mm; }
  * { box-sizing: border-box; }
  body { font: 11pt/1.45 Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, sans-serif; color: #1b2a33; margin: 0; padding: 24px; background: #fff; }
  header { display: flex; justify-content: space-between; gap: 24px; border-bottom: 2px solid #0f4c5c; padding-bottom: 12px; }
  h1 { font-size: 18pt; margin: 0 0 4px; color: #0f4c5c; }
  h2 { font-size: 12pt; margin: 20px 0 6px; color: #0f4c5c; }
  .shop { font-size: 9.5pt; color: #44545e; }
  .meta { text-align: right; font-size: 10pt; }
  /* A number is read whole: T01-ECOLE-2026-000001 never broken at its hyphens. */
  .meta strong { font-size: 13pt; white-space: nowrap; }
  table { width: 100%; border-collapse: collapse; margin-top: 8px; }
  th, td { padding: 5px 6px; border-bottom: 1px solid #d5dde2; text-align: left; vertical-align: top; }
  th { font-size: 9pt; text-transform: uppercase; letter-spacing: .03em; color: #44545e; }
  td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .muted { color: #5f6f78; font-size: 9pt; }
  .totals { margin-left: auto; width: 50%; }
  .totals td { border: none; padding: 3px 6px; }
  .totals tr.grand td { font-size: 14pt; font-weight: 700; border-top: 2px solid #0f4c5c; padding-top: 6px; }
  .box { border: 1px solid #d5dde2; border-radius: 6px; padding: 8px 12px; margin-top: 8px; }
  .code { font-family: DejaVu Sans Mono, monospace; font-size: 11pt; letter-spacing: .05em; }
  .download { display: flex; gap: 16px; align-items: center; border: 1px solid #d5dde2; border-radius: 6px; padding: 8px 12px; margin-top: 8px; break-inside: avoid; }
  .download img { width: 34mm; height: 34mm; flex: none; }
  .download .code { font-size: 14pt; font-weight: 700; white-space: nowrap; }
  footer { margin-top: 24px; font-size: 8.5pt; color: #5f6f78; border-top: 1px solid #d5dde2; padding-top: 8px; }
  a { color: #0f4c5c; }
  .nowrap { white-space: nowrap; }
  @media print and (max-width: 100mm) {
    @page { size: 80mm auto; margin: 3mm; }
    body { font-size: 8.5pt; padding: 0; }
    header { display: block; }
    h1 { font-size: 13pt; }
    h2 { font-size: 10pt; margin-top: 12px; }
    .meta { text-align: left; margin-top: 6px; }
    .totals { width: 100%; }
    th, td { padding: 3px 2px; }
    th { font-size: 7pt; letter-spacing: 0; }
    .download { display: block; text-align: center; }
    .download img { width: 40mm; height: 40mm; }
  }
`
