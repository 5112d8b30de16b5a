import type { Migration } from '../../platform/sqlite/migration'

/**
 * Lets the journal record `adjustment` movements: a balance changed from the issuer console is
 * a movement like any other, so balances stay derivable from the journal. SQLite cannot alter a
 * CHECK constraint, so the table is rebuilt with its rows, index and append-only triggers (no
 * other table refers to it).
 */
export const journalAdjustments: Migration = {
  version: 2,
  name: 'journal-adjustments',
  up(db) {
    db.exec(`
      DROP TRIGGER journal_is_append_only_update;
      DROP TRIGGER journal_is_append_only_delete;
      CREATE TABLE journal_next (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        authorization_id INTEGER REFERENCES authorizations (id),
        movement TEXT NOT NULL
          CHECK (movement IN ('opening', 'hold', 'release', 'capture', 'refund', 'adjustment')),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        balance_delta INTEGER NOT NULL,
        held_delta INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO journal_next (id, account_id, authorization_id, movement, amount, balance_delta, held_delta, recorded_at)
        SELECT id, account_id, authorization_id, movement, amount, balance_delta, held_delta, recorded_at FROM journal;
      DROP TABLE journal;
      ALTER TABLE journal_next RENAME TO journal;
      CREATE INDEX journal_by_account ON journal (account_id, id);
      CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
      END;
      CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal BEGIN
        SELECT RAISE(ABORT, 'the journal is append-only');
      END;
    `)
  },
}
