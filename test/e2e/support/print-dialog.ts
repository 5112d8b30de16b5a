import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** A printed document: its HTML, and the media text of each of its style rules as printed. */
export interface PrintedDocument {
  html: string
  media: string[]
}

/**
 * Headless Chromium shows no print dialog, but its print() still lays the document out for a
 * printer, which on a loaded 2-core machine has taken more than 10 s (two CI runs failed so).
 * Here the hidden printing frame's print() is replaced, as the frame loads, by a dialog that the
 * cashier closes at once: it keeps the document and fires `afterprint`, the event a closing dialog
 * fires. What the page does with the frame and the focus afterwards is the app's own code.
 */
function replacePrintInHiddenFrames(): void {
  const top = window as unknown as { __printed?: PrintedDocument[] }
  if (window.top !== window || top.__printed !== undefined) return
  const printed: PrintedDocument[] = []
  top.__printed = printed
  // A capturing listener on the document runs before the frame's own `load` listener (the app's).
  document.addEventListener(
    'load',
    (event) => {
      const frame = event.target
      if (!(frame instanceof HTMLIFrameElement) || frame.getAttribute('aria-hidden') !== 'true') return
      const view = frame.contentWindow
      if (!view) return
      view.print = () => {
        // The document, and the media its style rules apply to as printed (a receipt's narrow rules become 'print').
        const media = Array.from(frame.contentDocument?.styleSheets ?? []).flatMap((sheet) =>
          Array.from(sheet.cssRules).flatMap((rule) => ('media' in rule ? [(rule as CSSMediaRule).media.mediaText] : [])),
        )
        printed.push({ html: frame.srcdoc, media })
        setTimeout(() => view.dispatchEvent(new Event('afterprint')), 0)
      }
    },
    true,
  )
}

/** From now on, and after any reload, each print opens a dialog that closes at once. */
export async function closePrintDialogsAtOnce(page: Page): Promise<void> {
  await page.addInitScript(replacePrintInHiddenFrames)
  await page.evaluate(replacePrintInHiddenFrames)
}

/** The documents printed since `closePrintDialogsAtOnce`, in order. */
export function printedDocuments(page: Page): Promise<PrintedDocument[]> {
  return page.evaluate(() => (window as unknown as { __printed?: PrintedDocument[] }).__printed ?? [])
}

/** Waits for the number of documents printed to reach `count`, then for the hidden frame to go. */
export async function expectPrinted(page: Page, count: number): Promise<void> {
  await expect.poll(async () => (await printedDocuments(page)).length).toBe(count)
  await expect.poll(() => page.locator('iframe[aria-hidden="true"]').count()).toBe(0)
}
