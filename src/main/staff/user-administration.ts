import {
  ADMINISTRATION_ERROR_CODES,
  err,
  ok,
  type Err,
  type Result,
  type StaffMember,
  type UserRole,
} from '@shared/contract'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { User, UserRepository } from './user-repository'
import type { SessionRegistry } from '../rpc/session-registry'
import { hashPin, type PinPepper } from './pin-hasher'

export interface UserAdministrationDependencies {
  db: SqliteDatabase
  users: UserRepository
  sessions: SessionRegistry
  now: () => Date
  /** The PIN pepper, kept outside the database. */
  pepper: PinPepper
}

export function toStaffMember(user: User): StaffMember {
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    lockedUntil: user.lockedUntil,
    lastLoginAt: user.lastLoginAt,
  }
}

/** Thrown inside a transaction to roll it back and hand the error value out. */
class Refusal {
  constructor(readonly result: Result<never>) {}
}

/**
 * Users as administrators manage them. The shop always keeps at least one active administrator:
 * demoting or deactivating the last one is refused, checked inside the same transaction as the
 * change. A user whose role changes, whose PIN is reset or who is deactivated loses their open sessions at once, so
 * a session never carries a role the user no longer has. Every change is audited.
 */
export class UserAdministration {
  constructor(private readonly deps: UserAdministrationDependencies) {}

  create(actorId: number, displayName: string, role: UserRole, pin: string): Result<StaffMember> {
    // Hashing is slow (scrypt), so it happens outside the transaction; the name is checked
    // again inside it.
    const taken = this.takenNameRefusal(displayName, null)
    if (taken) return taken
    const hashed = hashPin(pin, this.deps.pepper)
    return this.change(() => {
      this.refuseTakenName(displayName, null)
      const id = this.deps.users.create(displayName, role, hashed, this.at())
      this.audit(actorId, 'user.created', id, { displayName, role })
      return id
    })
  }

  changeRole(actorId: number, userId: number, role: UserRole): Result<StaffMember> {
    return this.change(() => {
      const user = this.require(userId)
      if (user.role === role) return userId
      if (user.role === 'admin') this.refuseLosingLastAdministrator(user)
      this.deps.users.setRole(userId, role)
      this.deps.sessions.endAllFor(userId)
      this.audit(actorId, 'user.roleChanged', userId, {
        before: { role: user.role },
        after: { role },
      })
      return userId
    })
  }

  resetPin(actorId: number, userId: number, pin: string): Result<StaffMember> {
    // scrypt is deliberately slow: refuse an unknown user before paying for it.
    if (!this.deps.users.findById(userId))
      return err('NOT_FOUND', 'There is no such user', { userId })
    const hashed = hashPin(pin, this.deps.pepper)
    return this.change(() => {
      const user = this.require(userId)
      this.deps.users.setPin(userId, hashed)
      // Whoever knew the old PIN (or sat at a till left open) is logged out at once.
      this.deps.sessions.endAllFor(userId)
      const wasLocked = user.lockedUntil !== null && user.lockedUntil > this.at()
      this.audit(actorId, 'user.pinReset', userId, { unlocked: wasLocked })
      return userId
    })
  }

  deactivate(actorId: number, userId: number): Result<StaffMember> {
    return this.change(() => {
      const user = this.require(userId)
      if (!user.active) return userId
      if (user.role === 'admin') this.refuseLosingLastAdministrator(user)
      this.deps.users.setActive(userId, false)
      this.deps.sessions.endAllFor(userId)
      this.audit(actorId, 'user.deactivated', userId, {
        before: { active: true },
        after: { active: false },
      })
      return userId
    })
  }

  reactivate(actorId: number, userId: number): Result<StaffMember> {
    return this.change(() => {
      const user = this.require(userId)
      if (user.active) return userId
      this.refuseTakenName(user.displayName, userId)
      this.deps.users.setActive(userId, true)
      this.audit(actorId, 'user.reactivated', userId, {
        before: { active: false },
        after: { active: true },
      })
      return userId
    })
  }

  private change(mutation: () => number): Result<StaffMember> {
    try {
      const userId = this.deps.db.transaction(mutation)()
      return ok(toStaffMember(this.require(userId)))
    } catch (error) {
      if (error instanceof Refusal) return error.result
      throw error
    }
  }

  private require(userId: number): User {
    const user = this.deps.users.findById(userId)
    if (!user) throw new Refusal(err('NOT_FOUND', 'There is no such user', { userId }))
    return user
  }

  private refuseLosingLastAdministrator(user: User): void {
    if (user.active && this.deps.users.countActiveAdministrators() <= 1) {
      throw new Refusal(
        err(
          ADMINISTRATION_ERROR_CODES.lastAdministrator,
          'The shop must keep at least one active administrator',
          {
            userId: user.id,
          },
        ),
      )
    }
  }

  private takenNameRefusal(displayName: string, exceptUserId: number | null): Err | null {
    const others = this.deps.users.activeUserIdsNamed(displayName).filter((id) => id !== exceptUserId)
    if (others.length === 0) return null
    return err(
      ADMINISTRATION_ERROR_CODES.userNameTaken,
      'Another active user already has this name',
      {
        displayName,
      },
    )
  }

  private refuseTakenName(displayName: string, exceptUserId: number | null): void {
    const refusal = this.takenNameRefusal(displayName, exceptUserId)
    if (refusal) throw new Refusal(refusal)
  }

  private audit(actorId: number, action: string, userId: number, details: unknown): void {
    recordAudit(this.deps.db, {
      action,
      userId: actorId,
      subject: `user:${userId}`,
      details,
      at: this.at(),
    })
  }

  private at(): string {
    return this.deps.now().toISOString()
  }
}
