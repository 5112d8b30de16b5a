import type { OutboxMessage } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { OrderReceiptView } from '../documents'

interface OutboxRow {
  id: number
  order_id: number
  order_number: string
  recipient: string
  state: 'pending' | 'sent'
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

interface ReceiptRow {
  payment_method: string | null
  view_json: string
}

/** A sale's ticket as data, as it was written with the sale. */
export interface StoredReceipt {
  paymentMethod: string | null
  view: OrderReceiptView
}

export interface OutboxEntry extends OutboxMessage {
  orderId: number
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  id: row.id,
  orderId: row.order_id,
  orderNumber: row.order_number,
  recipient: row.recipient,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  sentAt: row.sent_at,
})

const SELECT = `SELECT b.id, b.order_id, o.number AS order_number, b.recipient, b.state, b.attempts, b.next_attempt_at,
  b.last_error, b.created_at, b.sent_at FROM receipt_outbox b JOIN orders o ON o.id = b.order_id`

/** The tickets kept as data and the e-mails waiting to leave. */
export class ReceiptOutboxRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      keep: db.prepare<[number, string | null, string]>(
        'INSERT INTO order_receipts (order_id, payment_method, view_json) VALUES (?, ?, ?) ON CONFLICT (order_id) DO NOTHING',
      ),
      receipt: db.prepare<[number], ReceiptRow>('SELECT payment_method, view_json FROM order_receipts WHERE order_id = ?'),
      enqueue: db.prepare<[number, string, string, string]>(
        "INSERT INTO receipt_outbox (order_id, recipient, state, next_attempt_at, created_at) VALUES (?, ?, 'pending', ?, ?)",
      ),
      one: db.prepare<[number], OutboxRow>(`${SELECT} WHERE b.id = ?`),
      due: db.prepare<[string], { id: number }>(
        "SELECT id FROM receipt_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id",
      ),
      list: db.prepare<[], OutboxRow>(`${SELECT} ORDER BY b.id DESC LIMIT 200`),
      sent: db.prepare<[string, number]>(
        "UPDATE receipt_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'pending'",
      ),
      failed: db.prepare<[string, string, number]>(
        "UPDATE receipt_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'",
      ),
      dueNow: db.prepare<[string, number]>("UPDATE receipt_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending'"),
    }
  }

  keepReceipt(orderId: number, receipt: StoredReceipt): void {
    this.statements.keep.run(orderId, receipt.paymentMethod, JSON.stringify(receipt.view))
  }

  receipt(orderId: number): StoredReceipt | null {
    const row = this.statements.receipt.get(orderId)
    return row ? { paymentMethod: row.payment_method, view: JSON.parse(row.view_json) as OrderReceiptView } : null
  }

  enqueue(orderId: number, recipient: string, at: string): number {
    return Number(this.statements.enqueue.run(orderId, recipient, at, at).lastInsertRowid)
  }

  find(id: number): OutboxEntry | null {
    const row = this.statements.one.get(id)
    return row ? toEntry(row) : null
  }

  dueIds(at: string): number[] {
    return this.statements.due.all(at).map((row) => row.id)
  }

  list(): OutboxEntry[] {
    return this.statements.list.all().map(toEntry)
  }

  markSent(id: number, at: string): void {
    this.statements.sent.run(at, id)
  }

  markFailed(id: number, error: string, nextAttemptAt: string): void {
    this.statements.failed.run(error, nextAttemptAt, id)
  }

  makeDue(id: number, at: string): void {
    this.statements.dueNow.run(at, id)
  }
}
