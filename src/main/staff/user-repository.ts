import type { UserRole } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface UserRow {
  id: number
  display_name: string
  role: UserRole
  pin_salt: Buffer
  pin_hash: Buffer
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
      insert: db.prepare<[string, UserRole, Buffer, Buffer, string]>(
        `INSERT INTO users (display_name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      recordFailure: db.prepare<[string | null, number]>(
        'UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?',
      ),
      recordSuccess: db.prepare<[string, number]>(
        'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?',
      ),
      resetAfterLock: db.prepare<[number]>('UPDATE users SET failed_attempts = 0 WHERE id = ?'),
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
      setPin: db.prepare<[Buffer, Buffer, number]>(
        'UPDATE users SET pin_salt = ?, pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
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

  create(displayName: string, role: UserRole, pinSalt: Buffer, pinHash: Buffer, at: string): number {
    return Number(this.statements.insert.run(displayName, role, pinSalt, pinHash, at).lastInsertRowid)
  }

  /**
   * Counts a wrong PIN and, when `lockUntil` is given, locks the user, with their login events.
   * Runs in the caller's transaction (the service adds the audit entries to it).
   */
  recordFailedLogin(userId: number, tillId: string, at: string, lockUntil: string | null): void {
    this.statements.recordFailure.run(lockUntil, userId)
    this.statements.insertEvent.run(userId, tillId, at, 'wrong_pin')
    if (lockUntil) {
      this.statements.resetAfterLock.run(userId)
      this.statements.insertEvent.run(userId, tillId, at, 'locked_out')
    }
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
  setPin(userId: number, pinSalt: Buffer, pinHash: Buffer): void {
    this.statements.setPin.run(pinSalt, pinHash, userId)
  }

  setActive(userId: number, active: boolean): void {
    this.statements.setActive.run(active ? 1 : 0, userId)
  }
}
