import type { Migration } from '../../platform/sqlite/migration'

export const staffAndCatalogue: Migration = {
  version: 1,
  name: 'staff-and-catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'admin')),
        pin_salt BLOB NOT NULL,
        pin_hash BLOB NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_login_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE login_events (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        till_id TEXT NOT NULL,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'wrong_pin', 'locked_out', 'refused_while_locked', 'logout'))
      ) STRICT;
      CREATE INDEX login_events_by_user ON login_events (user_id, at);

      CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        ean TEXT NOT NULL UNIQUE CHECK (length(ean) = 13),
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        description_fr TEXT NOT NULL DEFAULT '',
        description_en TEXT NOT NULL DEFAULT '',
        category_id INTEGER NOT NULL REFERENCES categories (id),
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        vat_category TEXT NOT NULL CHECK (vat_category IN ('standard', 'intermediate', 'reduced', 'special')),
        weight_grams INTEGER NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('physical', 'digital')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX products_by_category ON products (category_id, active);
      CREATE INDEX products_by_sku_nocase ON products (sku COLLATE NOCASE);

      -- Word-prefix search over both languages' names, kept in step by triggers.
      CREATE VIRTUAL TABLE products_fts USING fts5 (
        name_fr, name_en, content = 'products', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
        INSERT INTO products_fts (rowid, name_fr, name_en) VALUES (new.id, new.name_fr, new.name_en);
      END;
      CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
        INSERT INTO products_fts (products_fts, rowid, name_fr, name_en)
        VALUES ('delete', old.id, old.name_fr, old.name_en);
      END;
      CREATE TRIGGER products_fts_update AFTER UPDATE OF name_fr, name_en ON products BEGIN
        INSERT INTO products_fts (products_fts, rowid, name_fr, name_en)
        VALUES ('delete', old.id, old.name_fr, old.name_en);
        INSERT INTO products_fts (rowid, name_fr, name_en) VALUES (new.id, new.name_fr, new.name_en);
      END;

      CREATE TABLE cart_lines (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products (id),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
        added_at TEXT NOT NULL,
        UNIQUE (till_id, product_id)
      ) STRICT;
    `)
  },
}
