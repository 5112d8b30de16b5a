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
  | 'exports.start'
  | 'exports.status'
  | 'exports.chunk'
  | 'exports.discard'
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
    'exports.start': (request) => exports.start(request),
    'exports.status': ({ exportId }) => exports.status(exportId),
    'exports.chunk': ({ exportId, offset }) => exports.chunk(exportId, offset),
    'exports.discard': ({ exportId }) => exports.discard(exportId),
    'dashboard.period': ({ from, to }) => dashboard.period(from, to),
  }
}
