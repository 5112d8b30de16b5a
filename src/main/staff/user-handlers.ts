import { ok } from '@shared/contract'
import type { UserRepository } from './user-repository'
import type { CheckedCallHandlers } from '../rpc/router'

export function userHandlers(users: UserRepository): Pick<CheckedCallHandlers, 'users.list'> {
  return {
    'users.list': () =>
      ok(
        users.listAll().map((user) => ({
          id: user.id,
          displayName: user.displayName,
          role: user.role,
          active: user.active,
          lockedUntil: user.lockedUntil,
          lastLoginAt: user.lastLoginAt,
        })),
      ),
  }
}
