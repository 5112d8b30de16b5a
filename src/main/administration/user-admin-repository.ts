import type { UserRole } from '@shared/contract'
import type { SqliteDatabase } from '../database/open-database'

/**
 * The writes only administrators make on `users` (role, PIN, active flag) and the questions their
 * rules ask. Kept apart from UserRepository, which serves logins at the till.
 */
export class UserAdminRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
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
