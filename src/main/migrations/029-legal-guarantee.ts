import type { Migration } from '../../platform/sqlite/migration'

/**
 * Goods under the legal guarantee of conformity (issue 14, décret 2023-1204): the AGEC law's
 * "ticket only on request" does not apply to them, the proof of purchase is printed at once.
 * Durable goods are sold by category (electronics, appliances), so the mark is the category's.
 * The demo shop's High-tech category already exists in released databases: it is marked here.
 */
export const legalGuarantee: Migration = {
  version: 29,
  name: 'legal-guarantee',
  up(db) {
    db.exec(`
      ALTER TABLE categories ADD COLUMN legal_guarantee INTEGER NOT NULL DEFAULT 0 CHECK (legal_guarantee IN (0, 1));
      UPDATE categories SET legal_guarantee = 1 WHERE code = 'high-tech';
    `)
  },
}
