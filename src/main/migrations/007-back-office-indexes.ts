import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'
import { orderSearchDocumentSql } from './order-search-document'

/**
 * The triggers of 005 and of this migration that only keep derived data (the search index and
 * the daily tables) in step with the orders and payment attempts. A bulk load may drop them,
 * write, run `catchUpDerivedData` once and put them back: set-based catching up is several
 * times faster than one upsert per row, and the result is the same.
 */
export const DERIVED_DATA_TRIGGERS = [
  'orders_search_insert',
  'orders_search_update',
  'orders_daily_insert',
  'order_vat_daily_insert',
  'order_lines_daily_insert',
  'orders_daily_move',
  'payment_attempts_daily_insert',
  'payment_attempts_daily_move',
] as const

/** Rows written after these ids are the ones the derived data does not hold yet. */
export interface CatchUpFrom {
  afterOrderId: number
  afterAttemptId: number
}

/**
 * What the triggers would have written for orders and attempts past the given ids, as
 * `INSERT ... SELECT ... GROUP BY` upserts. The search document is the one the search triggers
 * build (009's, which is 005's for every order numbered as 005 knew them, so this migration's own
 * fill is unchanged; the back-office integration test checks that both paths give the same
 * search results).
 */
const SEARCH_DOCUMENT = orderSearchDocumentSql('')
const SEARCH_FILL_SQL = `INSERT INTO order_search (rowid, number, customer, card)
  SELECT id, ${SEARCH_DOCUMENT.number}, ${SEARCH_DOCUMENT.customer}, ${SEARCH_DOCUMENT.card}
  FROM orders WHERE id > @afterOrderId`

const CATCH_UP_SQL = {
  orders: `INSERT INTO daily_order_totals (day, status, orders, total_ttc)
    SELECT substr(created_at, 1, 10), status, count(*), sum(total_ttc) FROM orders WHERE id > @afterOrderId GROUP BY 1, 2
    ON CONFLICT (day, status) DO UPDATE SET orders = orders + excluded.orders, total_ttc = total_ttc + excluded.total_ttc`,
  vat: `INSERT INTO daily_vat_totals (day, status, rate_basis_points, ht, vat, ttc)
    SELECT substr(o.created_at, 1, 10), o.status, v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc)
      FROM order_vat v JOIN orders o ON o.id = v.order_id WHERE v.order_id > @afterOrderId GROUP BY 1, 2, 3
    ON CONFLICT (day, status, rate_basis_points) DO UPDATE
      SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc`,
  products: `INSERT INTO daily_product_totals (day, status, product_id, quantity, line_total)
    SELECT substr(o.created_at, 1, 10), o.status, l.product_id, sum(l.quantity), sum(l.line_total)
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.order_id > @afterOrderId GROUP BY 1, 2, 3
    ON CONFLICT (day, status, product_id) DO UPDATE
      SET quantity = quantity + excluded.quantity, line_total = line_total + excluded.line_total`,
  attempts: `INSERT INTO daily_attempt_totals (day, outcome, response_code, attempts)
    SELECT substr(started_at, 1, 10), outcome, coalesce(response_code, ''), count(*)
      FROM payment_attempts WHERE id > @afterAttemptId GROUP BY 1, 2, 3
    ON CONFLICT (day, outcome, response_code) DO UPDATE SET attempts = attempts + excluded.attempts`,
} as const

/**
 * Fills the search index with the orders past `afterOrderId` and merges it into one segment: a
 * bulk insert leaves several, and every lookup (a broad search tests orders one by one) seeks
 * in each of them. Merging is switched off while inserting (FTS5's defaults put back after):
 * one final merge costs less than the incremental ones, 12 s instead of 16 s at a million.
 */
function fillSearchIndex(db: Database.Database, afterOrderId: number): void {
  // Literals, not parameters: FTS5 wants an integer and better-sqlite3 binds numbers as reals.
  const setting = (name: 'automerge' | 'crisismerge', value: number) =>
    db.exec(`INSERT INTO order_search (order_search, rank) VALUES ('${name}', ${Math.trunc(value)})`)
  setting('automerge', 0)
  setting('crisismerge', 1500)
  db.prepare(SEARCH_FILL_SQL).run({ afterOrderId })
  db.exec("INSERT INTO order_search (order_search) VALUES ('optimize')")
  setting('automerge', 4)
  setting('crisismerge', 16)
}

