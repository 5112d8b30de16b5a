import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { OrderShipment } from './order-record'

/** A parcel handed to a carrier, with its notice (empty until rendered, for generated histories). */
export interface ShipmentWithNotice extends OrderShipment {
  noticeHtml: string
}

/** Shipments as the back-office writes them: one per order, with the notice rendered for good. */
export class ShipmentRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare<[number, string, string, number, string, string]>(
        `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_by, shipped_at, notice_html)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      notice: db.prepare<[number], { carrier: string; tracking_number: string; shipped_at: string; notice_html: string }>(
        'SELECT carrier, tracking_number, shipped_at, notice_html FROM shipments WHERE order_id = ?',
      ),
      storeNotice: db.prepare<[string, number]>("UPDATE shipments SET notice_html = ? WHERE order_id = ? AND notice_html = ''"),
    }
  }

  insert(orderId: number, carrier: string, trackingNumber: string, shippedBy: number, shippedAt: string, noticeHtml: string): void {
    this.statements.insert.run(orderId, carrier, trackingNumber, shippedBy, shippedAt, noticeHtml)
  }

  find(orderId: number): ShipmentWithNotice | null {
    const row = this.statements.notice.get(orderId)
    return row
      ? { carrier: row.carrier, trackingNumber: row.tracking_number, shippedAt: row.shipped_at, noticeHtml: row.notice_html }
      : null
  }

  /** Generated histories store shipments without a notice; it is rendered once, when first asked. */
  storeNoticeIfMissing(orderId: number, html: string): void {
    this.statements.storeNotice.run(html, orderId)
  }
}
