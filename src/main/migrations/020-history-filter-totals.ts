import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'

/**
 * The triggers of this migration that only keep the filter totals in step: a bulk load may drop
 * them with 007's `DERIVED_DATA_TRIGGERS`, write, run `catchUpFilterTotals` once and put them back.
 */
export const FILTER_TOTALS_TRIGGERS = [
  'orders_filter_totals_insert',
  'orders_filter_totals_move',
  'order_vat_filter_totals_insert',
  'order_refund_vat_filter_totals_insert',
  'order_refund_vat_filter_totals_update',
] as const

/** The key columns of both tables after the period, in order. */
const KEY = 'status, cashier_id, till_id, payment_method, card_brand, decline_code'

/** An order's key values, for `new` or `old` of a trigger or the alias of a SELECT. */
const keyOf = (o: string) =>
  `${o}.status, ${o}.cashier_id, ${o}.till_id, coalesce(${o}.payment_method, ''), coalesce(${o}.card_brand, ''), coalesce(${o}.last_decline_code, '')`

/**
 * The periods an instant counts in, as a three-row table `p` to join: its UTC day (`YYYY-MM-DD`,
 * the first 10 characters), its UTC month (`YYYY-MM`, 7) and its year (`YYYY`, 4); `periodOf`
 * reads one.
 */
const SPANS = `(SELECT 'day' AS span, 10 AS length UNION ALL SELECT 'month', 7 UNION ALL SELECT 'year', 4) p`
const periodOf = (column: string) => `substr(${column}, 1, p.length)`

const ORDER_UPSERT = `ON CONFLICT (span, period, ${KEY}) DO UPDATE
  SET orders = orders + excluded.orders, total_ttc = total_ttc + excluded.total_ttc`

const VAT_UPSERT = `ON CONFLICT (span, period, ${KEY}, rate_basis_points) DO UPDATE
  SET vat_rows = vat_rows + excluded.vat_rows, ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc,
      refund_ht = refund_ht + excluded.refund_ht, refund_vat = refund_vat + excluded.refund_vat, refund_ttc = refund_ttc + excluded.refund_ttc`

const VAT_COLUMNS = `span, period, ${KEY}, rate_basis_points, vat_rows, ht, vat, ttc, refund_ht, refund_vat, refund_ttc`

/** An order's share of the order totals, `sign` 1 to add it, -1 to take it out. */
const orderShare = (o: 'new' | 'old', sign: 1 | -1) =>
  `INSERT INTO filter_order_totals (span, period, ${KEY}, orders, total_ttc)
     SELECT p.span, ${periodOf(`${o}.created_at`)}, ${keyOf(o)}, ${sign}, ${sign} * ${o}.total_ttc FROM ${SPANS} WHERE true
   ${ORDER_UPSERT};`

/**
 * The statuses whose VAT and refunds the summaries read (`sold-orders`, written out here so that
 * this migration stays as it was run): the VAT table keeps only theirs, so that a checkout's
 * changes before it is paid (method, card, decline) move no VAT row.
 */
const SOLD = (o: string) => `${o}.status IN ('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')`

/** In the move trigger: the order's key changed, not only its total (which the VAT rows do not carry). */
const KEY_CHANGED = `(old.status IS NOT new.status OR old.created_at IS NOT new.created_at OR old.cashier_id IS NOT new.cashier_id
  OR old.till_id IS NOT new.till_id OR old.payment_method IS NOT new.payment_method OR old.card_brand IS NOT new.card_brand
  OR old.last_decline_code IS NOT new.last_decline_code)`

