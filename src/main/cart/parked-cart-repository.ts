import type { SqliteDatabase } from '../../platform/sqlite/open-database'

export interface ParkedCartRow {
  id: number
  cartKey: string
  name: string
  ownerId: number | null
  ownerName: string | null
  atLogout: boolean
  parkedAt: string
}

interface Row {
  id: number
  cart_key: string
  name: string
  owner_id: number | null
  owner_name: string | null
  at_logout: number
  parked_at: string
}

/** A line whose catalogue price is no longer the one it had when its cart was parked. */
export interface PriceChangeRow {
  lineId: number
  sku: string
  nameFr: string
  nameEn: string
  before: number
  after: number
}

const toParked = (row: Row): ParkedCartRow => ({
  id: row.id,
  cartKey: row.cart_key,
  name: row.name,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  atLogout: row.at_logout === 1,
  parkedAt: row.parked_at,
})

const SELECT = `SELECT c.id, c.cart_key, c.name, c.owner_id, u.display_name AS owner_name, c.at_logout, c.parked_at
                  FROM parked_carts c LEFT JOIN users u ON u.id = c.owner_id`

/** The till's parked carts (their lines stay in `cart_lines` under each cart's key) and who owns the till's cart. */
export class ParkedCartRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare<[string, string, string, number | null, number, string]>(
        'INSERT INTO parked_carts (till_id, cart_key, name, owner_id, at_logout, parked_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare<[string], Row>(`${SELECT} WHERE c.till_id = ? ORDER BY c.parked_at, c.id`),
      find: db.prepare<[string, number], Row>(`${SELECT} WHERE c.till_id = ? AND c.id = ?`),
      atLogout: db.prepare<[string, number], Row>(
        `${SELECT} WHERE c.till_id = ? AND c.owner_id = ? AND c.at_logout = 1 ORDER BY c.parked_at DESC, c.id DESC LIMIT 1`,
      ),
      remove: db.prepare<[number]>('DELETE FROM parked_carts WHERE id = ?'),
      owner: db.prepare<[string], { user_id: number | null }>('SELECT user_id FROM till_cart_owners WHERE till_id = ?'),
      setOwner: db.prepare<[string, number | null]>(
        'INSERT INTO till_cart_owners (till_id, user_id) VALUES (?, ?) ON CONFLICT (till_id) DO UPDATE SET user_id = excluded.user_id',
      ),
      notePrices: db.prepare<[string]>(
        `UPDATE cart_lines SET parked_unit_price = (SELECT p.unit_price FROM products p WHERE p.id = cart_lines.product_id)
          WHERE till_id = ?`,
      ),
      forgetPrices: db.prepare<[string]>('UPDATE cart_lines SET parked_unit_price = NULL WHERE till_id = ?'),
      priceChanges: db.prepare<[string], { id: number; sku: string; name_fr: string; name_en: string; before: number; after: number }>(
        `SELECT l.id, p.sku, p.name_fr, p.name_en, l.parked_unit_price AS before, p.unit_price AS after
           FROM cart_lines l JOIN products p ON p.id = l.product_id
          WHERE l.till_id = ? AND l.parked_unit_price IS NOT NULL AND l.parked_unit_price <> p.unit_price
          ORDER BY l.id`,
      ),
    }
  }

  insert(cart: { tillId: string; cartKey: string; name: string; ownerId: number | null; atLogout: boolean; parkedAt: string }): number {
    const { tillId, cartKey, name, ownerId, atLogout, parkedAt } = cart
    return Number(this.statements.insert.run(tillId, cartKey, name, ownerId, atLogout ? 1 : 0, parkedAt).lastInsertRowid)
  }

  list(tillId: string): ParkedCartRow[] {
    return this.statements.list.all(tillId).map(toParked)
  }

  find(tillId: string, id: number): ParkedCartRow | null {
    const row = this.statements.find.get(tillId, id)
    return row ? toParked(row) : null
  }

  /** The user's latest cart parked when they logged out, which their next login brings back. */
  parkedAtLogout(tillId: string, userId: number): ParkedCartRow | null {
    const row = this.statements.atLogout.get(tillId, userId)
    return row ? toParked(row) : null
  }

  remove(id: number): void {
    this.statements.remove.run(id)
  }

  /** Who the till's cart belongs to; undefined when it was never recorded (a database from before). */
  tillOwner(tillId: string): number | null | undefined {
    const row = this.statements.owner.get(tillId)
    return row === undefined ? undefined : row.user_id
  }

  setTillOwner(tillId: string, userId: number | null): void {
    this.statements.setOwner.run(tillId, userId)
  }

  /** Notes each line's catalogue price now, before the cart is parked. */
  notePrices(cartKey: string): void {
    this.statements.notePrices.run(cartKey)
  }

  forgetPrices(cartKey: string): void {
    this.statements.forgetPrices.run(cartKey)
  }

  priceChanges(cartKey: string): PriceChangeRow[] {
    return this.statements.priceChanges.all(cartKey).map((row) => ({
      lineId: row.id,
      sku: row.sku,
      nameFr: row.name_fr,
      nameEn: row.name_en,
      before: row.before,
      after: row.after,
    }))
  }
}
