import type { CallHandlers } from '../rpc/router'
import type { FiscalEventLog } from './fiscal-event-log'

/**
 * What the audit log does not see but the JET must: logouts. Wraps the handler, writing the event
 * before the call, while the session still names who leaves. (Exports reach the JET through their
 * audit entry, `order.exported`.)
 */
export function withFiscalEvents<H extends Pick<CallHandlers, 'auth.logout'>>(events: FiscalEventLog, handlers: H): H {
  return {
    ...handlers,
    'auth.logout': (input, context) => {
      if (context.session) events.record('auth.logout', { userId: context.session.userId }, { id: context.session.userId, name: context.session.displayName })
      return handlers['auth.logout'](input, context)
    },
  }
}