/** An order's VAT rows and refund rows as shares of the VAT totals (keyed as `o` says). */
const vatShares = (o: 'new' | 'old', sign: 1 | -1, when: string) =>
  `INSERT INTO filter_vat_totals (${VAT_COLUMNS})
     SELECT p.span, ${periodOf(`${o}.created_at`)}, ${keyOf(o)}, v.rate_basis_points, ${sign}, ${sign} * v.ht, ${sign} * v.vat, ${sign} * v.ttc, 0, 0, 0
       FROM order_vat v, ${SPANS} WHERE v.order_id = ${o}.id AND ${when} AND ${SOLD(o)}
   ${VAT_UPSERT};
   INSERT INTO filter_vat_totals (${VAT_COLUMNS})
     SELECT p.span, ${periodOf(`${o}.created_at`)}, ${keyOf(o)}, r.rate_basis_points, 0, 0, 0, 0, ${sign} * r.ht, ${sign} * r.vat, ${sign} * r.ttc
       FROM order_refund_vat r, ${SPANS} WHERE r.order_id = ${o}.id AND ${when} AND ${SOLD(o)}
   ${VAT_UPSERT};`

/** A refund row of an order as a share of the VAT totals, keyed by its order. */
const refundShare = (r: 'new' | 'old', sign: 1 | -1) =>
  `INSERT INTO filter_vat_totals (${VAT_COLUMNS})
     SELECT p.span, ${periodOf('o.created_at')}, ${keyOf('o')}, ${r}.rate_basis_points, 0, 0, 0, 0, ${sign} * ${r}.ht, ${sign} * ${r}.vat, ${sign} * ${r}.ttc
       FROM orders o, ${SPANS} WHERE o.id = ${r}.order_id AND ${SOLD('o')}
   ${VAT_UPSERT};`

const FILL_SQL = [
  `INSERT INTO filter_order_totals (span, period, ${KEY}, orders, total_ttc)
     SELECT p.span, ${periodOf('o.created_at')}, ${keyOf('o')}, count(*), sum(o.total_ttc) FROM orders o, ${SPANS}
      WHERE o.id > @afterOrderId GROUP BY p.span, 2, 3, 4, 5, 6, 7, 8
   ${ORDER_UPSERT}`,
  `INSERT INTO filter_vat_totals (${VAT_COLUMNS})
     SELECT p.span, ${periodOf('o.created_at')}, ${keyOf('o')}, v.rate_basis_points, count(*), sum(v.ht), sum(v.vat), sum(v.ttc), 0, 0, 0
       FROM order_vat v JOIN orders o ON o.id = v.order_id, ${SPANS}
      WHERE v.order_id > @afterOrderId AND ${SOLD('o')} GROUP BY p.span, 2, 3, 4, 5, 6, 7, 8, 9
   ${VAT_UPSERT}`,
  `INSERT INTO filter_vat_totals (${VAT_COLUMNS})
     SELECT p.span, ${periodOf('o.created_at')}, ${keyOf('o')}, r.rate_basis_points, 0, 0, 0, 0, sum(r.ht), sum(r.vat), sum(r.ttc)
       FROM order_refund_vat r JOIN orders o ON o.id = r.order_id, ${SPANS}
      WHERE r.order_id > @afterOrderId AND ${SOLD('o')} GROUP BY p.span, 2, 3, 4, 5, 6, 7, 8, 9
   ${VAT_UPSERT}`,
]

/** What the triggers would have added to the filter totals for orders past `afterOrderId`. */
export function catchUpFilterTotals(db: Database.Database, afterOrderId: number): void {
  for (const sql of FILL_SQL) db.prepare(sql).run({ afterOrderId })
}

/**
 * The order list's summary (count, sales, refunds, VAT per rate) of any filter but a text or an
 * amount, without reading the orders (issue 13: a cashier's or a card brand's summary read
 * hundreds of thousands of orders, 10 to 35 s at a million).
 *
 * - `filter_order_totals`: per period, status, cashier, till, payment method, card brand and
 *   decline code (no method, brand or code: ''), the order count and their TTC.
 * - `filter_vat_totals`: the same key and the VAT rate, the number of VAT rows (a rate is listed
 *   when an order has a row for it, as a GROUP BY over `order_vat` lists it), their base, VAT and
 *   TTC, and the refunds per rate (`order_refund_vat`); sold orders only (`SOLD`).
 *
 * A period (`span`, `period`) is a UTC day (`day`, `YYYY-MM-DD`), month (`month`, `YYYY-MM`) or
 * year (`year`, `YYYY`): every order counts in all three (about 430, 1,400 and 1,500 keys each at
 * a million orders a year), so that any range reads its whole years, the months and the days at
 * their ends (see `rangePieces`), and the hours on either side
 * of a day come from the orders. Kept by triggers like 005's: an order whose key or total changes
 * moves its share, VAT and refunds included. Orders are never deleted.
 */
