import type { Migration } from '../../platform/sqlite/migration'

/**
 * The audit log of sensitive actions. Append-only: triggers refuse updates and deletes, and each
 * row carries the hash of the previous one, so that someone who drops the triggers and edits the
 * file still leaves a broken link that `verifyAuditChain` names.
 */
export const auditLog: Migration = {
  version: 6,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id),
        subject TEXT NOT NULL,
        -- Canonical JSON (sorted keys), exactly what the hash covers.
        details TEXT NOT NULL,
        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX audit_log_by_action ON audit_log (action, id);
      CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
      CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `)
  },
}