/** Brings the search index and every daily table up to date with rows past `from`. */
export function catchUpDerivedData(db: Database.Database, from: CatchUpFrom): void {
  const { attempts, ...orderTables } = CATCH_UP_SQL
  fillSearchIndex(db, from.afterOrderId)
  for (const sql of Object.values(orderTables)) db.prepare(sql).run({ afterOrderId: from.afterOrderId })
  db.prepare(attempts).run({ afterAttemptId: from.afterAttemptId })
}

/**
 * What 005 left slow at a million orders.
 *
 * - `daily_attempt_totals`: payment attempts per UTC day of `started_at`, outcome and response
 *   code ('' for none), kept by triggers like 005's daily tables. The dashboard's authorized and
 *   declined counts and decline reasons for a month read a few hundred rows instead of counting
 *   ~90,000 attempts through an index.
 * - Covering indexes for the summaries the daily tables cannot answer: by payment method over a
 *   period, and by decline code (with status), so counting and summing never leave the index.
 * - `orders_sort_keys`: an order's sort keys by id, so that sorting a few thousand search
 *   matches reads a small index instead of every matching order's row.
 * - The search index again, with prefix indexes for 1 to 4 characters: a short prefix such as
 *   "2026" or "jea" matched hundreds of thousands of terms' postings that FTS5 merged on every
 *   query (25 ms and more at a million orders, and again for each order tested); with a prefix
 *   index it is one posting list, read in order and seekable.
 */
export const backOfficeIndexes: Migration = {
  version: 7,
  name: 'back-office-indexes',
  up(db) {
    db.exec(`
      CREATE TABLE daily_attempt_totals (
        day TEXT NOT NULL,
        outcome TEXT NOT NULL,
        response_code TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (day, outcome, response_code)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER payment_attempts_daily_insert AFTER INSERT ON payment_attempts BEGIN
        INSERT INTO daily_attempt_totals (day, outcome, response_code, attempts)
          VALUES (substr(new.started_at, 1, 10), new.outcome, coalesce(new.response_code, ''), 1)
          ON CONFLICT (day, outcome, response_code) DO UPDATE SET attempts = attempts + 1;
      END;

      -- An attempt is written pending and updated with the issuer's answer: its count moves.
      CREATE TRIGGER payment_attempts_daily_move AFTER UPDATE OF outcome, response_code, started_at ON payment_attempts
        WHEN old.outcome IS NOT new.outcome OR old.response_code IS NOT new.response_code
          OR old.started_at IS NOT new.started_at
      BEGIN
        UPDATE daily_attempt_totals SET attempts = attempts - 1
          WHERE day = substr(old.started_at, 1, 10) AND outcome = old.outcome
            AND response_code = coalesce(old.response_code, '');
        INSERT INTO daily_attempt_totals (day, outcome, response_code, attempts)
          VALUES (substr(new.started_at, 1, 10), new.outcome, coalesce(new.response_code, ''), 1)
          ON CONFLICT (day, outcome, response_code) DO UPDATE SET attempts = attempts + 1;
      END;

      CREATE INDEX orders_by_method_created ON orders (payment_method, created_at, status, total_ttc);
      CREATE INDEX orders_by_decline_status ON orders (last_decline_code, status, created_at, total_ttc)
        WHERE last_decline_code IS NOT NULL;
      CREATE INDEX orders_sort_keys ON orders (id, created_at, total_ttc, status);

      -- Same index with prefix indexes: 005's triggers name the table, so they write to this one.
      DROP TABLE order_search;
      CREATE VIRTUAL TABLE order_search USING fts5(
        number, customer, card,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4'
      );
    `)
    fillSearchIndex(db, 0)
    db.prepare(CATCH_UP_SQL.attempts).run({ afterAttemptId: 0 })
  },
}
