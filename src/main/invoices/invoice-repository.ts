import type { InvoiceBuyer } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface InvoiceRow {
  id: number
  order_id: number
  year: number
  sequence: number
  number: string
  issued_at: string
  issued_by: number
  buyer: string
  total_ttc: number
  html: string
  factur_x: string
  fiscal_record_id: number
  copies: number
}

/** An issued invoice as stored: its number, its buyer, its frozen document and XML. */
export interface StoredInvoice {
  id: number
  orderId: number
  year: number
  sequence: number
  number: string
  issuedAt: string
  issuedBy: number
  buyer: InvoiceBuyer
  totalTtc: number
  html: string
  facturX: string
  fiscalRecordId: number
  /** Copies made after the original. */
  copies: number
}

export type NewInvoice = Omit<StoredInvoice, 'id' | 'copies'>

function toInvoice(row: InvoiceRow): StoredInvoice {
  return {
    id: row.id,
    orderId: row.order_id,
    year: row.year,
    sequence: row.sequence,
    number: row.number,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    buyer: JSON.parse(row.buyer) as InvoiceBuyer,
    totalTtc: row.total_ttc,
    html: row.html,
    facturX: row.factur_x,
    fiscalRecordId: row.fiscal_record_id,
    copies: row.copies,
  }
}

const SELECT_INVOICE = `SELECT invoices.*, (SELECT count(*) FROM invoice_copies WHERE invoice_id = invoices.id) AS copies FROM invoices`

/** The invoices and their copies. Appends only: the table's triggers refuse any change. */
export class InvoiceRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      byOrder: db.prepare<[number], InvoiceRow>(`${SELECT_INVOICE} WHERE order_id = ?`),
      lastSequence: db.prepare<[number], { last: number | null }>('SELECT max(sequence) AS last FROM invoices WHERE year = ?'),
      insert: db.prepare(
        `INSERT INTO invoices (order_id, year, sequence, number, issued_at, issued_by, buyer, total_ttc, html, factur_x, fiscal_record_id)
         VALUES (@orderId, @year, @sequence, @number, @issuedAt, @issuedBy, @buyer, @totalTtc, @html, @facturX, @fiscalRecordId)`,
      ),
      insertCopy: db.prepare(
        `INSERT INTO invoice_copies (invoice_id, copy_number, made_at, made_by, fiscal_record_id)
         VALUES (@invoiceId, @copyNumber, @madeAt, @madeBy, @fiscalRecordId)`,
      ),
    }
  }

  findByOrder(orderId: number): StoredInvoice | null {
    const row = this.statements.byOrder.get(orderId)
    return row ? toInvoice(row) : null
  }

  /** The year's last number given, 0 before its first invoice. */
  lastSequence(year: number): number {
    return this.statements.lastSequence.get(year)?.last ?? 0
  }

  insert(invoice: NewInvoice): number {
    return Number(this.statements.insert.run({ ...invoice, buyer: JSON.stringify(invoice.buyer) }).lastInsertRowid)
  }

  insertCopy(copy: { invoiceId: number; copyNumber: number; madeAt: string; madeBy: number; fiscalRecordId: number }): void {
    this.statements.insertCopy.run(copy)
  }
}
