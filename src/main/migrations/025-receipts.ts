import type { Migration } from '../../platform/sqlite/migration'

/**
 * Receipts that reach the customer (issue 15). `order_receipts` keeps each paid sale's ticket as
 * data (the approval's view: legal mentions, lines, VAT per rate, totals, payment, download
 * links), written with the sale, so an e-mailed PDF or a thermal print says what the HTML ticket
 * says. `receipt_outbox` holds each e-mail to send: written with the request's audit entry, sent
 * afterwards, retried with backoff, kept across restarts.
 */
export const receipts: Migration = {
  version: 25,
  name: 'receipts',
  up(db) {
    db.exec(`
      CREATE TABLE order_receipts (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id),
        payment_method TEXT,
        view_json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE receipt_outbox (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        recipient TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX receipt_outbox_due ON receipt_outbox (state, next_attempt_at);
    `)
  },
}
