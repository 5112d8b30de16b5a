import type { Migration } from '../../platform/sqlite/migration'

/**
 * Money movements sent to the issuer become durable steps, and what the issuer and the shop may
 * still disagree about is tracked, so that a crash of either party loses nothing.
 *
 * - `money_steps`: the outbox of captures, reversals and refunds. A step is written (pending,
 *   with its own trace number, the issuer's key for it) in the transaction that changes the
 *   order, then sent until the issuer acknowledges or refuses it. No foreign keys: the tables it
 *   points to are rebuilt by later migrations.
 * - `open_authorizations`: the payment attempts that may still move money at the issuer (sent
 *   and unanswered, held, or with a step pending). Start-up recovery and reconciliation read
 *   this short list by primary key instead of scanning the history.
 * - `reconciliation_cases`: what recovery could not repair alone, for an administrator.
 *
 * Attempts an earlier version left unsettled are opened here: unanswered ones, reversals still
 * pending, and approved holds never captured whose order is not an open card order (a sale
 * delivered or shipped with nothing captured, or never completed).
 */
export const moneySteps: Migration = {
  version: 10,
  name: 'money-steps',
  up(db) {
    db.exec(`
      CREATE TABLE money_steps (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL,
        order_id INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('capture', 'reversal', 'refund')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        trace_number TEXT NOT NULL CHECK (length(trace_number) = 6),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acknowledged', 'refused')),
        tries INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
        last_error TEXT,
        response_code TEXT,
        created_at TEXT NOT NULL,
        settled_at TEXT
      ) STRICT;
      CREATE INDEX money_steps_pending ON money_steps (id) WHERE status = 'pending';
      CREATE INDEX money_steps_by_attempt ON money_steps (attempt_id, id);

      CREATE TABLE open_authorizations (
        attempt_id INTEGER PRIMARY KEY,
        since TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reconciliation_cases (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL,
        order_id INTEGER,
        problem TEXT NOT NULL,
        issuer_state TEXT NOT NULL,
        issuer_amount INTEGER NOT NULL DEFAULT 0,
        issuer_captured INTEGER NOT NULL DEFAULT 0,
        issuer_refunded INTEGER NOT NULL DEFAULT 0,
        opened_at TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by INTEGER,
        resolution TEXT
      ) STRICT;
      CREATE UNIQUE INDEX reconciliation_cases_open ON reconciliation_cases (attempt_id) WHERE resolved_at IS NULL;

      INSERT INTO open_authorizations (attempt_id, since)
      SELECT a.id, a.started_at FROM payment_attempts a
       WHERE a.outcome = 'pending' OR a.reversal_status = 'pending'
          OR (a.outcome = 'approved' AND a.reversal_status = 'none' AND a.captured_amount = 0
              AND a.id NOT IN (SELECT payment_attempt_id FROM orders
                                WHERE payment_attempt_id IS NOT NULL AND status IN ('authorized', 'awaiting_shipment')));
    `)
  },
}
