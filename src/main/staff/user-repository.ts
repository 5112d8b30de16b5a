import type { UserRole } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { StoredPinHash } from './pin-hasher'

interface UserRow {
  id: number
  display_name: string
  role: UserRole
  pin_salt: Buffer
  pin_hash: Buffer
  pin_pepper_id: string | null
  active: number
  failed_attempts: number
  locked_until: string | null
  last_login_at: string | null
}

export interface User {
  id: number
  displayName: string
  role: UserRole
  pinSalt: Buffer
  pinHash: Buffer
  /** The pepper the hash was made with; null for a hash made before it. */
  pinPepperId: string | null
  active: boolean
  failedAttempts: number
  lockedUntil: string | null
  lastLoginAt: string | null
}

export type LoginOutcome = 'success' | 'wrong_pin' | 'locked_out' | 'refused_while_locked' | 'logout'

function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    pinSalt: row.pin_salt,
    pinHash: row.pin_hash,
    pinPepperId: row.pin_pepper_id,
    active: row.active === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
  }
}

export class UserRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      byId: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
      all: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY role DESC, display_name'),
      active: db.prepare<[], UserRow>('SELECT * FROM users WHERE active = 1 ORDER BY display_name'),
      insert: db.prepare<[string, UserRole, Buffer, Buffer, string | null, string]>(
        `INSERT INTO users (display_name, role, pin_salt, pin_hash, pin_pepper_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      recordFailure: db.prepare<[string | null, number]>(
        'UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?',
      ),
      recordSuccess: db.prepare<[string, number]>(
        'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?',
      ),
      insertEvent: db.prepare<[number, string, string, LoginOutcome]>(
        'INSERT INTO login_events (user_id, till_id, at, outcome) VALUES (?, ?, ?, ?)',
      ),
      activeAdmins: db.prepare<[], { count: number }>(
        "SELECT count(*) AS count FROM users WHERE active = 1 AND role = 'admin'",
      ),
      activeNamed: db.prepare<[string], { id: number }>(
        'SELECT id FROM users WHERE active = 1 AND lower(display_name) = lower(?)',
      ),
      setRole: db.prepare<[UserRole, number]>('UPDATE users SET role = ? WHERE id = ?'),
      setPin: db.prepare<[Buffer, Buffer, string | null, number]>(
        'UPDATE users SET pin_salt = ?, pin_hash = ?, pin_pepper_id = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
      ),
      upgradeHash: db.prepare<[Buffer, Buffer, string, number]>(
        'UPDATE users SET pin_salt = ?, pin_hash = ?, pin_pepper_id = ? WHERE id = ?',
      ),
      unthrottle: db.prepare<[number]>('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?'),
      throttled: db.prepare<[string], UserRow>(
        'SELECT * FROM users WHERE failed_attempts > 0 OR locked_until > ? ORDER BY id',
      ),
      setActive: db.prepare<[number, number]>('UPDATE users SET active = ? WHERE id = ?'),
    }
  }

  findById(id: number): User | null {
    const row = this.statements.byId.get(id)
    return row ? toUser(row) : null
  }

  listAll(): User[] {
    return this.statements.all.all().map(toUser)
  }

  listActive(): User[] {
    return this.statements.active.all().map(toUser)
  }

  create(displayName: string, role: UserRole, pin: StoredPinHash, at: string): number {
    return Number(this.statements.insert.run(displayName, role, pin.salt, pin.hash, pin.pepperId, at).lastInsertRowid)
  }

  /**
   * Counts a wrong PIN in a row and, when `delayedUntil` is given, makes the user's PIN wait until
   * then, with their login events. Runs in the caller's transaction (the service adds the audit
   * entries to it).
   */
  recordFailedLogin(userId: number, tillId: string, at: string, delayedUntil: string | null): void {
    this.statements.recordFailure.run(delayedUntil, userId)
    this.statements.insertEvent.run(userId, tillId, at, 'wrong_pin')
    if (delayedUntil) this.statements.insertEvent.run(userId, tillId, at, 'locked_out')
  }

  /** Clears the failed-attempt count, notes the login and its event; in the caller's transaction. */
  recordSuccessfulLogin(userId: number, tillId: string, at: string): void {
    this.statements.recordSuccess.run(at, userId)
    this.statements.insertEvent.run(userId, tillId, at, 'success')
  }

  recordEvent(userId: number, tillId: string, at: string, outcome: LoginOutcome): void {
    this.statements.insertEvent.run(userId, tillId, at, outcome)
  }

  countActiveAdministrators(): number {
    return this.statements.activeAdmins.get()?.count ?? 0
  }

  /** Active users with this display name, case aside. */
  activeUserIdsNamed(displayName: string): number[] {
    return this.statements.activeNamed.all(displayName).map((row) => row.id)
  }

  setRole(userId: number, role: UserRole): void {
    this.statements.setRole.run(role, userId)
  }

  /** A new PIN also clears the failed-attempt count and any lock. */
  setPin(userId: number, pin: StoredPinHash): void {
    this.statements.setPin.run(pin.salt, pin.hash, pin.pepperId, userId)
  }

  /** Replaces a hash made before the pepper by a peppered one of the same PIN. */
  upgradePinHash(userId: number, pin: StoredPinHash & { pepperId: string }): void {
    this.statements.upgradeHash.run(pin.salt, pin.hash, pin.pepperId, userId)
  }

  /** Clears a user's wrong-PIN count and delay (`npm run admin:unlock`); the caller audits it. */
  clearThrottle(userId: number): void {
    this.statements.unthrottle.run(userId)
  }

  /** Users with wrong PINs counted or a delay still running at `at`. */
  listThrottled(at: string): User[] {
    return this.statements.throttled.all(at).map(toUser)
  }

  setActive(userId: number, active: boolean): void {
    this.statements.setActive.run(active ? 1 : 0, userId)
  }
}
