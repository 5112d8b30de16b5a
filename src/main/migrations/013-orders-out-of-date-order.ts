import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'

/**
 * The triggers of this migration that keep `orders_out_of_date_order` in step: a bulk load may
 * drop them with 007's, write, run `catchUpDateOrder` once and put them back.
 */
export const DATE_ORDER_TRIGGERS = ['orders_date_order_insert', 'orders_date_order_update'] as const

/**
 * The orders written after `afterOrderId` that come before an order of a lower id in the date
 * order, as the insert trigger would have listed them (set-based, one pass over the id order).
 */
export function catchUpDateOrder(db: Database.Database, afterOrderId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO orders_out_of_date_order (order_id)
     SELECT id FROM (
       SELECT id, created_at, max(created_at) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
         FROM orders INDEXED BY orders_sort_keys)
     WHERE id > @afterOrderId AND created_at < before`,
  ).run({ afterOrderId })
}

/**
 * Orders are numbered as they are written, and written as they are created, so the id order is
 * the date order, except for an order written with a clock set back (or a date changed later).
 * `orders_out_of_date_order` lists those exceptions: every order that, when written, was not
 * after every order already there in both orders (date, then id). Among the orders not listed,
 * the id order is exactly the history's date order (`created_at DESC, id DESC`), so a text search
 * can read the search index's matches by id, newest first, and stop at the page's end instead of
 * sorting every match or walking the whole date order (issue 13: "2025" matches the oldest 87k of
 * a million orders); the few listed orders are tested apart and merged. Listing one order too many
 * is harmless; the triggers err that way (an order written with a lower id than another, or whose
 * date changes, is listed).
 */
export const ordersOutOfDateOrder: Migration = {
  version: 13,
  name: 'orders-out-of-date-order',
  up(db) {
    db.exec(`
      CREATE TABLE orders_out_of_date_order (order_id INTEGER PRIMARY KEY REFERENCES orders (id)) STRICT;

      CREATE TRIGGER orders_date_order_insert AFTER INSERT ON orders
        WHEN EXISTS (SELECT 1 FROM orders WHERE id > new.id)
          OR EXISTS (SELECT 1 FROM orders WHERE created_at > new.created_at)
      BEGIN
        INSERT OR IGNORE INTO orders_out_of_date_order (order_id) VALUES (new.id);
      END;

      CREATE TRIGGER orders_date_order_update AFTER UPDATE OF created_at ON orders
        WHEN old.created_at IS NOT new.created_at
      BEGIN
        INSERT OR IGNORE INTO orders_out_of_date_order (order_id) VALUES (new.id);
      END;
    `)
    catchUpDateOrder(db, 0)
  },
}
