import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import type { ReceiptRow } from './receipt-layout'

/** Font A on an 80 mm printer: 48 characters a line. */
const COLUMNS = 48

export interface EscPosOptions {
  /** The ticket's number, printed as a QR code for a return or a duplicate to find the sale. */
  code: string | null
  /** Cash was taken: the drawer is kicked open (ESC p) before the paper is cut. */
  openDrawer: boolean
}

/**
 * The ticket as ESC/POS bytes for an 80 mm thermal printer (Epson's command set), cut at the end.
 */
export function receiptEscPos(rows: readonly ReceiptRow[], options: EscPosOptions): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ printerModel: 'epson-tm-t88vi', columns: COLUMNS })
  // The code page is chosen per line by the library: the euro sign and French accents print.
  let ticket = encoder.initialize()
  for (const row of rows) {
    switch (row.kind) {
      case 'title':
        ticket = ticket.align('center').bold(true).size(2, 2).line(plain(row.text)).size(1, 1).bold(false).align('left')
        break
      case 'text':
        ticket = ticket.align(row.align ?? 'left').bold(Boolean(row.bold)).line(plain(row.text)).bold(false).align('left')
        break
      case 'small':
        ticket = ticket.font('B').line(plain(row.text)).font('A')
        break
      case 'pair':
        ticket = ticket.bold(Boolean(row.bold)).line(pair(plain(row.left), plain(row.right))).bold(false)
        break
      case 'rule':
        ticket = ticket.rule()
        break
    }
  }
  if (options.code) ticket = ticket.newline().align('center').qrcode(options.code, { model: 2, size: 6, errorlevel: 'm' }).align('left')
  if (options.openDrawer) ticket = ticket.pulse()
  return ticket.newline(4).cut().encode()
}

/** The printer's code page has no narrow spaces nor the typographic minus. */
function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, ' ').replace(/\u2212/g, '-').replace(/[’]/g, "'")
}

/** A label on the left and an amount on the right of one 48-column line (the label wraps above when long). */
function pair(left: string, right: string): string {
  const room = COLUMNS - right.length - 1
  if (left.length <= room) return left + ' '.repeat(COLUMNS - left.length - right.length) + right
  return `${left}\n${' '.repeat(Math.max(0, COLUMNS - right.length))}${right}`
}
