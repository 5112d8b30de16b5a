import { randomUUID } from 'node:crypto'
import { err, ok, type Cart, type ParkedCart, type PriceChange, type Result } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { CheckedCallHandlers } from '../rpc/router'
import type { CartPricingOptions } from '../pricing'
import { recordAudit } from '../audit'
import type { CartRepository } from './cart-repository'
import type { ParkedCartRepository, ParkedCartRow } from './parked-cart-repository'

export interface ParkedCartsDependencies {
  db: SqliteDatabase
  carts: CartRepository
  parked: ParkedCartRepository
  pricing: CartPricingOptions
  tillId: string
  /** Any cart by its key, priced at today's catalogue prices (a parked cart for the list). */
  priceOf: (cartKey: string) => Cart
  /**
   * Who the till's cart belonged to when the app started, for a database that never recorded it:
   * the last user to log in here. Null when nobody ever did.
   */
  lastToLogIn: () => number | null
  /** Whether a user is still logged in on some client (another tab of the same till). */
  isLoggedIn: (userId: number) => boolean
  userName: (userId: number) => string | null
  /** How long a parked cart may wait before it is listed for clean-up. */
  staleAfterHours: () => number
  now: () => Date
}

const PARKED = '~parked~'
const NAME_LENGTH = 60

/**
 * The till's parked carts. A cashier parks the cart at any time under a name (the customer's),
 * serves the next customer and takes it back later; several wait at once, in SQLite, so they
 * survive a restart. Lines, discounts, delivery and promotion code are kept; the catalogue price of
 * each line is noted when parked, so taking it back prices it again and says which changed.
 *
 * Logging out is one use of it: the cart is parked under its owner's name and comes back at their
 * next login; the next user always starts with an empty cart, never someone else's. The till's
 * cart stays under the till's own key, where checkout and the sale read it; a parked cart lives
 * under `<till>~parked~<its own id>`.
 */
export class ParkedCarts {
  private owner: number | null

  constructor(private readonly deps: ParkedCartsDependencies) {
    const stored = deps.parked.tillOwner(deps.tillId)
    this.owner = stored === undefined ? deps.lastToLogIn() : stored
  }

  private setOwner(userId: number | null): void {
    this.owner = userId
    this.deps.parked.setTillOwner(this.deps.tillId, userId)
  }

  private move(fromKey: string, toKey: string): void {
    this.deps.carts.moveLines(fromKey, toKey)
    this.deps.pricing.moveCartOptions(fromKey, toKey)
  }

  /** Parks the till's cart (it has lines) under a new key; the till's cart is then empty. */
  private parkTillCart(name: string, ownerId: number | null, atLogout: boolean): number {
    const { parked, tillId } = this.deps
    const cartKey = `${tillId}${PARKED}${randomUUID()}`
    parked.notePrices(tillId)
    this.move(tillId, cartKey)
    const parkedAt = this.deps.now().toISOString()
    return parked.insert({ tillId, cartKey, name: name.slice(0, NAME_LENGTH), ownerId, atLogout, parkedAt })
  }

  /** Parks a left cart under its owner's name, or clears the options of an empty one. */
  private parkLeftCart(ownerId: number | null): void {
    const { carts, pricing, tillId } = this.deps
    if (carts.lineCount(tillId) === 0) {
      pricing.clearCartOptions(tillId)
      return
    }
    // A cart of nobody known is never handed over: it waits in the list, not for a login.
    const name = (ownerId !== null ? this.deps.userName(ownerId) : null) ?? 'Panier sans propriétaire'
    this.parkTillCart(name, ownerId, ownerId !== null)
  }

  /** A cashier parks the till's cart under a name, to serve the next customer. */
  park(userId: number, name: string): Result<void> {
    return this.deps.db.transaction((): Result<void> => {
      if (this.deps.carts.lineCount(this.deps.tillId) === 0) return err('CART_EMPTY', 'The cart is empty: there is nothing to park')
      this.parkTillCart(name, userId, false)
      this.setOwner(userId)
      return ok(undefined)
    })()
  }

  /** The till's parked carts, oldest first, priced at today's prices; those past the setting are stale. */
  list(): ParkedCart[] {
    const staleBefore = this.deps.now().getTime() - this.deps.staleAfterHours() * 3_600_000
    return this.deps.parked.list(this.deps.tillId).map((row) => this.summary(row, staleBefore))
  }

  private summary(row: ParkedCartRow, staleBefore: number): ParkedCart {
    const cart = this.deps.priceOf(row.cartKey)
    return {
      id: row.id,
      name: row.name,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      parkedAt: row.parkedAt,
      lineCount: cart.lines.length,
      itemCount: cart.itemCount,
      total: cart.total,
      currency: cart.currency,
      stale: Date.parse(row.parkedAt) < staleBefore,
    }
  }

