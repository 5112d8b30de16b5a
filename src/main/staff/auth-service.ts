import { err, ok, type Result, type SessionInfo, type UserSummary } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import type { SessionRegistry } from '../rpc/session-registry'
import type { SettingsReader } from '../settings'
import type { User, UserRepository } from './user-repository'
import { verifyPin } from './pin-hasher'

/** Why a PIN is refused: unknown user or wrong PIN, or a user locked after too many. */
export type CredentialRefusal = 'INVALID_CREDENTIALS' | 'USER_LOCKED'

export interface AuthServiceDependencies {
  db: SqliteDatabase
  users: UserRepository
  settings: SettingsReader
  sessions: SessionRegistry
  tillId: string
  now: () => Date
}

function summary(user: Pick<User, 'id' | 'displayName' | 'role'>): UserSummary {
  return { id: user.id, displayName: user.displayName, role: user.role }
}

/**
 * PIN login at the till. Five wrong PINs in a row (a setting) lock the user for a while; every
 * attempt, lockout and logout is recorded in `login_events`, and logins, wrong PINs and lockouts
 * in the audit log, in the same transaction.
 */
export class AuthService {
  constructor(private readonly deps: AuthServiceDependencies) {}

  sessionInfo(user: UserSummary | null): SessionInfo {
    const shop = this.deps.settings.shop()
    return {
      user,
      tillId: this.deps.tillId,
      shopName: shop.shopName,
      currency: shop.currency,
      inactivityLockSeconds: shop.inactivityLockSeconds,
    }
  }

  listUsers(): UserSummary[] {
    return this.deps.users.listActive().map(summary)
  }

  login(clientId: string, userId: number, pin: string): Result<SessionInfo, CredentialRefusal> {
    const checked = this.checkCredentials(userId, pin)
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
   * An administrator's PIN typed on the spot to approve something (a large discount). Wrong
   * PINs count towards the same lockout as logins.
   */
  checkApprover(userId: number, pin: string): Result<{ userId: number }, CredentialRefusal | 'FORBIDDEN'> {
    const checked = this.checkCredentials(userId, pin)
    if (!checked.ok) return checked
    if (checked.value.role !== 'admin') return err('FORBIDDEN', 'Only an administrator can approve this')
    return ok({ userId: checked.value.id })
  }

  private checkCredentials(userId: number, pin: string): Result<User, CredentialRefusal> {
    const { users, tillId } = this.deps
    const now = this.deps.now()
    const at = now.toISOString()
    const user = users.findById(userId)
    if (!user || !user.active) return err('INVALID_CREDENTIALS', 'Unknown user or wrong PIN')
    if (user.lockedUntil && user.lockedUntil > at) {
      users.recordEvent(user.id, tillId, at, 'refused_while_locked')
      return err('USER_LOCKED', 'Too many wrong PINs: this user is locked for a while', {
        lockedUntil: user.lockedUntil,
      })
    }
    if (!verifyPin(pin, user.pinSalt, user.pinHash)) {
      const shop = this.deps.settings.shop()
      const reachesLimit = user.failedAttempts + 1 >= shop.maxFailedPins
      const lockUntil = reachesLimit ? new Date(now.getTime() + shop.pinLockMinutes * 60_000).toISOString() : null
      this.deps.db.transaction(() => {
        users.recordFailedLogin(user.id, tillId, at, lockUntil)
        const subject = `user:${user.id}`
        recordAudit(this.deps.db, { action: 'auth.wrongPin', userId: user.id, subject, details: { tillId }, at })
        if (lockUntil) {
          const details = { tillId, lockedUntil: lockUntil }
          recordAudit(this.deps.db, { action: 'auth.lockout', userId: user.id, subject, details, at })
        }
      })()
      if (lockUntil) {
        return err('USER_LOCKED', 'Too many wrong PINs: this user is locked for a while', { lockedUntil: lockUntil })
      }
      return err('INVALID_CREDENTIALS', 'Unknown user or wrong PIN', {
        attemptsLeft: shop.maxFailedPins - user.failedAttempts - 1,
      })
    }
    return ok(user)
  }

  logout(clientId: string): void {
    const ended = this.deps.sessions.end(clientId)
    if (ended) this.deps.users.recordEvent(ended.userId, this.deps.tillId, this.deps.now().toISOString(), 'logout')
  }
}
