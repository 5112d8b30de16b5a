import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'

/** The quarter of an hour (UTC) an instant of `orders.created_at` falls in, `YYYY-MM-DDTHH:MM`. */
const quarterOf = (column: string) => `substr(${column}, 1, 14) || printf('%02d', (CAST(substr(${column}, 15, 2) AS INTEGER) / 15) * 15)`

/**
 * The triggers of this migration that only keep `quarter_order_totals` in step: a bulk load may
 * drop them with 007's `DERIVED_DATA_TRIGGERS`, write, run `catchUpQuarterTotals` once and put
 * them back.
 */
export const QUARTER_DERIVED_TRIGGERS = ['orders_quarter_insert', 'orders_quarter_move'] as const

const QUARTER_FILL_SQL = `INSERT INTO quarter_order_totals (quarter, status, cashier_id, orders, total_ttc, refunded_ttc)
  SELECT ${quarterOf('created_at')}, status, cashier_id, count(*), sum(total_ttc), sum(refunded_amount)
    FROM orders WHERE id > @afterOrderId GROUP BY 1, 2, 3
  ON CONFLICT (quarter, status, cashier_id) DO UPDATE
    SET orders = orders + excluded.orders, total_ttc = total_ttc + excluded.total_ttc, refunded_ttc = refunded_ttc + excluded.refunded_ttc`

/** What the triggers would have added to `quarter_order_totals` for orders past `afterOrderId`. */
export function catchUpQuarterTotals(db: Database.Database, afterOrderId: number): void {
  db.prepare(QUARTER_FILL_SQL).run({ afterOrderId })
}

/**
 * The dashboard counts the shop's days and hours (issue 12), which are not the daily tables' UTC
 * days, and it must stay instant at a million orders (issue 13). Every real time zone's offset
 * is a whole number of quarters of an hour, so any day or hour of any zone, DST days included,
 * is a whole range of UTC quarters.
 *
 * - `quarter_order_totals`: per UTC quarter of `created_at` (`YYYY-MM-DDTHH:MM`), status and
 *   cashier, the order count, their TTC and what was refunded on them (`refunded_amount`, counted
 *   on the day of the sale, as `sold-orders` defines it). Kept by triggers like 005's daily
 *   tables: an order changing status, date, total, cashier or refunded amount moves its share.
 *   Orders are never deleted, so no delete trigger is needed.
 */
export const quarterHourTotals: Migration = {
  version: 18,
  name: 'quarter-hour-totals',
  up(db) {
    db.exec(`
      CREATE TABLE quarter_order_totals (
        quarter TEXT NOT NULL,
        status TEXT NOT NULL,
        cashier_id INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        total_ttc INTEGER NOT NULL,
        refunded_ttc INTEGER NOT NULL,
        PRIMARY KEY (quarter, status, cashier_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER orders_quarter_insert AFTER INSERT ON orders BEGIN
        INSERT INTO quarter_order_totals (quarter, status, cashier_id, orders, total_ttc, refunded_ttc)
          VALUES (${quarterOf('new.created_at')}, new.status, new.cashier_id, 1, new.total_ttc, new.refunded_amount)
          ON CONFLICT (quarter, status, cashier_id) DO UPDATE
            SET orders = orders + 1, total_ttc = total_ttc + excluded.total_ttc, refunded_ttc = refunded_ttc + excluded.refunded_ttc;
      END;

      -- An order changing status, date, cashier, total or refunded amount moves its share: out of
      -- the old bucket with negative amounts, into the new one.
      CREATE TRIGGER orders_quarter_move AFTER UPDATE OF status, created_at, cashier_id, total_ttc, refunded_amount ON orders
        WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at OR old.cashier_id IS NOT new.cashier_id
          OR old.total_ttc IS NOT new.total_ttc OR old.refunded_amount IS NOT new.refunded_amount
      BEGIN
        UPDATE quarter_order_totals
           SET orders = orders - 1, total_ttc = total_ttc - old.total_ttc, refunded_ttc = refunded_ttc - old.refunded_amount
         WHERE quarter = ${quarterOf('old.created_at')} AND status = old.status AND cashier_id = old.cashier_id;
        INSERT INTO quarter_order_totals (quarter, status, cashier_id, orders, total_ttc, refunded_ttc)
          VALUES (${quarterOf('new.created_at')}, new.status, new.cashier_id, 1, new.total_ttc, new.refunded_amount)
          ON CONFLICT (quarter, status, cashier_id) DO UPDATE
            SET orders = orders + 1, total_ttc = total_ttc + excluded.total_ttc, refunded_ttc = refunded_ttc + excluded.refunded_ttc;
      END;
    `)
    // Orders written before this migration.
    catchUpQuarterTotals(db, 0)
  },
}
