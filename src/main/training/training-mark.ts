/** What a training sale's documents say of themselves, in French as the law's mentions are. */
export const TRAINING_MENTION = 'MODE ÉCOLE — SIMULATION'

/** The line under the mention: no valid ticket. */
export function trainingNote(locale: 'fr' | 'en'): string {
  return locale === 'fr' ? 'Ticket de formation, sans valeur' : 'Training ticket, not a valid ticket'
}

const BAND_STYLE = 'border:3px dashed #b45309;background:#fef3c7;color:#7c2d12;padding:6px 10px;margin:0 0 12px;text-align:center;font-weight:700;letter-spacing:0.08em'

/**
 * A training sale's approval with a band above and below its content: "MODE ÉCOLE — SIMULATION",
 * not a valid ticket. The band is part of the stored document, so every copy (reprint, PDF) says it.
 */
export function markTraining(html: string, locale: 'fr' | 'en'): string {
  const note = trainingNote(locale)
  const band = `<div class="training" role="note" style="${BAND_STYLE}">${TRAINING_MENTION}<br><span style="font-weight:400;letter-spacing:0">${note}</span></div>`
  const body = /<body[^>]*>/i.exec(html)
  const end = /<\/body>/i.exec(html)
  if (!body || !end) return band + html + band
  const at = body.index + body[0].length
  return html.slice(0, at) + band + html.slice(at, end.index) + band + html.slice(end.index)
}
