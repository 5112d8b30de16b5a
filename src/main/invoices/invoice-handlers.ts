import { err, ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { InvoiceOutcome, InvoiceService, NotInvoiceable } from './invoice-service'

type InvoiceCalls = 'invoices.issue' | 'invoices.ofOrder' | 'invoices.copy' | 'invoices.facturX'

const WHY: Record<NotInvoiceable, string> = {
  not_paid: 'This sale is not paid',
  refunded: 'This sale was refunded in full',
  training: 'A training sale (MODE ÉCOLE) is not a sale and has no invoice',
}

function answer(orderId: number, outcome: InvoiceOutcome) {
  if (outcome.kind === 'not_found') return err('NOT_FOUND', 'No such sale, or no invoice for it', { orderId })
  if (outcome.kind === 'not_invoiceable') return err('ORDER_NOT_INVOICEABLE', WHY[outcome.reason], { orderId, reason: outcome.reason })
  return ok({ invoice: outcome.invoice, html: outcome.html, copyNumber: outcome.copyNumber })
}

/** Invoices for business customers, for cashiers and administrators alike. */
export function invoiceHandlers(invoices: InvoiceService): Pick<CallHandlers, InvoiceCalls> {
  return {
    'invoices.issue': ({ orderId, buyer }, { session }) => answer(orderId, invoices.issue(orderId, buyer, session.userId)),
    'invoices.copy': ({ orderId }, { session }) => {
      const outcome = invoices.copy(orderId, session.userId)
      if (outcome.kind === 'not_invoiceable') return err('NOT_FOUND', 'No invoice for this sale', { orderId })
      return answer(orderId, outcome)
    },
    'invoices.ofOrder': ({ orderId }) => ok({ invoice: invoices.ofOrder(orderId) }),
    'invoices.facturX': ({ orderId }) => {
      const file = invoices.facturX(orderId)
      return file ? ok(file) : err('NOT_FOUND', 'No invoice for this sale', { orderId })
    },
  }
}
