import { createHash } from 'node:crypto'
import { err, ok, type Result, type SessionInfo, type UserSummary } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import type { SessionRegistry } from '../rpc/session-registry'
import type { SettingsReader } from '../settings'
import type { User, UserRepository } from './user-repository'
import { hashPin, needsUpgrade, verifyPin, type PinPepper } from './pin-hasher'
import { ClientThrottle, userWaitSeconds } from './login-throttle'

/** Why a PIN is refused: unknown user or wrong PIN, or too many wrong ones (wait `retryAfter` seconds). */
export type CredentialRefusal = 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS'

export interface AuthServiceDependencies {
  db: SqliteDatabase
  users: UserRepository
  settings: SettingsReader
  sessions: SessionRegistry
  tillId: string
  now: () => Date
  /** The PIN pepper, kept outside the database. */
  pepper: PinPepper
  /** Wrong PINs per client; one is made when not given. */
  clientThrottle?: ClientThrottle
}

/** A client id as the audit log names it: a short hash, since in browser mode it identifies a session. */
function clientLabel(clientId: string): string {
  return createHash('sha256').update(clientId).digest('hex').slice(0, 12)
}

function tooManyAttempts(retryAfter: number): Result<never, 'TOO_MANY_ATTEMPTS'> {
  return err('TOO_MANY_ATTEMPTS', `Too many wrong PINs: try again in ${retryAfter} s`, { retryAfter })
}

function summary(user: Pick<User, 'id' | 'displayName' | 'role'>): UserSummary {
  return { id: user.id, displayName: user.displayName, role: user.role }
}

/**
 * PIN login at the till. Wrong PINs slow down the client that types them and, bounded, the user
 * they name (see `login-throttle.ts` for the rule and why); nobody is ever locked out. Every
 * attempt, wait and logout is recorded in `login_events`, and logins, wrong PINs and waits in the
 * audit log, in the same transaction. A PIN hash made before the pepper is replaced by a peppered
 * one at the user's next correct PIN.
 */
export class AuthService {
  private readonly clientThrottle: ClientThrottle

  constructor(private readonly deps: AuthServiceDependencies) {
    this.clientThrottle = deps.clientThrottle ?? new ClientThrottle()
  }

  sessionInfo(user: UserSummary | null): SessionInfo {
    const shop = this.deps.settings.shop()
    return {
      user,
      tillId: this.deps.tillId,
      shopName: shop.shopName,
      currency: shop.currency,
      inactivityLockSeconds: shop.inactivityLockSeconds,
      timeZone: shop.timeZone,
    }
  }

  listUsers(): UserSummary[] {
    return this.deps.users.listActive().map(summary)
  }

  login(clientId: string, userId: number, pin: string): Result<SessionInfo, CredentialRefusal> {
    const checked = this.checkCredentials(clientId, userId, pin)
    if (!checked.ok) return checked
    const user = checked.value
    const { db, users, tillId } = this.deps
    const at = this.deps.now().toISOString()
    db.transaction(() => {
      users.recordSuccessfulLogin(user.id, tillId, at)
      recordAudit(db, { action: 'auth.login', userId: user.id, subject: `user:${user.id}`, details: { tillId }, at })
    })()
    this.deps.sessions.start(clientId, { userId: user.id, displayName: user.displayName, role: user.role })
    return ok(this.sessionInfo(summary(user)))
  }

  /**
   * An administrator's PIN typed on the spot to approve something (a large discount), from the
   * cashier's client. Wrong PINs slow down that client and that administrator as logins do.
   */
  checkApprover(
    clientId: string,
    userId: number,
    pin: string,
  ): Result<{ userId: number }, CredentialRefusal | 'FORBIDDEN'> {
    const checked = this.checkCredentials(clientId, userId, pin)
    if (!checked.ok) return checked
    if (checked.value.role !== 'admin') return err('FORBIDDEN', 'Only an administrator can approve this')
    if (checked.value.failedAttempts > 0) this.deps.users.clearThrottle(checked.value.id)
    return ok({ userId: checked.value.id })
  }

  private checkCredentials(clientId: string, userId: number, pin: string): Result<User, CredentialRefusal> {
    const { users, tillId, db, pepper } = this.deps
    const now = this.deps.now()
    const nowMs = now.getTime()
    const at = now.toISOString()
    const shop = this.deps.settings.shop()
    const limits = { maxFailedPins: shop.maxFailedPins, lockSeconds: shop.pinLockMinutes * 60 }
    // The client's own wait first: while it lasts nothing is checked and nothing counts.
    const clientWait = this.clientThrottle.retryAfter(clientId, nowMs)
    if (clientWait > 0) return tooManyAttempts(clientWait)
    const user = users.findById(userId)
    if (!user || !user.active) {
      const wait = this.clientThrottle.recordFailure(clientId, nowMs, limits)
      if (wait > 0) {
        const details = { scope: 'client', client: clientLabel(clientId), tillId, waitSeconds: wait }
        recordAudit(db, { action: 'auth.throttled', userId: null, subject: `client:${details.client}`, details, at })
        return tooManyAttempts(wait)
      }
      return err('INVALID_CREDENTIALS', 'Unknown user or wrong PIN')
    }
    if (user.lockedUntil && user.lockedUntil > at) {
      return tooManyAttempts(Math.max(1, Math.ceil((Date.parse(user.lockedUntil) - nowMs) / 1000)))
    }
    const stored = { salt: user.pinSalt, hash: user.pinHash, pepperId: user.pinPepperId }
    if (!verifyPin(pin, stored, pepper)) {
      const failures = user.failedAttempts + 1
      const userWait = userWaitSeconds(failures, limits)
      const delayedUntil = userWait > 0 ? new Date(nowMs + userWait * 1000).toISOString() : null
      const clientWaitStarted = this.clientThrottle.recordFailure(clientId, nowMs, limits)
      db.transaction(() => {
        users.recordFailedLogin(user.id, tillId, at, delayedUntil)
        const subject = `user:${user.id}`
        recordAudit(db, { action: 'auth.wrongPin', userId: user.id, subject, details: { tillId }, at })
        if (delayedUntil) {
          const details = { scope: 'user', tillId, failures, waitSeconds: userWait, until: delayedUntil }
          recordAudit(db, { action: 'auth.throttled', userId: user.id, subject, details, at })
        }
        if (clientWaitStarted > 0) {
          const client = clientLabel(clientId)
          const details = { scope: 'client', client, tillId, waitSeconds: clientWaitStarted }
          recordAudit(db, { action: 'auth.throttled', userId: null, subject: `client:${client}`, details, at })
        }
      })()
      const wait = Math.max(userWait, clientWaitStarted)
      if (wait > 0) return tooManyAttempts(wait)
      return err('INVALID_CREDENTIALS', 'Unknown user or wrong PIN', {
        attemptsLeft: Math.max(1, shop.maxFailedPins - failures),
      })
    }
    this.clientThrottle.recordSuccess(clientId)
    if (needsUpgrade(stored, pepper)) {
      const upgraded = hashPin(pin, pepper)
      db.transaction(() => {
        users.upgradePinHash(user.id, { ...upgraded, pepperId: pepper.id })
        recordAudit(db, { action: 'user.pinHashUpgraded', userId: user.id, subject: `user:${user.id}`, details: { pepper: true }, at })
      })()
    }
    return ok(user)
  }

  logout(clientId: string): void {
    const ended = this.deps.sessions.end(clientId)
    if (ended) this.deps.users.recordEvent(ended.userId, this.deps.tillId, this.deps.now().toISOString(), 'logout')
  }
}
