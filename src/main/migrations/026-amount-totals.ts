import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'

/**
 * The triggers of this migration that only keep the amount totals in step: a bulk load may drop
 * them, write, run `catchUpAmountTotals` once and put them back (as 020's).
 */
export const AMOUNT_TOTALS_TRIGGERS = [
  'orders_amount_totals_insert',
  'orders_amount_totals_move',
  'order_vat_amount_totals_insert',
  'order_refund_vat_amount_totals_insert',
  'order_refund_vat_amount_totals_update',
] as const

/** The key columns of both tables, in order. */
const KEY = 'span, divisor, period, amount, status, decline_code'

/**
 * Every place an order counts in, as a six-row table to join: its UTC day, month and year (`p`,
 * the first 10, 7 or 4 characters of `created_at`), each at its amount in cents and in whole
 * euros (`d`: the TTC divided by 1 or by 100).
 */
const PLACES = `(SELECT 'day' AS span, 10 AS length UNION ALL SELECT 'month', 7 UNION ALL SELECT 'year', 4) p,
  (SELECT 1 AS divisor UNION ALL SELECT 100) d`

/** An order's key values, for `new` or `old` of a trigger or the alias of a SELECT. */
const keyOf = (o: string) =>
  `p.span, d.divisor, substr(${o}.created_at, 1, p.length), ${o}.total_ttc / d.divisor, ${o}.status, coalesce(${o}.last_decline_code, '')`

const ORDER_UPSERT = `ON CONFLICT (${KEY}) DO UPDATE SET orders = orders + excluded.orders, total_ttc = total_ttc + excluded.total_ttc`

const VAT_UPSERT = `ON CONFLICT (${KEY}, rate_basis_points) DO UPDATE
  SET vat_rows = vat_rows + excluded.vat_rows, ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc,
      refund_ht = refund_ht + excluded.refund_ht, refund_vat = refund_vat + excluded.refund_vat, refund_ttc = refund_ttc + excluded.refund_ttc`

const VAT_COLUMNS = `${KEY}, rate_basis_points, vat_rows, ht, vat, ttc, refund_ht, refund_vat, refund_ttc`

/**
 * Training sales (MODE ÉCOLE, migration 023's flag, fixed at an order's creation) count in no
 * total: the guards of the triggers on an order and on the rows of an order (`new.order_id`).
 */
const REAL_ORDER = 'new.training = 0'
const REAL_ORDER_ROW = '(SELECT training FROM orders WHERE id = new.order_id) = 0'

/** The statuses whose VAT and refunds the summaries read, written out so that this migration stays as it was run. */
const SOLD = (o: string) => `${o}.status IN ('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')`

const orderShare = (o: 'new' | 'old', sign: 1 | -1) =>
  `INSERT INTO amount_order_totals (${KEY}, orders, total_ttc)
     SELECT ${keyOf(o)}, ${sign}, ${sign} * ${o}.total_ttc FROM ${PLACES} WHERE true
   ${ORDER_UPSERT};`

/** An order's VAT rows and refund rows as shares of the VAT totals (keyed as `o` says). */
const vatShares = (o: 'new' | 'old', sign: 1 | -1) =>
  `INSERT INTO amount_vat_totals (${VAT_COLUMNS})
     SELECT ${keyOf(o)}, v.rate_basis_points, ${sign}, ${sign} * v.ht, ${sign} * v.vat, ${sign} * v.ttc, 0, 0, 0
       FROM order_vat v, ${PLACES} WHERE v.order_id = ${o}.id AND ${SOLD(o)}
   ${VAT_UPSERT};
   INSERT INTO amount_vat_totals (${VAT_COLUMNS})
     SELECT ${keyOf(o)}, r.rate_basis_points, 0, 0, 0, 0, ${sign} * r.ht, ${sign} * r.vat, ${sign} * r.ttc
       FROM order_refund_vat r, ${PLACES} WHERE r.order_id = ${o}.id AND ${SOLD(o)}
   ${VAT_UPSERT};`

const refundShare = (r: 'new' | 'old', sign: 1 | -1) =>
  `INSERT INTO amount_vat_totals (${VAT_COLUMNS})
     SELECT ${keyOf('o')}, ${r}.rate_basis_points, 0, 0, 0, 0, ${sign} * ${r}.ht, ${sign} * ${r}.vat, ${sign} * ${r}.ttc
       FROM orders o, ${PLACES} WHERE o.id = ${r}.order_id AND ${SOLD('o')}
   ${VAT_UPSERT};`

const FILL_SQL = [
  `INSERT INTO amount_order_totals (${KEY}, orders, total_ttc)
     SELECT ${keyOf('o')}, count(*), sum(o.total_ttc) FROM orders o, ${PLACES}
      WHERE o.id > @afterOrderId AND o.training = 0 GROUP BY 1, 2, 3, 4, 5, 6
   ${ORDER_UPSERT}`,
  `INSERT INTO amount_vat_totals (${VAT_COLUMNS})
     SELECT ${keyOf('o')}, v.rate_basis_points, count(*), sum(v.ht), sum(v.vat), sum(v.ttc), 0, 0, 0
       FROM order_vat v JOIN orders o ON o.id = v.order_id, ${PLACES}
      WHERE v.order_id > @afterOrderId AND o.training = 0 AND ${SOLD('o')} GROUP BY 1, 2, 3, 4, 5, 6, 7
   ${VAT_UPSERT}`,
  `INSERT INTO amount_vat_totals (${VAT_COLUMNS})
     SELECT ${keyOf('o')}, r.rate_basis_points, 0, 0, 0, 0, sum(r.ht), sum(r.vat), sum(r.ttc)
       FROM order_refund_vat r JOIN orders o ON o.id = r.order_id, ${PLACES}
      WHERE r.order_id > @afterOrderId AND o.training = 0 AND ${SOLD('o')} GROUP BY 1, 2, 3, 4, 5, 6, 7
   ${VAT_UPSERT}`,
]

