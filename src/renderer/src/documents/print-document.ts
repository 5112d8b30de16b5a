export type PrintLayout = 'a4' | 'receipt'

/** The document's own narrow-page rules, e.g. `@media print and (max-width: 100mm)`. */
const NARROW_PAGE = /max-width:\s*\d+(\.\d+)?mm/

function isMediaRule(rule: CSSRule): rule is CSSMediaRule {
  // Not `instanceof`: the rule comes from another window's CSSMediaRule.
  return rule.constructor.name === 'CSSMediaRule' || 'media' in rule
}

/**
 * Makes the document use its receipt layout whatever the printer's paper: its rules for a page
 * at most 100 mm wide (which also set an 80 mm page) apply to every print.
 */
function forceReceiptLayout(document: Document): void {
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (isMediaRule(rule) && NARROW_PAGE.test(rule.media.mediaText)) rule.media.mediaText = 'print'
    }
  }
}

/**
 * Prints a stored order document. The frame on screen is fully sandboxed and cannot be asked to
 * print, so a hidden copy is made that is same-origin (the page may call its print()) but still
 * runs no script (no allow-scripts), and goes away once the print dialog closes.
 */
export function printDocument(html: string, layout: PrintLayout): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe')
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0'
    const done = (): void => {
      frame.remove()
      resolve()
    }
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow
        const printed = frame.contentDocument
        if (!view || !printed) return done()
        if (layout === 'receipt') forceReceiptLayout(printed)
        view.addEventListener('afterprint', () => setTimeout(done, 0), { once: true })
        view.focus()
        view.print()
        // Browsers whose print() returns before the dialog closes still clean up.
        setTimeout(done, 60_000)
      },
      { once: true },
    )
    frame.srcdoc = html
    document.body.append(frame)
  })
}
