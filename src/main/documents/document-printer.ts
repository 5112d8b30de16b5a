/**
 * Turns a stored HTML document into a PDF. Only the desktop shell has one (Electron's
 * `printToPDF`); in browser mode the page prints through the browser's own dialog instead.
 */
export interface DocumentPrinter {
  toPdf(html: string): Promise<Buffer>
}
