import { createConnection } from 'node:net'
import { open } from 'node:fs/promises'
import type { ReceiptPrinterSettings } from '@shared/contract'

/**
 * Sends ESC/POS bytes to the receipt printer: over raw TCP (the JetDirect port, 9100 on most
 * network printers) or into its device file. Resolves once the printer took every byte.
 */
export async function sendToReceiptPrinter(printer: ReceiptPrinterSettings, bytes: Uint8Array, timeoutMs = 5_000): Promise<void> {
  if (printer.kind === 'device') {
    const file = await open(printer.path, 'w')
    try {
      await file.write(bytes)
    } finally {
      await file.close()
    }
    return
  }
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ host: printer.host, port: printer.port })
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`The receipt printer ${printer.host}:${printer.port} did not answer`)))
    socket.once('error', reject)
    socket.once('connect', () => socket.end(bytes))
    socket.once('close', (hadError) => {
      if (!hadError) resolve()
    })
  })
}
