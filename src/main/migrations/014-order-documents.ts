import type { Migration } from '../../platform/sqlite/migration'

/**
 * What is frozen once per order, kept apart from the orders row: the priced quote (about 2 KB of
 * JSON) written when the checkout opens, and the approval document (about 5 KB of HTML) written
 * when it is paid. In the orders row, with its indexes and search/daily triggers, they made every
 * later change of state rewrite a row of several pages; here they are written once and only read.
 *
 * Orders written before this migration keep their quote and approval in the orders row, where
 * they are still read (the repository prefers this table, then the row): moving a large history's
 * documents would rewrite gigabytes at the first start. New orders leave `orders.quote_json` empty.
 */
export const orderDocuments: Migration = {
  version: 14,
  name: 'order-documents',
  up(db) {
    db.exec(`
      CREATE TABLE order_documents (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id),
        quote_json TEXT NOT NULL,
        approval_html TEXT
      ) STRICT;
    `)
  },
}
