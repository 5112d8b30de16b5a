import { ok } from '@shared/contract'
import { createBackOffice, type BackOfficeDependencies } from '../back-office/back-office'
import type { ReconciliationService } from '../reconciliation/reconciliation-service'
import { reconciliationList, type ReconciliationViewSources } from '../reconciliation/reconciliation-view'
import type { ActiveSession } from '../rpc/call-context'
import type { CallHandlers } from '../rpc/router'

export type BackOfficeCalls =
  | 'orders.search'
  | 'orders.summary'
  | 'orders.filterOptions'
  | 'orders.detail'
  | 'orders.void'
  | 'orders.refund'
  | 'orders.markShipped'
  | 'orders.shippingNotice'
  | 'exports.start'
  | 'exports.status'
  | 'exports.chunk'
  | 'exports.discard'
  | 'dashboard.period'

/** The router has checked the administrator role; the session is there for who-did-it records. */
const adminId = (session: ActiveSession | null) => session?.userId ?? 0

export function backOfficeHandlers(deps: BackOfficeDependencies): Pick<CallHandlers, BackOfficeCalls> {
  const { history, actions, exports, dashboard } = createBackOffice(deps)
  return {
    'orders.search': ({ filters, sort, limit, cursor }) => history.search(filters, sort, limit, cursor),
    'orders.summary': ({ filters }) => history.summary(filters),
    'orders.filterOptions': () => ok({ ...history.filterOptions(), cardBrands: ['cb', 'visa', 'mastercard', 'amex'] }),
    'orders.detail': ({ orderId }) => actions.detail(orderId),
    'orders.void': ({ orderId, reason }, { session }) => actions.void(orderId, adminId(session), reason),
    'orders.refund': ({ orderId, amount, reason }, { session }) => actions.refund(orderId, amount, adminId(session), reason),
    'orders.markShipped': ({ orderId, carrier, trackingNumber }, { session }) =>
      actions.markShipped(orderId, carrier, trackingNumber, adminId(session)),
    'orders.shippingNotice': ({ orderId }) => actions.shippingNotice(orderId),
    'exports.start': (request) => exports.start(request),
    'exports.status': ({ exportId }) => exports.status(exportId),
    'exports.chunk': ({ exportId, offset }) => exports.chunk(exportId, offset),
    'exports.discard': ({ exportId }) => exports.discard(exportId),
    'dashboard.period': ({ from, to }) => dashboard.period(from, to),
  }
}

export type ReconciliationCalls = 'reconciliation.list' | 'reconciliation.run' | 'reconciliation.resolve'

/** The "to reconcile" list, "Reconcile now", and the administrator's audited actions on a case. */
export function reconciliationHandlers(
  reconciliation: ReconciliationService,
  sources: ReconciliationViewSources,
): Pick<CallHandlers, ReconciliationCalls> {
  const list = () => ok(reconciliationList(reconciliation, sources))
  return {
    'reconciliation.list': list,
    'reconciliation.run': async () => {
      await reconciliation.reconcile()
      return list()
    },
    'reconciliation.resolve': async ({ caseId, action, note }, { session }) => {
      const done = await reconciliation.resolve(caseId, action, adminId(session), note)
      return done.ok ? list() : done
    },
  }
}
