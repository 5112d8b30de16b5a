import type { CallHandlers } from '../rpc/router'
import type { FiscalEventLog } from './fiscal-event-log'

type WatchedCalls = 'auth.logout' | 'exports.start'

/**
 * What the audit log does not see but the JET must: logouts and exports. Wraps the handlers,
 * writing the event once the call has succeeded (a logout: before, while the session still names
 * who leaves).
 */
export function withFiscalEvents<H extends Pick<CallHandlers, WatchedCalls>>(events: FiscalEventLog, handlers: H): H {
  return {
    ...handlers,
    'auth.logout': (input, context) => {
      if (context.session) events.record('auth.logout', { userId: context.session.userId }, { id: context.session.userId, name: context.session.displayName })
      return handlers['auth.logout'](input, context)
    },
    'exports.start': async (input, context) => {
      const result = await handlers['exports.start'](input, context)
      if (result.ok) events.record('export', { request: input, started: result.value }, context.session ? { id: context.session.userId, name: context.session.displayName } : { id: null })
      return result
    },
  }
}
