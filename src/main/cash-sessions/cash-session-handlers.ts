import { ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { AuthService } from '../staff'
import type { CashSessionService } from './cash-session-service'

type CashSessionCalls =
  | 'cashSession.current'
  | 'cashSession.open'
  | 'cashSession.moveCash'
  | 'cashSession.xReport'
  | 'cashSession.submitCount'
  | 'cashSession.confirmClose'
  | 'cashSession.settings'
  | 'cashSession.saveSettings'

export function cashSessionHandlers(service: CashSessionService, auth: AuthService): Pick<CallHandlers, CashSessionCalls> {
  return {
    'cashSession.current': () => ok({ session: service.current() }),
    'cashSession.open': ({ count }, { session }) => service.open(session.userId, count),
    'cashSession.moveCash': (request, { session }) => service.moveCash(session.userId, request),
    'cashSession.xReport': (_input, { session }) => service.xReport(session.role),
    'cashSession.submitCount': ({ count }, { session }) => service.submitCount(session.userId, count),
    'cashSession.confirmClose': ({ approval }, { session, clientId }) =>
      service.confirmClose({ userId: session.userId, role: session.role }, approval, (userId, pin) => auth.checkApprover(clientId, userId, pin)),
    'cashSession.settings': () => ok(service.settings()),
    'cashSession.saveSettings': (settings, { session }) => ok(service.saveSettings(session.userId, settings)),
  }
}
