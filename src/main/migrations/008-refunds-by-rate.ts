import type Database from 'better-sqlite3'
import { refundByRate, type RateAmounts } from '@shared/domain/refund-vat'
import { namedRefundWeights, parseRefundNote, type RefundRecord } from '@shared/orders/refund-items'
import type { Migration } from '../../platform/sqlite/migration'

/**
 * The triggers of this migration that only keep `daily_refund_totals` in step: a bulk load may
 * drop them with 007's `DERIVED_DATA_TRIGGERS`, write, run `catchUpRefundTotals` once and put
 * them back.
 */
export const REFUND_DERIVED_TRIGGERS = [
  'order_refund_vat_daily_insert',
  'order_refund_vat_daily_update',
  'orders_daily_refunds_move',
] as const

const REFUND_CATCH_UP_SQL = `INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
  SELECT substr(o.created_at, 1, 10), o.status, r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc)
    FROM order_refund_vat r JOIN orders o ON o.id = r.order_id WHERE r.order_id > @afterOrderId GROUP BY 1, 2, 3
  ON CONFLICT (day, status, rate_basis_points) DO UPDATE
    SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc`

/** What the triggers would have added to `daily_refund_totals` for orders past `afterOrderId`. */
export function catchUpRefundTotals(db: Database.Database, afterOrderId: number): void {
  db.prepare(REFUND_CATCH_UP_SQL).run({ afterOrderId })
}

const writers = new WeakMap<Database.Database, (orderId: number) => void>()

/**
 * Writes an order's refunds per rate (`refundByRate` of its `refunded_amount` over its VAT
 * buckets): the one writer of `order_refund_vat`, for the refund action, the history generator
 * and this migration's back-fill. Call it after `refunded_amount` changed, in the same
 * transaction.
 */
export function writeOrderRefundVat(db: Database.Database, orderId: number): void {
  let write = writers.get(db)
  if (!write) {
    const refundedOf = db.prepare('SELECT refunded_amount FROM orders WHERE id = ?').pluck()
    const ratesOf = db.prepare('SELECT rate_basis_points AS rateBasisPoints, ht, vat, ttc FROM order_vat WHERE order_id = ?')
    // Refunds that name what they give back (issue 12) are split by the rates of what they named.
    const refundNotesOf = db.prepare("SELECT note FROM order_events WHERE order_id = ? AND note LIKE 'refund:%' ORDER BY id").pluck()
    const upsert = db.prepare(
      `INSERT INTO order_refund_vat (order_id, rate_basis_points, ht, vat, ttc) VALUES (@orderId, @rateBasisPoints, @ht, @vat, @ttc)
       ON CONFLICT (order_id, rate_basis_points) DO UPDATE SET ht = excluded.ht, vat = excluded.vat, ttc = excluded.ttc
         WHERE ht IS NOT excluded.ht OR vat IS NOT excluded.vat OR ttc IS NOT excluded.ttc`,
    )
    write = (id: number) => {
      const refunded = refundedOf.get(id) as number | undefined
      if (refunded === undefined || refunded <= 0) return
      const rates = ratesOf.all(id) as RateAmounts[]
      const records = (refundNotesOf.all(id) as string[]).map(parseRefundNote).filter((record): record is RefundRecord => record !== null)
      const weighted = records.length === 0 ? rates : namedRefundWeights(rates, records, refunded)
      for (const part of refundByRate(weighted, refunded)) upsert.run({ orderId: id, ...part })
    }
    writers.set(db, write)
  }
  write(orderId)
}

/**
 * Refunds by VAT rate, so that the back-office can show refunds on their own line, base and VAT
 * included, and net figures that agree everywhere.
 *
 * - `order_refund_vat`: per order and rate, the part of everything refunded on the order so far
 *   (see `refundByRate`: largest remainder over the rates, then over base and VAT). Written by
 *   `writeOrderRefundVat` whenever `refunded_amount` changes.
 * - `daily_refund_totals`: those parts per UTC day of the order's creation, status and rate, kept
 *   by triggers like 005's daily tables (refunds count on the day of the sale they give back, so
 *   that a period's figures read the same in the list, the dashboard and the VAT report). When an
 *   order changes status its refunds move with it.
 */
export const refundsByRate: Migration = {
  version: 8,
  name: 'refunds-by-rate',
  up(db) {
    db.exec(`
      CREATE TABLE order_refund_vat (
        order_id INTEGER NOT NULL REFERENCES orders (id),
        rate_basis_points INTEGER NOT NULL,
        ht INTEGER NOT NULL CHECK (ht >= 0),
        vat INTEGER NOT NULL CHECK (vat >= 0),
        ttc INTEGER NOT NULL CHECK (ttc >= 0),
        PRIMARY KEY (order_id, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE daily_refund_totals (
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        rate_basis_points INTEGER NOT NULL,
        ht INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        ttc INTEGER NOT NULL,
        PRIMARY KEY (day, status, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER order_refund_vat_daily_insert AFTER INSERT ON order_refund_vat BEGIN
        INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(o.created_at, 1, 10), o.status, new.rate_basis_points, new.ht, new.vat, new.ttc
            FROM orders o WHERE o.id = new.order_id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
      END;

      CREATE TRIGGER order_refund_vat_daily_update AFTER UPDATE ON order_refund_vat BEGIN
        INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(o.created_at, 1, 10), o.status, old.rate_basis_points, -old.ht, -old.vat, -old.ttc
            FROM orders o WHERE o.id = old.order_id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
        INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(o.created_at, 1, 10), o.status, new.rate_basis_points, new.ht, new.vat, new.ttc
            FROM orders o WHERE o.id = new.order_id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
      END;

      CREATE TRIGGER orders_daily_refunds_move AFTER UPDATE OF status, created_at ON orders
        WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at
      BEGIN
        INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(old.created_at, 1, 10), old.status, r.rate_basis_points, -r.ht, -r.vat, -r.ttc
            FROM order_refund_vat r WHERE r.order_id = old.id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
        INSERT INTO daily_refund_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(new.created_at, 1, 10), new.status, r.rate_basis_points, r.ht, r.vat, r.ttc
            FROM order_refund_vat r WHERE r.order_id = new.id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
      END;
    `)
    // Orders refunded before this migration.
    const refunded = db.prepare('SELECT id FROM orders WHERE refunded_amount > 0 ORDER BY id').pluck().all() as number[]
    for (const orderId of refunded) writeOrderRefundVat(db, orderId)
  },
}