  /**
   * Takes a parked cart back into the till's empty cart, whoever parked it (it is the shop's
   * cart; the list says whose it was). Answers the lines whose price changed meanwhile.
   */
  takeBack(userId: number, parkedId: number): Result<PriceChange[]> {
    return this.deps.db.transaction((): Result<PriceChange[]> => {
      const { carts, parked, tillId } = this.deps
      const row = parked.find(tillId, parkedId)
      if (!row) return err('NOT_FOUND', 'No such parked cart at this till', { parkedId })
      if (carts.lineCount(tillId) > 0) return err('CART_NOT_EMPTY', 'Park the current cart before taking another back')
      const changes = parked.priceChanges(row.cartKey).map((change) => ({
        lineId: change.lineId,
        sku: change.sku,
        name: { fr: change.nameFr, en: change.nameEn },
        before: change.before,
        after: change.after,
      }))
      this.move(row.cartKey, tillId)
      parked.forgetPrices(tillId)
      parked.remove(row.id)
      this.setOwner(userId)
      // Allowed, but never silent: the administrator can see who took whose cart.
      if (row.ownerId !== userId) {
        recordAudit(this.deps.db, {
          action: 'cart.parkedTakenOver',
          userId,
          subject: `parked-cart:${row.id}`,
          details: { name: row.name, ownerId: row.ownerId, parkedAt: row.parkedAt },
          at: this.deps.now().toISOString(),
        })
      }
      return ok(changes)
    })()
  }

  /** An administrator discards a parked cart (one left too long, say): audited with what it held. */
  discard(adminId: number, parkedId: number): Result<ParkedCart[]> {
    const { carts, db, parked, pricing, tillId } = this.deps
    const found = db.transaction((): Result<void> => {
      const row = parked.find(tillId, parkedId)
      if (!row) return err('NOT_FOUND', 'No such parked cart at this till', { parkedId })
      const summary = this.summary(row, this.deps.now().getTime() - this.deps.staleAfterHours() * 3_600_000)
      carts.clear(row.cartKey)
      pricing.clearCartOptions(row.cartKey)
      parked.remove(row.id)
      recordAudit(db, {
        action: 'cart.parkedDiscarded',
        userId: adminId,
        subject: `parked-cart:${row.id}`,
        details: {
          name: row.name,
          ownerId: row.ownerId,
          parkedAt: row.parkedAt,
          lineCount: summary.lineCount,
          total: summary.total,
          currency: summary.currency,
        },
        at: this.deps.now().toISOString(),
      })
      return ok(undefined)
    })()
    return found.ok ? ok(this.list()) : found
  }

  /**
   * A user has just logged in at this till: a cart someone else left is parked under their name,
   * and this user's own cart parked at their logout, if any, comes back. Answers whether it came
   * back. While its owner is still logged in elsewhere (an administrator opens the back-office in
   * a second tab of the same till), the cart is theirs and stays where it is.
   */
  handTo(userId: number): boolean {
    return this.deps.db.transaction(() => {
      const { carts, parked, tillId } = this.deps
      if (this.owner !== userId) {
        if (carts.lineCount(tillId) > 0 && this.owner !== null && this.deps.isLoggedIn(this.owner)) return false
        this.parkLeftCart(this.owner)
      }
      // An empty till cart is nobody's: it becomes this user's, whoever else is logged in.
      this.setOwner(userId)
      const own = parked.parkedAtLogout(tillId, userId)
      if (carts.lineCount(tillId) > 0 || own === null) return false
      this.move(own.cartKey, tillId)
      parked.forgetPrices(tillId)
      parked.remove(own.id)
      return true
    })()
  }

  /** A user logs out: their cart, if it has lines, waits for them under their name (another's stays). */
  logOut(userId: number): void {
    if (this.owner !== null && this.owner !== userId) return
    this.deps.db.transaction(() => {
      this.parkLeftCart(userId)
      this.setOwner(null)
    })()
  }
}

type SessionCalls = Pick<CheckedCallHandlers, 'auth.login' | 'auth.logout'>

/**
 * The login and logout handlers, with the till's cart following who is at the till: parked at
 * logout, handed back (or someone else's parked) at login.
 */
export function withParkedCarts<H extends SessionCalls>(handlers: H, parked: ParkedCarts): H {
  return {
    ...handlers,
    'auth.login': async (input, context) => {
      const result = await handlers['auth.login'](input, context)
      if (result.ok && result.value.user) parked.handTo(result.value.user.id)
      return result
    },
    'auth.logout': (input, context) => {
      if (context.session) parked.logOut(context.session.userId)
      return handlers['auth.logout'](input, context)
    },
  }
}

/** The user who logged in last (ISO times compare as text), whose cart the till may still hold. */
export function lastToLogIn(users: ReadonlyArray<{ id: number; lastLoginAt: string | null }>): number | null {
  let last: { id: number; lastLoginAt: string } | null = null
  for (const user of users) {
    if (user.lastLoginAt !== null && (last === null || user.lastLoginAt > last.lastLoginAt)) {
      last = { id: user.id, lastLoginAt: user.lastLoginAt }
    }
  }
  return last?.id ?? null
}
