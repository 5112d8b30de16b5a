import { BrowserWindow } from 'electron'
import type { DocumentPrinter } from '../documents'

/**
 * Prints documents to PDF in a hidden, sandboxed window that runs no script: the approval is our
 * own escaped HTML, but it carries customer text, so it gets no more power than it needs.
 */
export function createPdfPrinter(): DocumentPrinter {
  return {
    async toPdf(html) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          nodeIntegrationInWorker: false,
          javascript: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          disableBlinkFeatures: 'Auxclick',
          webviewTag: false,
          navigateOnDragDrop: false,
        },
      })
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
      } finally {
        window.destroy()
      }
    },
  }
}
