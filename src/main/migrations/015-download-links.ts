import type { Migration } from '../../platform/sqlite/migration'

/**
 * The links printed on an approval (QR code and short code) that let the buyer of a download fetch
 * it from the shop's network: only hashes of the link's token and code are kept, with the order
 * and product it opens, its end and how many downloads it allows.
 */
export const downloadLinks: Migration = {
  version: 15,
  name: 'download-links',
  up(db) {
    db.exec(`
      CREATE TABLE download_links (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        product_id INTEGER NOT NULL REFERENCES products (id),
        file_name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        code_hash TEXT NOT NULL UNIQUE,
        expires_at TEXT NOT NULL,
        max_downloads INTEGER NOT NULL CHECK (max_downloads > 0),
        downloads INTEGER NOT NULL DEFAULT 0 CHECK (downloads >= 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX download_links_order ON download_links (order_id);
    `)
  },
}