export const historyFilterTotals: Migration = {
  version: 20,
  name: 'history-filter-totals',
  up(db) {
    db.exec(`
      CREATE TABLE filter_order_totals (
        span TEXT NOT NULL CHECK (span IN ('day', 'month', 'year')),
        period TEXT NOT NULL,
        status TEXT NOT NULL,
        cashier_id INTEGER NOT NULL,
        till_id TEXT NOT NULL,
        payment_method TEXT NOT NULL,
        card_brand TEXT NOT NULL,
        decline_code TEXT NOT NULL,
        orders INTEGER NOT NULL,
        total_ttc INTEGER NOT NULL,
        PRIMARY KEY (span, period, ${KEY})
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE filter_vat_totals (
        span TEXT NOT NULL CHECK (span IN ('day', 'month', 'year')),
        period TEXT NOT NULL,
        status TEXT NOT NULL,
        cashier_id INTEGER NOT NULL,
        till_id TEXT NOT NULL,
        payment_method TEXT NOT NULL,
        card_brand TEXT NOT NULL,
        decline_code TEXT NOT NULL,
        rate_basis_points INTEGER NOT NULL,
        vat_rows INTEGER NOT NULL,
        ht INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        ttc INTEGER NOT NULL,
        refund_ht INTEGER NOT NULL,
        refund_vat INTEGER NOT NULL,
        refund_ttc INTEGER NOT NULL,
        PRIMARY KEY (span, period, ${KEY}, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER orders_filter_totals_insert AFTER INSERT ON orders BEGIN
        ${orderShare('new', 1)}
      END;

      -- An order changing a key column or its total moves its share (its VAT and refunds too when
      -- the key changed): out of the old key with negative amounts, into the new one.
      CREATE TRIGGER orders_filter_totals_move
        AFTER UPDATE OF status, created_at, cashier_id, till_id, payment_method, card_brand, last_decline_code, total_ttc ON orders
        WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at OR old.cashier_id IS NOT new.cashier_id
          OR old.till_id IS NOT new.till_id OR old.payment_method IS NOT new.payment_method OR old.card_brand IS NOT new.card_brand
          OR old.last_decline_code IS NOT new.last_decline_code OR old.total_ttc IS NOT new.total_ttc
      BEGIN
        ${orderShare('old', -1)}
        ${orderShare('new', 1)}
        ${vatShares('old', -1, KEY_CHANGED)}
        ${vatShares('new', 1, KEY_CHANGED)}
      END;

      CREATE TRIGGER order_vat_filter_totals_insert AFTER INSERT ON order_vat BEGIN
        INSERT INTO filter_vat_totals (${VAT_COLUMNS})
          SELECT p.span, ${periodOf('o.created_at')}, ${keyOf('o')}, new.rate_basis_points, 1, new.ht, new.vat, new.ttc, 0, 0, 0
            FROM orders o, ${SPANS} WHERE o.id = new.order_id AND ${SOLD('o')}
        ${VAT_UPSERT};
      END;

      CREATE TRIGGER order_refund_vat_filter_totals_insert AFTER INSERT ON order_refund_vat BEGIN
        ${refundShare('new', 1)}
      END;

      CREATE TRIGGER order_refund_vat_filter_totals_update AFTER UPDATE ON order_refund_vat BEGIN
        ${refundShare('old', -1)}
        ${refundShare('new', 1)}
      END;
    `)
    // Orders written before this migration.
    catchUpFilterTotals(db, 0)
  },
}
