import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { CheckedCallHandlers } from '../rpc/router'
import type { CartPricingOptions } from '../pricing'
import type { CartRepository } from './cart-repository'

export interface ParkedCartsDependencies {
  db: SqliteDatabase
  carts: CartRepository
  pricing: CartPricingOptions
  tillId: string
  /**
   * Who the till's cart belonged to when the app started: the last user to log in here, whose
   * session may have ended without a logout (a crash, a closed window). Null when nobody ever did.
   */
  ownerAtStart: number | null
  /** Whether a user is still logged in on some client (another tab of the same till). */
  isLoggedIn: (userId: number) => boolean
}

const PARKED = '~parked~'

/**
 * A till's cart belongs to the user who built it. When they log out (or another user logs in
 * after their session ended) it is parked under their name, lines, discounts, delivery and
 * promotion code kept, and it comes back when they log in again: the next user always starts
 * with an empty cart, never someone else's. The till's cart stays under the till's own key, where
 * checkout and the sale read it; a parked cart lives under `<till>~parked~<user id>`.
 */
export class ParkedCarts {
  private owner: number | null

  constructor(private readonly deps: ParkedCartsDependencies) {
    this.owner = deps.ownerAtStart
  }

  private keyOf(userId: number | 'unknown'): string {
    // A cart of nobody known is never handed over: each one gets a key of its own.
    const suffix = userId === 'unknown' ? `unknown-${Date.now()}` : String(userId)
    return `${this.deps.tillId}${PARKED}${suffix}`
  }

  private move(fromKey: string, toKey: string): void {
    this.deps.carts.moveLines(fromKey, toKey)
    this.deps.pricing.moveCartOptions(fromKey, toKey)
  }

  /** Parks the till's cart (when it has lines) under its owner's name; the till's cart is then empty. */
  private parkTillCart(owner: number | null): void {
    const { carts, pricing, tillId } = this.deps
    if (carts.lineCount(tillId) === 0) {
      pricing.clearCartOptions(tillId)
      return
    }
    const key = this.keyOf(owner ?? 'unknown')
    // A user has one parked cart; an older one (taken back before, so never the case) gives way.
    carts.clear(key)
    this.move(tillId, key)
  }

  /**
   * A user has just logged in at this till: a cart someone else left is parked under their name,
   * and this user's own parked cart, if any, comes back. Answers whether it came back. While its
   * owner is still logged in elsewhere (an administrator opens the back-office in a second tab of
   * the same till), the cart is theirs and stays where it is.
   */
  handTo(userId: number): boolean {
    return this.deps.db.transaction(() => {
      const { carts, tillId } = this.deps
      if (this.owner !== userId) {
        if (carts.lineCount(tillId) > 0 && this.owner !== null && this.deps.isLoggedIn(this.owner)) return false
        this.parkTillCart(this.owner)
      }
      // An empty till cart is nobody's: it becomes this user's, whoever else is logged in.
      this.owner = userId
      const parked = this.keyOf(userId)
      if (carts.lineCount(tillId) > 0 || carts.lineCount(parked) === 0) return false
      this.move(parked, tillId)
      return true
    })()
  }

  /** A user logs out: their cart, if it has lines, waits for them under their name (another's stays). */
  park(userId: number): void {
    if (this.owner !== null && this.owner !== userId) return
    this.deps.db.transaction(() => {
      this.parkTillCart(userId)
      this.owner = null
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
      if (context.session) parked.park(context.session.userId)
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
