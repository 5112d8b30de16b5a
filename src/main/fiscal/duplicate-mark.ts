const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/**
 * The stored approval (never regenerated) with a band on top: "DUPLICATA n° k", when it was
 * made and its journal number. The original's content is left as it was printed.
 */
export function markDuplicate(html: string, copyNumber: number, occurredAt: string, record: { tillId: string; sequence: number }): string {
  const when = occurredAt.slice(0, 19).replace('T', ' ')
  const band =
    '<div class="duplicata" role="note" style="border:2px solid #1b2a33;padding:6px 10px;margin:0 0 12px;text-align:center;font-weight:700;letter-spacing:0.08em">' +
    `DUPLICATA n° ${copyNumber}<br><span style="font-weight:400;letter-spacing:0">${escapeHtml(when)} — ${escapeHtml(record.tillId)} / ${record.sequence}</span></div>`
  const body = /<body[^>]*>/i.exec(html)
  if (!body) return band + html
  const at = body.index + body[0].length
  return html.slice(0, at) + band + html.slice(at)
}
