import type { Migration } from '../../platform/sqlite/migration'

/**
 * Parked carts at the till (issue 15): several per till, named, each with its owner and time; the
 * lines stay in `cart_lines` under the parked cart's key, with the catalogue price they had when
 * parked, so taking the cart back can say which prices changed. The till's cart owner is stored,
 * so a restart parks a left cart under whoever built it, not under the last user to log in.
 * Carts parked at a logout before this migration (keys `<till>~parked~<user id>`) become rows.
 */
export const parkedCarts: Migration = {
  version: 28,
  name: 'parked-carts',
  up(db) {
    db.exec(`
      CREATE TABLE parked_carts (
        id INTEGER PRIMARY KEY,
        till_id TEXT NOT NULL,
        cart_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        owner_id INTEGER REFERENCES users (id),
        at_logout INTEGER NOT NULL DEFAULT 0 CHECK (at_logout IN (0, 1)),
        parked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parked_carts_by_till ON parked_carts (till_id, parked_at);
      CREATE TABLE till_cart_owners (
        till_id TEXT PRIMARY KEY,
        user_id INTEGER REFERENCES users (id)
      ) STRICT;
      ALTER TABLE cart_lines ADD COLUMN parked_unit_price INTEGER;
      INSERT INTO parked_carts (till_id, cart_key, name, owner_id, at_logout, parked_at)
        SELECT substr(l.till_id, 1, instr(l.till_id, '~parked~') - 1), l.till_id,
               substr(coalesce(u.display_name, 'Panier'), 1, 60), u.id, 1, min(l.added_at)
          FROM cart_lines l
          LEFT JOIN users u ON u.id = CAST(substr(l.till_id, instr(l.till_id, '~parked~') + 8) AS INTEGER)
         WHERE instr(l.till_id, '~parked~') > 0
         GROUP BY l.till_id;
      UPDATE cart_lines SET parked_unit_price = (SELECT p.unit_price FROM products p WHERE p.id = cart_lines.product_id)
       WHERE instr(till_id, '~parked~') > 0;
    `)
  },
}