/** What the triggers would have added to the amount totals for orders past `afterOrderId`. */
export function catchUpAmountTotals(db: Database.Database, afterOrderId: number): void {
  for (const sql of FILL_SQL) db.prepare(sql).run({ afterOrderId })
}

/**
 * The order list's summary of an amount range (with statuses and dates) without reading the
 * orders (issue 13: "amount <= 5.00" read its 74k orders and their VAT rows, 2.1 s at a million).
 *
 * - `amount_order_totals`: per UTC day, month and year (`span`, `period`, as migration 020's),
 *   per amount, status and decline code ('' for none), the order count and their TTC. Each order
 *   counts twice per period: at its TTC in cents (`divisor` 1, `amount` the TTC) and in whole
 *   euros (`divisor` 100, `amount` the TTC divided by 100, rounded down), so that a range of
 *   amounts reads the whole euros in its middle and the cents at its two ends only.
 * - `amount_vat_totals`: the same key and the VAT rate: VAT rows, base, VAT and TTC of the sold
 *   orders, and their refunds per rate.
 *
 * Kept by triggers like 020's: an order whose status, date, decline code or total changes moves
 * its share, VAT and refunds included. Orders are never deleted; order VAT rows are written once.
 * Training sales (MODE ÉCOLE, migration 023) count in no total.
 */
export const amountTotals: Migration = {
  version: 26,
  name: 'amount-totals',
  up(db) {
    db.exec(`
      CREATE TABLE amount_order_totals (
        span TEXT NOT NULL CHECK (span IN ('day', 'month', 'year')),
        divisor INTEGER NOT NULL CHECK (divisor IN (1, 100)),
        period TEXT NOT NULL,
        amount INTEGER NOT NULL,
        status TEXT NOT NULL,
        decline_code TEXT NOT NULL,
        orders INTEGER NOT NULL,
        total_ttc INTEGER NOT NULL,
        PRIMARY KEY (${KEY})
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE amount_vat_totals (
        span TEXT NOT NULL CHECK (span IN ('day', 'month', 'year')),
        divisor INTEGER NOT NULL CHECK (divisor IN (1, 100)),
        period TEXT NOT NULL,
        amount INTEGER NOT NULL,
        status TEXT NOT NULL,
        decline_code TEXT NOT NULL,
        rate_basis_points INTEGER NOT NULL,
        vat_rows INTEGER NOT NULL,
        ht INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        ttc INTEGER NOT NULL,
        refund_ht INTEGER NOT NULL,
        refund_vat INTEGER NOT NULL,
        refund_ttc INTEGER NOT NULL,
        PRIMARY KEY (${KEY}, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER orders_amount_totals_insert AFTER INSERT ON orders WHEN ${REAL_ORDER} BEGIN
        ${orderShare('new', 1)}
      END;

      -- An order changing its status, date, decline code or total moves its share, VAT and
      -- refunds included (the amount is part of both keys): out with negative amounts, in again.
      CREATE TRIGGER orders_amount_totals_move AFTER UPDATE OF status, created_at, last_decline_code, total_ttc ON orders
        WHEN (old.status IS NOT new.status OR old.created_at IS NOT new.created_at
          OR old.last_decline_code IS NOT new.last_decline_code OR old.total_ttc IS NOT new.total_ttc) AND ${REAL_ORDER}
      BEGIN
        ${orderShare('old', -1)}
        ${orderShare('new', 1)}
        ${vatShares('old', -1)}
        ${vatShares('new', 1)}
      END;

      CREATE TRIGGER order_vat_amount_totals_insert AFTER INSERT ON order_vat WHEN ${REAL_ORDER_ROW} BEGIN
        INSERT INTO amount_vat_totals (${VAT_COLUMNS})
          SELECT ${keyOf('o')}, new.rate_basis_points, 1, new.ht, new.vat, new.ttc, 0, 0, 0
            FROM orders o, ${PLACES} WHERE o.id = new.order_id AND ${SOLD('o')}
        ${VAT_UPSERT};
      END;

      CREATE TRIGGER order_refund_vat_amount_totals_insert AFTER INSERT ON order_refund_vat WHEN ${REAL_ORDER_ROW} BEGIN
        ${refundShare('new', 1)}
      END;

      CREATE TRIGGER order_refund_vat_amount_totals_update AFTER UPDATE ON order_refund_vat WHEN ${REAL_ORDER_ROW} BEGIN
        ${refundShare('old', -1)}
        ${refundShare('new', 1)}
      END;
    `)
    // Orders written before this migration.
    catchUpAmountTotals(db, 0)
  },
}
