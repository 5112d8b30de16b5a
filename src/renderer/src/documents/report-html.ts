/** Escapes a text for HTML: the printed reports put every word and amount through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** One labelled figure of a printed report: the label as the row's header, the value beside it. */
export function labelledRow(label: string, value: string, strong = false): string {
  return `<tr${strong ? ' class="strong"' : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`
}
