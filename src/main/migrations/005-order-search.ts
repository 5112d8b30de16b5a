import type { Migration } from '../../platform/sqlite/migration'

/**
 * What keeps the back-office instant at a million orders.
 *
 * - `order_search`: a contentless FTS5 index (with `contentless_delete`, so a trigger can replace
 *   a row by id) over the order number (and its sequence without leading zeros, so "123" finds
 *   2025-000123), the customer's name and email, and the card's last four and authorization
 *   code. Triggers on `orders` keep it in step; nothing else writes to it.
 * - `daily_*` tables: per UTC day and status, the order count and TTC, the VAT per rate and the
 *   quantities and line totals per product. Triggers move an order's share when its status
 *   changes, so a month of dashboard or a status/date summary reads a few hundred rows instead
 *   of every order. Orders are never deleted, so no delete trigger is needed.
 * - Indexes for the filters the history offers beyond 004's: status with amount, decline code,
 *   and payment attempts by time for the dashboard's authorized/declined counts.
 */
export const orderSearch: Migration = {
  version: 5,
  name: 'order-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE order_search USING fts5(
        number, customer, card,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
        INSERT INTO order_search (rowid, number, customer, card) VALUES (new.id,
          new.number || ' ' || ltrim(substr(new.number, 6), '0'),
          coalesce(new.customer_name, '') || ' ' || coalesce(new.customer_email, ''),
          coalesce(new.card_last_four, '') || ' ' || coalesce(new.authorization_code, ''));
      END;
      CREATE TRIGGER orders_search_update
        AFTER UPDATE OF number, customer_name, customer_email, card_last_four, authorization_code ON orders
      BEGIN
        DELETE FROM order_search WHERE rowid = old.id;
        INSERT INTO order_search (rowid, number, customer, card) VALUES (new.id,
          new.number || ' ' || ltrim(substr(new.number, 6), '0'),
          coalesce(new.customer_name, '') || ' ' || coalesce(new.customer_email, ''),
          coalesce(new.card_last_four, '') || ' ' || coalesce(new.authorization_code, ''));
      END;

      CREATE TABLE daily_order_totals (
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        orders INTEGER NOT NULL,
        total_ttc INTEGER NOT NULL,
        PRIMARY KEY (day, status)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE daily_vat_totals (
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        rate_basis_points INTEGER NOT NULL,
        ht INTEGER NOT NULL,
        vat INTEGER NOT NULL,
        ttc INTEGER NOT NULL,
        PRIMARY KEY (day, status, rate_basis_points)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE daily_product_totals (
        day TEXT NOT NULL,
        status TEXT NOT NULL,
        product_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        line_total INTEGER NOT NULL,
        PRIMARY KEY (day, status, product_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER orders_daily_insert AFTER INSERT ON orders BEGIN
        INSERT INTO daily_order_totals (day, status, orders, total_ttc)
          VALUES (substr(new.created_at, 1, 10), new.status, 1, new.total_ttc)
          ON CONFLICT (day, status) DO UPDATE SET orders = orders + 1, total_ttc = total_ttc + excluded.total_ttc;
      END;

      CREATE TRIGGER order_vat_daily_insert AFTER INSERT ON order_vat BEGIN
        INSERT INTO daily_vat_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(o.created_at, 1, 10), o.status, new.rate_basis_points, new.ht, new.vat, new.ttc
            FROM orders o WHERE o.id = new.order_id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
      END;

      CREATE TRIGGER order_lines_daily_insert AFTER INSERT ON order_lines BEGIN
        INSERT INTO daily_product_totals (day, status, product_id, quantity, line_total)
          SELECT substr(o.created_at, 1, 10), o.status, new.product_id, new.quantity, new.line_total
            FROM orders o WHERE o.id = new.order_id
          ON CONFLICT (day, status, product_id) DO UPDATE
            SET quantity = quantity + excluded.quantity, line_total = line_total + excluded.line_total;
      END;

      -- An order changing status (or, in principle, date or total) moves its share: out of the
      -- old (day, status) buckets with negative amounts, into the new ones.
      CREATE TRIGGER orders_daily_move AFTER UPDATE OF status, created_at, total_ttc ON orders
        WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at OR old.total_ttc IS NOT new.total_ttc
      BEGIN
        UPDATE daily_order_totals SET orders = orders - 1, total_ttc = total_ttc - old.total_ttc
          WHERE day = substr(old.created_at, 1, 10) AND status = old.status;
        INSERT INTO daily_order_totals (day, status, orders, total_ttc)
          VALUES (substr(new.created_at, 1, 10), new.status, 1, new.total_ttc)
          ON CONFLICT (day, status) DO UPDATE SET orders = orders + 1, total_ttc = total_ttc + excluded.total_ttc;

        INSERT INTO daily_vat_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(old.created_at, 1, 10), old.status, v.rate_basis_points, -v.ht, -v.vat, -v.ttc
            FROM order_vat v WHERE v.order_id = old.id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;
        INSERT INTO daily_vat_totals (day, status, rate_basis_points, ht, vat, ttc)
          SELECT substr(new.created_at, 1, 10), new.status, v.rate_basis_points, v.ht, v.vat, v.ttc
            FROM order_vat v WHERE v.order_id = new.id
          ON CONFLICT (day, status, rate_basis_points) DO UPDATE
            SET ht = ht + excluded.ht, vat = vat + excluded.vat, ttc = ttc + excluded.ttc;

        INSERT INTO daily_product_totals (day, status, product_id, quantity, line_total)
          SELECT substr(old.created_at, 1, 10), old.status, l.product_id, -l.quantity, -l.line_total
            FROM order_lines l WHERE l.order_id = old.id
          ON CONFLICT (day, status, product_id) DO UPDATE
            SET quantity = quantity + excluded.quantity, line_total = line_total + excluded.line_total;
        INSERT INTO daily_product_totals (day, status, product_id, quantity, line_total)
          SELECT substr(new.created_at, 1, 10), new.status, l.product_id, l.quantity, l.line_total
            FROM order_lines l WHERE l.order_id = new.id
          ON CONFLICT (day, status, product_id) DO UPDATE
            SET quantity = quantity + excluded.quantity, line_total = line_total + excluded.line_total;
      END;

      CREATE INDEX orders_by_status_total ON orders (status, total_ttc, id);
      CREATE INDEX orders_by_decline ON orders (last_decline_code, created_at, id)
        WHERE last_decline_code IS NOT NULL;
      CREATE INDEX payment_attempts_by_started ON payment_attempts (started_at, outcome, response_code);

      -- Orders written before this migration.
      INSERT INTO order_search (rowid, number, customer, card)
        SELECT id, number || ' ' || ltrim(substr(number, 6), '0'),
          coalesce(customer_name, '') || ' ' || coalesce(customer_email, ''),
          coalesce(card_last_four, '') || ' ' || coalesce(authorization_code, '')
        FROM orders;
      INSERT INTO daily_order_totals (day, status, orders, total_ttc)
        SELECT substr(created_at, 1, 10), status, count(*), sum(total_ttc) FROM orders GROUP BY 1, 2;
      INSERT INTO daily_vat_totals (day, status, rate_basis_points, ht, vat, ttc)
        SELECT substr(o.created_at, 1, 10), o.status, v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc)
          FROM order_vat v JOIN orders o ON o.id = v.order_id GROUP BY 1, 2, 3;
      INSERT INTO daily_product_totals (day, status, product_id, quantity, line_total)
        SELECT substr(o.created_at, 1, 10), o.status, l.product_id, sum(l.quantity), sum(l.line_total)
          FROM order_lines l JOIN orders o ON o.id = l.order_id GROUP BY 1, 2, 3;
    `)
  },
}
