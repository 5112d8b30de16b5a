import { ok } from '@shared/contract'
import { createBackOffice, type BackOfficeDependencies } from './back-office'
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
  | 'exports.prepare'
  | 'dashboard.period'

export function backOfficeHandlers(deps: BackOfficeDependencies): Pick<CallHandlers, BackOfficeCalls> {
  const { history, actions, exports, dashboard } = createBackOffice(deps)
  return {
    'orders.search': ({ filters, sort, limit, cursor }) => history.search(filters, sort, limit, cursor),
    'orders.summary': ({ filters }) => history.summary(filters),
    'orders.filterOptions': () => ok(history.filterOptions()),
    'orders.detail': ({ orderId }) => actions.detail(orderId),
    'orders.void': ({ orderId, reason }, { session }) => actions.void(orderId, session.userId, reason),
    'orders.refund': ({ orderId, amount, items, reason }, { session }) =>
      actions.refund(orderId, items ? { items } : { amount: amount! }, session.userId, reason),
    'orders.markShipped': ({ orderId, carrier, trackingNumber }, { session }) =>
      actions.markShipped(orderId, carrier, trackingNumber, session.userId),
    'orders.shippingNotice': ({ orderId }) => actions.shippingNotice(orderId),
    'exports.prepare': (request, { clientId, session }) => {
      const prepared = exports.prepare(request, session.userId)
      if (!prepared.ok) return prepared
      const { fileName, rows, download } = prepared.value
      return ok({ ...deps.downloads.issue(clientId, session, download), fileName, rows })
    },
    'dashboard.period': ({ from, to }) => dashboard.period(from, to),
  }
}
