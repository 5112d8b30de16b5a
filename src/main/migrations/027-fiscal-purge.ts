import type { Migration } from '../../platform/sqlite/migration'

const INALTERABLE =
  'the fiscal journal is inalterable: a record is never changed nor deleted, a correction is a new record; only the detail of an archived period over six years old is purged, never a closing'

/**
 * The purge of old detail (issue 14, "Archives"; LPF L102 B: six years). The journal's delete
 * trigger now lets a row go only while the purge's own transaction holds a permit for its chain
 * up to a sequence, and never a closing (daily, monthly, yearly, a cash session's). The permit
 * is written and removed inside that transaction; the purge's anchor (the last purged record's
 * number, signature and grand totals) is a signed JET event, from which the chain check resumes.
 */
export const fiscalPurge: Migration = {
  version: 27,
  name: 'fiscal-purge',
  up(db) {
    db.exec(`
      CREATE TABLE fiscal_purge_permits (
        till_id TEXT NOT NULL,
        chain TEXT NOT NULL,
        through_sequence INTEGER NOT NULL CHECK (through_sequence >= 1),
        PRIMARY KEY (till_id, chain)
      ) STRICT;
      DROP TRIGGER fiscal_records_refuse_delete;
      CREATE TRIGGER fiscal_records_refuse_delete BEFORE DELETE ON fiscal_records
        WHEN old.kind IN ('closing_day', 'closing_month', 'closing_year', 'session_close')
          OR NOT EXISTS (
            SELECT 1 FROM fiscal_purge_permits AS permit
            WHERE permit.till_id = old.till_id AND permit.chain = old.chain AND old.sequence <= permit.through_sequence
          )
      BEGIN
        SELECT RAISE(ABORT, '${INALTERABLE}');
      END;
    `)
  },
}
