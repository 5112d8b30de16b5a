import type { Migration } from '../../platform/sqlite/migration'

/**
 * The day of a till: cash sessions with their float and closing count by denomination, the cash
 * moved in and out of the drawer, and the session's sums kept by triggers in the very transaction
 * that records a sale or a refund (so an X report reads one row, whatever the size of the history).
 *
 * - One session not yet closed per till: a partial unique index.
 * - A sale counts in the session open on its till when it is paid (`paid_at` set), by its payment
 *   method; a refund when its history event is written (the refund note's JSON names the method
 *   and the amount, see `refundNote`), in the session open on the order's till.
 * - Counts are JSON arrays of `{denomination, quantity}` in cents, largest first.
 */
export const cashSessions: Migration = {
  version: 21,
  name: 'cash-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE cash_sessions (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'counting', 'closed')),
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES users (id),
        float_amount INTEGER NOT NULL CHECK (float_amount >= 0),
        float_count TEXT NOT NULL,
        sales_count INTEGER NOT NULL DEFAULT 0,
        cash_sales INTEGER NOT NULL DEFAULT 0,
        card_sales INTEGER NOT NULL DEFAULT 0,
        refunds_count INTEGER NOT NULL DEFAULT 0,
        cash_refunds INTEGER NOT NULL DEFAULT 0,
        card_refunds INTEGER NOT NULL DEFAULT 0,
        counted_at TEXT,
        counted_by INTEGER REFERENCES users (id),
        counted_amount INTEGER CHECK (counted_amount >= 0),
        counted_count TEXT,
        expected_amount INTEGER,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users (id),
        approved_by INTEGER REFERENCES users (id),
        CHECK ((status = 'open') = (counted_at IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX cash_sessions_one_open_per_till ON cash_sessions (till_id) WHERE status <> 'closed';
      CREATE INDEX cash_sessions_by_till ON cash_sessions (till_id, id DESC);

      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES cash_sessions (id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        reason TEXT NOT NULL CHECK (reason IN ('bank_deposit', 'change', 'petty_expense', 'other')),
        note TEXT,
        user_id INTEGER NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_by_session ON cash_movements (session_id, id);

      CREATE TRIGGER cash_session_takes_sale AFTER UPDATE OF paid_at ON orders
        WHEN old.paid_at IS NULL AND new.paid_at IS NOT NULL
      BEGIN
        UPDATE cash_sessions SET
          sales_count = sales_count + 1,
          cash_sales = cash_sales + CASE WHEN new.payment_method = 'cash' THEN new.total_ttc ELSE 0 END,
          card_sales = card_sales + CASE WHEN new.payment_method IN ('card', 'saved_card') THEN new.total_ttc ELSE 0 END
        WHERE till_id = new.till_id AND status = 'open';
      END;

      CREATE TRIGGER cash_session_takes_refund AFTER INSERT ON order_events
        WHEN substr(new.note, 1, 7) = 'refund:' AND json_valid(substr(new.note, 8))
      BEGIN
        UPDATE cash_sessions SET
          refunds_count = refunds_count + 1,
          cash_refunds = cash_refunds + CASE WHEN json_extract(substr(new.note, 8), '$.method') = 'cash'
            THEN coalesce(CAST(json_extract(substr(new.note, 8), '$.amount') AS INTEGER), 0) ELSE 0 END,
          card_refunds = card_refunds + CASE WHEN json_extract(substr(new.note, 8), '$.method') = 'card'
            THEN coalesce(CAST(json_extract(substr(new.note, 8), '$.amount') AS INTEGER), 0) ELSE 0 END
        WHERE status = 'open' AND till_id = (SELECT till_id FROM orders WHERE id = new.order_id);
      END;
    `)
  },
}
