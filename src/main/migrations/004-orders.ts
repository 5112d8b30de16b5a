import type { Migration } from '../../platform/sqlite/migration'

/**
 * Customers, orders with their frozen quote, state history, entitlements of digital goods and
 * shipments. Orders carry denormalised columns (totals, card summary, customer name) so that the
 * back-office filters and searches a large history without re-reading the frozen quote.
 */
export const orders: Migration = {
  version: 4,
  name: 'orders',
  up(db) {
    db.exec(`
      -- How a digital product reaches its buyer, and the file behind a download.
      ALTER TABLE products ADD COLUMN digital_delivery TEXT
        CHECK (digital_delivery IN ('download', 'licence_key', 'gift_card', 'subscription'));
      ALTER TABLE products ADD COLUMN download_file TEXT;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE);
      CREATE INDEX customers_by_phone ON customers (phone);
      CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);

      CREATE TABLE order_sequences (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        till_id TEXT NOT NULL,
        cashier_id INTEGER NOT NULL REFERENCES users (id),
        customer_id INTEGER REFERENCES customers (id),
        customer_name TEXT,
        customer_email TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending_payment', 'authorized', 'paid', 'declined',
          'awaiting_shipment', 'delivered', 'shipped', 'completed', 'voided', 'refunded', 'abandoned')),
        payment_method TEXT CHECK (payment_method IN ('card', 'saved_card', 'cash')),
        card_brand TEXT,
        card_last_four TEXT,
        card_masked TEXT,
        authorization_code TEXT,
        last_decline_code TEXT,
        payment_attempt_id INTEGER,
        idempotency_key TEXT NOT NULL UNIQUE,
        currency TEXT NOT NULL,
        total_ht INTEGER NOT NULL CHECK (total_ht >= 0),
        total_vat INTEGER NOT NULL CHECK (total_vat >= 0),
        total_ttc INTEGER NOT NULL CHECK (total_ttc >= 0),
        delivery_fee INTEGER NOT NULL CHECK (delivery_fee >= 0),
        discount_total INTEGER NOT NULL CHECK (discount_total >= 0),
        captured_amount INTEGER NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
        refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
        cash_tendered INTEGER CHECK (cash_tendered >= 0),
        change_due INTEGER CHECK (change_due >= 0),
        has_physical INTEGER NOT NULL CHECK (has_physical IN (0, 1)),
        delivery_option TEXT NOT NULL CHECK (delivery_option IN ('none', 'pickup', 'standard', 'express')),
        delivery_address TEXT,
        promotion_code TEXT,
        locale TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
        quote_json TEXT NOT NULL,
        approval_html TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        paid_at TEXT
      ) STRICT;
      CREATE INDEX orders_by_created ON orders (created_at DESC, id DESC);
      CREATE INDEX orders_by_status_created ON orders (status, created_at DESC, id DESC);
      CREATE INDEX orders_by_total ON orders (total_ttc DESC, id DESC);
      CREATE INDEX orders_by_cashier ON orders (cashier_id, created_at DESC);
      CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC);
      CREATE INDEX orders_by_till_status ON orders (till_id, status);

      CREATE TABLE order_lines (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        position INTEGER NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products (id),
        sku TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('physical', 'digital')),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
        vat_rate_basis_points INTEGER NOT NULL,
        unit_price_ht INTEGER NOT NULL,
        unit_price_ttc INTEGER NOT NULL,
        line_total INTEGER NOT NULL,
        UNIQUE (order_id, position)
      ) STRICT;
      CREATE INDEX order_lines_by_product ON order_lines (product_id);

      CREATE TABLE order_vat (
        order_id INTEGER NOT NULL REFERENCES orders (id),
        rate_basis_points INTEGER NOT NULL,
        goods INTEGER NOT NULL,
        shipping INTEGER NOT NULL,
        ht INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        ttc INTEGER NOT NULL,
        PRIMARY KEY (order_id, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE order_events (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        user_id INTEGER REFERENCES users (id),
        note TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_events_by_order ON order_events (order_id, id);

      CREATE TABLE entitlements (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        product_id INTEGER NOT NULL REFERENCES products (id),
        kind TEXT NOT NULL CHECK (kind IN ('download', 'licence_key', 'gift_card', 'subscription')),
        code TEXT,
        download_token TEXT UNIQUE,
        file_name TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entitlements_by_order ON entitlements (order_id);

      CREATE TABLE shipments (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id),
        carrier TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        shipped_by INTEGER NOT NULL REFERENCES users (id),
        shipped_at TEXT NOT NULL,
        notice_html TEXT NOT NULL
      ) STRICT;
    `)
  },
}
