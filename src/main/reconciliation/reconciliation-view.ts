import type { ReconciliationCaseInfo, ReconciliationList } from '@shared/contract'
import type { PaymentService } from '../payments'
import type { OrderService } from '../orders'
import type { ReconciliationService } from './reconciliation-service'

export interface ReconciliationViewSources {
  orders: OrderService
  payments: PaymentService
}

/** The "to reconcile" list as the back-office shows it: each case with both ledgers' figures. */
export function reconciliationList(service: ReconciliationService, sources: ReconciliationViewSources): ReconciliationList {
  const cases: ReconciliationCaseInfo[] = []
  for (const entry of service.openCases()) {
    const attempt = sources.payments.attempt(entry.attemptId)
    if (!attempt) continue
    const order = entry.orderId !== null ? sources.orders.findById(entry.orderId) : null
    cases.push({
      id: entry.id,
      openedAt: entry.openedAt,
      problem: entry.problem,
      orderId: order?.id ?? null,
      orderNumber: order?.number ?? null,
      orderStatus: order?.status ?? null,
      currency: attempt.currency,
      card: { brand: attempt.brand, lastFour: attempt.lastFour },
      shop: { authorized: attempt.amount, captured: attempt.capturedAmount, refunded: attempt.refundedAmount },
      issuer: {
        state: entry.issuer.state as ReconciliationCaseInfo['issuer']['state'],
        authorized: entry.issuer.amount,
        captured: entry.issuer.capturedAmount,
        refunded: entry.issuer.refundedAmount,
      },
      actions: [...service.actionsFor(entry)],
    })
  }
  return {
    cases,
    pendingSteps: sources.payments.steps.pending().length,
    openAuthorizations: sources.payments.steps.openAttemptIds().length,
    lastReport: service.lastReport(),
  }
}
