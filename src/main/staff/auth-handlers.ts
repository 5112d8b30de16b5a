import { ok } from '@shared/contract'
import type { CheckedCallHandlers } from '../rpc/router'
import type { AuthService } from './auth-service'

export function authHandlers(auth: AuthService): Pick<
  CheckedCallHandlers,
  'session.current' | 'auth.listUsers' | 'auth.login' | 'auth.logout'
> {
  return {
    'session.current': (_input, { session }) =>
      ok(auth.sessionInfo(session ? { id: session.userId, displayName: session.displayName, role: session.role } : null)),
    'auth.listUsers': () => ok(auth.listUsers()),
    'auth.login': ({ userId, pin }, { clientId }) => auth.login(clientId, userId, pin),
    'auth.logout': (_input, { clientId }) => {
      auth.logout(clientId)
      return ok({})
    },
  }
}
