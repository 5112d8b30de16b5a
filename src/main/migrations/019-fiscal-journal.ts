import type { Migration } from '../../platform/sqlite/migration'

const INALTERABLE = 'the fiscal journal is inalterable: a record is never changed nor deleted, a correction is a new record'
const EVENTS_INALTERABLE = 'the technical event log (JET) is inalterable: an event is never changed nor deleted'

/**
 * The till's fiscal record (issue 14, CGI art. 286-I-3° bis): the journal of tickets, credit notes,
 * cancellations, duplicates, cash movements and closings, and the technical event log (JET). Each
 * row is numbered per till (and chain) without gaps, signed with the till's Ed25519 key over its
 * canonical form and the previous row's signature; triggers refuse any update or delete, and a
 * row edited behind them no longer matches its signature (`npm run fiscal:verify`).
 */
export const fiscalJournal: Migration = {
  version: 19,
  name: 'fiscal-journal',
  up(db) {
    db.exec(`
      CREATE TABLE fiscal_records (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        chain TEXT NOT NULL CHECK (chain IN ('real', 'training')),
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        kind TEXT NOT NULL,
        -- Local time of the shop to the second, with its offset: 2026-12-07T23:15:02+01:00.
        occurred_at TEXT NOT NULL,
        operator_id INTEGER,
        operator_name TEXT NOT NULL,
        order_id INTEGER,
        -- What the record adds to the grand total (a credit note or a cancellation is negative).
        amount_ttc INTEGER NOT NULL,
        gt_net INTEGER NOT NULL,
        gt_absolute INTEGER NOT NULL CHECK (gt_absolute >= 0),
        -- Canonical JSON (sorted keys), exactly what the signature covers.
        payload TEXT NOT NULL,
        previous_signature TEXT NOT NULL,
        signature TEXT NOT NULL UNIQUE,
        UNIQUE (till_id, chain, sequence)
      ) STRICT;
      CREATE INDEX fiscal_records_by_kind ON fiscal_records (kind, id);
      CREATE INDEX fiscal_records_by_order ON fiscal_records (order_id, kind) WHERE order_id IS NOT NULL;
      CREATE TRIGGER fiscal_records_refuse_update BEFORE UPDATE ON fiscal_records BEGIN
        SELECT RAISE(ABORT, '${INALTERABLE}');
      END;
      CREATE TRIGGER fiscal_records_refuse_delete BEFORE DELETE ON fiscal_records BEGIN
        SELECT RAISE(ABORT, '${INALTERABLE}');
      END;

      CREATE TABLE fiscal_events (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        operator_id INTEGER,
        operator_name TEXT NOT NULL,
        details TEXT NOT NULL,
        previous_signature TEXT NOT NULL,
        signature TEXT NOT NULL UNIQUE,
        UNIQUE (till_id, sequence)
      ) STRICT;
      CREATE INDEX fiscal_events_by_kind ON fiscal_events (kind, id);
      CREATE TRIGGER fiscal_events_refuse_update BEFORE UPDATE ON fiscal_events BEGIN
        SELECT RAISE(ABORT, '${EVENTS_INALTERABLE}');
      END;
      CREATE TRIGGER fiscal_events_refuse_delete BEFORE DELETE ON fiscal_events BEGIN
        SELECT RAISE(ABORT, '${EVENTS_INALTERABLE}');
      END;
    `)
  },
}
