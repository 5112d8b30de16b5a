import type Database from 'better-sqlite3'
import type { Migration } from '../../platform/sqlite/migration'

/**
 * Training mode ("MODE ÉCOLE", issue 14). Training sales are real orders of the till (the same
 * checkout, the same screens, findable in the history), flagged `orders.training = 1` once, at
 * their creation. A flag rather than a table of their own: every screen and action works on them
 * unchanged, and what must not see them is a short, closed list, guarded here:
 *
 * - the derived totals (daily, quarter-hour and filter totals: the dashboard, the VAT report,
 *   the history's sums) and the cash session's sales and refunds, kept by triggers: each gets
 *   `WHEN ... training = 0` (the triggers are rewritten from their stored SQL, so their bodies
 *   stay exactly as their migrations wrote them);
 * - the queries that read orders directly, through `SOLD_CONDITION` (orders/sold-orders.ts).
 *
 * The fiscal journal keeps them apart by itself: their records are on the 'training' chain.
 * `till_training` holds each till's mode now (a row while it is on) and the supervisor who
 * switched it on; every switch is also a JET event.
 */
const TRAINING_FREE_ORDERS = [
  'orders_daily_insert',
  'orders_daily_move',
  'orders_daily_refunds_move',
  'orders_quarter_insert',
  'orders_quarter_move',
  'orders_filter_totals_insert',
  'orders_filter_totals_move',
  'cash_session_takes_sale',
] as const

/** Triggers on the rows of an order (`new.order_id`): guarded by their order's flag. */
const TRAINING_FREE_ORDER_ROWS = [
  'order_vat_daily_insert',
  'order_lines_daily_insert',
  'order_refund_vat_daily_insert',
  'order_refund_vat_daily_update',
  'order_vat_filter_totals_insert',
  'order_refund_vat_filter_totals_insert',
  'order_refund_vat_filter_totals_update',
  'cash_session_takes_refund',
] as const

/** A trigger's SQL with `guard` added to its WHEN clause (or as its WHEN clause). */
export function withTriggerGuard(sql: string, guard: string): string {
  const begin = /\bBEGIN\b/i.exec(sql)
  if (!begin) throw new Error('A trigger without BEGIN')
  const head = sql.slice(0, begin.index)
  const body = sql.slice(begin.index)
  const when = /\bWHEN\b([\s\S]*)$/i.exec(head)
  const guarded = when ? `${head.slice(0, when.index)}WHEN (${when[1]!.trim()}) AND ${guard}\n      ` : `${head.trimEnd()} WHEN ${guard}\n      `
  return guarded + body
}

function guardTrigger(db: Database.Database, name: string, guard: string): void {
  const row = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name)
  if (!row) throw new Error(`Trigger ${name} is missing`)
  db.exec(`DROP TRIGGER ${name}`)
  db.exec(withTriggerGuard(row.sql, guard))
}

/**
 * Keeps training sales out of derived totals kept by triggers: `orderTriggers` fire on `orders`,
 * `rowTriggers` on a table with `order_id`. A later migration that adds such totals calls it on
 * its own triggers.
 */
export function keepTrainingOut(db: Database.Database, orderTriggers: readonly string[], rowTriggers: readonly string[]): void {
  for (const name of orderTriggers) guardTrigger(db, name, 'new.training = 0')
  for (const name of rowTriggers) guardTrigger(db, name, '(SELECT training FROM orders WHERE id = new.order_id) = 0')
}

export const trainingMode: Migration = {
  version: 23,
  name: 'training-mode',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1));

      -- A sale is training or real from its creation to the end: the totals it is kept out of
      -- could not follow a change.
      CREATE TRIGGER orders_training_is_fixed BEFORE UPDATE OF training ON orders
        WHEN old.training IS NOT new.training
      BEGIN
        SELECT RAISE(ABORT, 'an order is a training sale or a real sale from its creation');
      END;

      CREATE TABLE till_training (
        till_id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        supervisor_id INTEGER NOT NULL REFERENCES users (id),
        supervisor_name TEXT NOT NULL
      ) STRICT;
    `)
    keepTrainingOut(db, TRAINING_FREE_ORDERS, TRAINING_FREE_ORDER_ROWS)
    // The sales' index (017), which the dashboard and the summaries read the edges of their range
    // from without the table: only real sales in it, so that it still answers them alone.
    db.exec(`
      DROP INDEX orders_by_created_sales;
      CREATE INDEX orders_by_created_sales ON orders (created_at, status, cashier_id, total_ttc, refunded_amount) WHERE training = 0;
      -- The few training sales, which the history's count adds to the totals' (they hold none).
      CREATE INDEX orders_training ON orders (created_at) WHERE training = 1;
    `)
  },
}
