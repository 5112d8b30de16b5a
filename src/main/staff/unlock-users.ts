import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import { UserRepository } from './user-repository'

export interface UnlockedUser {
  id: number
  displayName: string
  role: string
  failures: number
  waitUntil: string | null
}

/**
 * Clears the wrong-PIN count and wait of one user, or of every user that has any, and records
 * each in the audit log (`auth.unlocked`, by nobody identified: whoever runs `npm run
 * admin:unlock` on the machine, which needs the data folder itself). The way in for an
 * administrator whatever happened at the till.
 */
export function unlockUsers(db: SqliteDatabase, options: { userId?: number; at: string; by: string }): UnlockedUser[] {
  const users = new UserRepository(db)
  return db.transaction(() => {
    const chosen =
      options.userId === undefined
        ? users.listThrottled(options.at)
        : [users.findById(options.userId)].filter((user) => user !== null)
    if (options.userId !== undefined && chosen.length === 0) throw new Error(`There is no user ${options.userId}`)
    return chosen.map((user) => {
      users.clearThrottle(user.id)
      const unlocked = {
        id: user.id,
        displayName: user.displayName,
        role: user.role,
        failures: user.failedAttempts,
        waitUntil: user.lockedUntil,
      }
      recordAudit(db, {
        action: 'auth.unlocked',
        userId: null,
        subject: `user:${user.id}`,
        details: { by: options.by, failures: unlocked.failures, waitUntil: unlocked.waitUntil },
        at: options.at,
      })
      return unlocked
    })
  })()
}
