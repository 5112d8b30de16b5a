/**
 * Prints a stored HTML document. The frame on screen has an empty sandbox and cannot be asked to
 * print; a hidden copy is made that the page may print (same origin) but that still runs no
 * script, and it goes away once the print dialog closes.
 */
export function printDocument(html: string): void {
  const frame = document.createElement('iframe')
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0'
  const done = (): void => frame.remove()
  frame.addEventListener(
    'load',
    () => {
      const view = frame.contentWindow
      if (!view) return done()
      view.addEventListener('afterprint', () => setTimeout(done, 0), { once: true })
      view.focus()
      view.print()
      setTimeout(done, 60_000)
    },
    { once: true },
  )
  frame.srcdoc = html
  document.body.append(frame)
}
