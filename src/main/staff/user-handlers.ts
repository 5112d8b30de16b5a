import { ok } from '@shared/contract'
import type { UserRepository } from './user-repository'
import type { CallHandlers } from '../rpc/router'

export function userHandlers(users: UserRepository): Pick<CallHandlers, 'users.list'> {
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
