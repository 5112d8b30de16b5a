import { err, ok } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import type { CallHandlers } from '../rpc/router'

export interface TicketRequestDependencies {
  db: SqliteDatabase
  /** The paid order's number, or null when there is no such paid order. */
  orderNumber: (orderId: number) => string | null
  now: () => Date
}

/**
 * 'Ticket ?' (law AGEC, art. L541-15-10 of the environment code): after a paid sale the customer
 * chooses a printed ticket, an e-mailed one or none. The answer goes to the audit log under the
 * order; an e-mail is only recorded as a request, since no mail server exists here.
 */
export function ticketRequestHandlers(deps: TicketRequestDependencies): Pick<CallHandlers, 'orders.ticketRequest'> {
  return {
    'orders.ticketRequest': (input, { session }) => {
      const number = deps.orderNumber(input.orderId)
      if (!number) return err('NOT_FOUND', 'This order is not paid', { orderId: input.orderId })
      const at = deps.now().toISOString()
      const details = input.medium === 'email' ? { medium: input.medium, email: input.email } : { medium: input.medium }
      recordAudit(deps.db, { action: 'order.ticketRequested', userId: session.userId, subject: `order:${number}`, details, at })
      return ok({ recordedAt: at })
    },
  }
}
