import type { Migration } from '../../platform/sqlite/migration'

const INVOICES_KEPT = 'an invoice is never changed nor deleted: a correction is a credit note'

/**
 * Invoices for business customers (issue 14; CGI art. 289 and annex II art. 242 nonies A). Each
 * has its number in its year's own series (`F-2026-000001`), taken in the transaction that issues
 * it, so a rollback gives the number back and a committed one is never reused: UNIQUE
 * (year, sequence) and one invoice per order. The document and its Factur-X XML are frozen as
 * issued. A copy made later is a numbered DUPLICATA, counted in `invoice_copies`.
 */
export const invoices: Migration = {
  version: 24,
  name: 'invoices',
  up(db) {
    db.exec(`
      CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES orders (id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        number TEXT NOT NULL UNIQUE,
        -- Local time of the shop to the second, with its offset, as the journal's record.
        issued_at TEXT NOT NULL,
        issued_by INTEGER NOT NULL REFERENCES users (id),
        buyer TEXT NOT NULL,
        total_ttc INTEGER NOT NULL,
        html TEXT NOT NULL,
        factur_x TEXT NOT NULL,
        fiscal_record_id INTEGER NOT NULL REFERENCES fiscal_records (id),
        UNIQUE (year, sequence)
      ) STRICT;
      CREATE TRIGGER invoices_refuse_update BEFORE UPDATE ON invoices BEGIN
        SELECT RAISE(ABORT, '${INVOICES_KEPT}');
      END;
      CREATE TRIGGER invoices_refuse_delete BEFORE DELETE ON invoices BEGIN
        SELECT RAISE(ABORT, '${INVOICES_KEPT}');
      END;

      CREATE TABLE invoice_copies (
        invoice_id INTEGER NOT NULL REFERENCES invoices (id),
        copy_number INTEGER NOT NULL CHECK (copy_number >= 1),
        made_at TEXT NOT NULL,
        made_by INTEGER NOT NULL REFERENCES users (id),
        fiscal_record_id INTEGER NOT NULL REFERENCES fiscal_records (id),
        PRIMARY KEY (invoice_id, copy_number)
      ) STRICT;
    `)
  },
}
