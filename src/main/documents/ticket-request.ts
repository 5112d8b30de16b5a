import { err, ok } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import type { CallHandlers } from '../rpc/router'

export interface TicketRequestDependencies {
  db: SqliteDatabase
  /** The paid order's number, or null when there is no such paid order. */
  orderNumber: (orderId: number) => string | null
  /** The order holds goods under the legal guarantee of conformity (their ticket is printed without asking). */
  underLegalGuarantee: (orderId: number) => boolean
  now: () => Date
  /** The e-mailed ticket: queued inside the request's transaction, then a first attempt at sending it. */
  email?: {
    queue: (orderId: number, recipient: string, at: Date) => number
    deliver: (outboxId: number) => Promise<'sent' | 'queued'>
  }
  /** The receipt printer: null when none is set (the till prints the HTML ticket itself). */
  print?: (orderId: number) => Promise<'printed' | 'failed' | null>
}

/**
 * 'Ticket ?' (law AGEC, art. L541-15-10 of the environment code): after a paid sale the customer
 * chooses a printed ticket, an e-mailed one or none. The answer goes to the audit log under the
 * order; an e-mail goes to the outbox in the same transaction, so a request is never recorded
 * without its e-mail nor the reverse.
 * The exception (décret 2023-1204): goods under the legal guarantee of conformity need their proof
 * of purchase, so the till prints it without asking; that print is recorded with the reason
 * 'legal_guarantee', which only such an order may give.
 */
export function ticketRequestHandlers(deps: TicketRequestDependencies): Pick<CallHandlers, 'orders.ticketRequest'> {
  return {
    'orders.ticketRequest': async (input, { session }) => {
      const number = deps.orderNumber(input.orderId)
      if (!number) return err('NOT_FOUND', 'This order is not paid', { orderId: input.orderId })
      const reason = input.medium === 'print' ? input.reason : undefined
      if (reason === 'legal_guarantee' && !deps.underLegalGuarantee(input.orderId)) {
        return err('CONFLICT', 'This order holds no goods under the legal guarantee', { orderId: input.orderId })
      }
      const now = deps.now()
      const at = now.toISOString()
      const details =
        input.medium === 'email' ? { medium: input.medium, email: input.email } : reason ? { medium: input.medium, reason } : { medium: input.medium }
      const outboxId = deps.db.transaction(() => {
        recordAudit(deps.db, { action: 'order.ticketRequested', userId: session.userId, subject: `order:${number}`, details, at })
        return input.medium === 'email' && deps.email ? deps.email.queue(input.orderId, input.email, now) : null
      })()
      if (outboxId !== null && deps.email) return ok({ recordedAt: at, email: await deps.email.deliver(outboxId) })
      if (input.medium === 'print' && deps.print) {
        const printed = await deps.print(input.orderId)
        if (printed) return ok({ recordedAt: at, printer: printed })
      }
      return ok({ recordedAt: at })
    },
  }
}
