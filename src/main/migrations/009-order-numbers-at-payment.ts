import type { Migration } from '../../platform/sqlite/migration'
import { orderSearchDocumentSql } from './order-search-document'
import { rebuildTable } from '../../platform/sqlite/rebuild-table'

/**
 * An order's number is given when it is paid, from its till's series, without gaps.
 *
 * - `orders.number` becomes nullable (the table is rebuilt, ids, indexes and triggers kept): a
 *   checkout in progress, declined, cancelled or abandoned has only its internal id. Orders
 *   numbered before keep their numbers (`2026-000123`, the former shop-wide series, closed here).
 * - `order_number_sequences`: the last number given per series and year. The series is the
 *   till's (`TILL-01` -> `T01`, numbers like `T01-2026-000123`); the number is taken in the
 *   transaction that records the payment, so a rolled-back payment takes none.
 * - `payment_attempts.order_id`: attempts link to their order by id (the number no longer exists
 *   when the attempt is made), backfilled from the former link by number; `order_reference`
 *   stays for payments made without an order.
 * - The search triggers index an order without a number by its internal reference (`#1234`) and
 *   read a number's sequence after its last hyphen, whatever the series' prefix.
 */
export const orderNumbersAtPayment: Migration = {
  version: 9,
  name: 'order-numbers-at-payment',
  rebuildsTables: true,
  up(db) {
    rebuildTable(db, 'orders', (sql) => {
      const nullable = sql.replace(/\bnumber TEXT NOT NULL UNIQUE\b/, 'number TEXT UNIQUE')
      if (nullable === sql) throw new Error('orders.number is not declared as 004 declared it')
      return nullable
    })
    const document = orderSearchDocumentSql('new.')
    const reindex = `INSERT INTO order_search (rowid, number, customer, card)
        VALUES (new.id, ${document.number}, ${document.customer}, ${document.card});`
    db.exec(`
      DROP TABLE order_sequences;
      CREATE TABLE order_number_sequences (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_number INTEGER NOT NULL CHECK (last_number >= 1),
        PRIMARY KEY (series, year)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE payment_attempts ADD COLUMN order_id INTEGER REFERENCES orders (id);
      UPDATE payment_attempts
         SET order_id = (SELECT o.id FROM orders o WHERE o.number = payment_attempts.order_reference)
       WHERE order_reference IS NOT NULL;
      CREATE INDEX payment_attempts_by_order_id ON payment_attempts (order_id, attempt_number);

      DROP TRIGGER orders_search_insert;
      DROP TRIGGER orders_search_update;
      CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
        ${reindex}
      END;
      CREATE TRIGGER orders_search_update
        AFTER UPDATE OF number, customer_name, customer_email, card_last_four, authorization_code ON orders
      BEGIN
        DELETE FROM order_search WHERE rowid = old.id;
        ${reindex}
      END;
    `)
  },
}
