import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPdfPrinter } from '../../../src/main/electron/pdf-printer'
import { BrowserWindow, resetFakeElectron } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

beforeEach(() => resetFakeElectron())

describe('the order approval saved as PDF in the desktop app', () => {
  it('prints in a hidden, sandboxed window that runs no script, then closes it', async () => {
    const pdf = await createPdfPrinter().toPdf('<!doctype html><p>Commande 2026-000001</p>')
    expect(pdf.toString()).toMatch(/^%PDF/)
    const [window] = BrowserWindow.instances
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    })
    expect(decodeURIComponent(window!.loadedUrl!)).toContain('Commande 2026-000001')
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true })
    expect(window!.destroy).toHaveBeenCalledOnce()
  })

  it('closes the hidden window even when printing fails', async () => {
    const printer = createPdfPrinter()
    const failing = printer.toPdf('<p>x</p>')
    const [window] = BrowserWindow.instances
    window!.webContents.printToPDF.mockRejectedValueOnce(new Error('printer gone'))
    await expect(failing).rejects.toThrow('printer gone')
    expect(window!.destroy).toHaveBeenCalledOnce()
  })
})
