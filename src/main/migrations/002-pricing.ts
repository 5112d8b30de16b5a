import type { Migration } from '../../platform/sqlite/migration'

export const pricing: Migration = {
  version: 2,
  name: 'pricing',
  up(db) {
    db.exec(`
      -- A rate change is a new row from a date on; carts priced after it use it.
      CREATE TABLE vat_rates (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL CHECK (category IN ('standard', 'intermediate', 'reduced', 'special')),
        rate_basis_points INTEGER NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),
        effective_from TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX vat_rates_by_category ON vat_rates (category, effective_from);

      CREATE TABLE promotions (
        code TEXT PRIMARY KEY COLLATE NOCASE,
        type TEXT NOT NULL CHECK (type IN ('percent', 'amount', 'free-delivery')),
        -- Basis points for 'percent', minor units for 'amount', 0 for 'free-delivery'.
        value INTEGER NOT NULL CHECK (value >= 0),
        min_basket INTEGER CHECK (min_basket >= 0),
        valid_from TEXT,
        valid_until TEXT,
        usage_limit INTEGER CHECK (usage_limit >= 0),
        times_used INTEGER NOT NULL DEFAULT 0 CHECK (times_used >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      -- What a till's cart carries besides its lines: one promotion code, the delivery choice.
      CREATE TABLE cart_options (
        till_id TEXT PRIMARY KEY,
        promotion_code TEXT REFERENCES promotions (code),
        delivery_option TEXT NOT NULL DEFAULT 'pickup' CHECK (delivery_option IN ('pickup', 'standard', 'express')),
        delivery_zone TEXT CHECK (delivery_zone IN ('FR', 'EU', 'WORLD'))
      ) STRICT;

      ALTER TABLE cart_lines ADD COLUMN discount_type TEXT CHECK (discount_type IN ('percent', 'amount'));
      ALTER TABLE cart_lines ADD COLUMN discount_value INTEGER CHECK (discount_value >= 0);

      -- An administrator's PIN given on the spot for a large line discount.
      CREATE TABLE discount_approvals (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        cart_line_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products (id),
        cashier_id INTEGER NOT NULL REFERENCES users (id),
        approver_id INTEGER NOT NULL REFERENCES users (id),
        discount_type TEXT NOT NULL CHECK (discount_type IN ('percent', 'amount')),
        discount_value INTEGER NOT NULL,
        line_amount INTEGER NOT NULL,
        discount_amount INTEGER NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
    `)
    // French rates in force since 1 January 2014; later changes are new rows.
    const insertRate = db.prepare(
      `INSERT INTO vat_rates (category, rate_basis_points, effective_from, created_at)
       VALUES (?, ?, '2014-01-01T00:00:00+01:00', '2014-01-01T00:00:00+01:00')`,
    )
    for (const [category, rate] of [['standard', 2000], ['intermediate', 1000], ['reduced', 550], ['special', 210]]) {
      insertRate.run(category, rate)
    }
  },
}
