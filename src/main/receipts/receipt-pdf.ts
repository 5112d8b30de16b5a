import PDFDocument from 'pdfkit'
import type { ReceiptRow } from './receipt-layout'

/** 80 mm in PDF points: the ticket keeps its till width in the e-mail. */
const WIDTH = 227
const MARGIN = 10

/**
 * The standard PDF fonts speak WinAnsi: French number formatting's narrow no-break space and the
 * typographic minus have no glyph there, so they become their plain neighbours.
 */
export function winAnsiText(text: string): string {
  return text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/\u2212/g, '-')
}

/** The ticket as a PDF, one row after the other, in Helvetica (no font file to ship). */
export function receiptPdf(rows: readonly ReceiptRow[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: [WIDTH, 842], margin: MARGIN, info: { Title: winAnsiText(title), Producer: 'Comptoir' } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const width = WIDTH - 2 * MARGIN
  for (const row of rows) {
    switch (row.kind) {
      case 'title':
        doc.font('Helvetica-Bold').fontSize(12).text(winAnsiText(row.text), { width, align: 'center' })
        break
      case 'text':
        doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).text(winAnsiText(row.text), { width, align: row.align ?? 'left' })
        break
      case 'small':
        doc.font('Helvetica').fontSize(6.5).text(winAnsiText(row.text), { width })
        break
      case 'pair': {
        doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(row.bold ? 10 : 8)
        const y = doc.y
        const right = winAnsiText(row.right)
        const rightWidth = Math.min(doc.widthOfString(right), width * 0.7)
        doc.text(winAnsiText(row.left), MARGIN, y, { width: width - rightWidth - 4 })
        const after = doc.y
        doc.text(right, MARGIN + width - rightWidth, y, { width: rightWidth, align: 'right' })
        doc.x = MARGIN
        doc.y = Math.max(after, doc.y)
        break
      }
      case 'rule':
        doc.moveDown(0.3).moveTo(MARGIN, doc.y).lineTo(WIDTH - MARGIN, doc.y).lineWidth(0.5).stroke().moveDown(0.3)
        break
    }
  }
  doc.end()
  return done
}
