import type { CallHandlers } from '../rpc/router'
import type { UserAdministration } from './user-administration'

type UserAdministrationCalls = 'users.create' | 'users.changeRole' | 'users.resetPin' | 'users.deactivate' | 'users.reactivate'

/** The staff screens' calls; the session names the administrator recorded with each change. */
export function userAdministrationHandlers(users: UserAdministration): Pick<CallHandlers, UserAdministrationCalls> {
  return {
    'users.create': ({ displayName, role, pin }, { session }) => users.create(session.userId, displayName, role, pin),
    'users.changeRole': ({ userId, role }, { session }) => users.changeRole(session.userId, userId, role),
    'users.resetPin': ({ userId, pin }, { session }) => users.resetPin(session.userId, userId, pin),
    'users.deactivate': ({ userId }, { session }) => users.deactivate(session.userId, userId),
    'users.reactivate': ({ userId }, { session }) => users.reactivate(session.userId, userId),
  }
}
