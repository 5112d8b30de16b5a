import { err } from '@shared/contract'
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

const notYet = () => err('NOT_IMPLEMENTED', 'The back-office is being built')

/** Placeholder so the contract can be published before the services exist. */
export function backOfficeHandlers(): Pick<CallHandlers, BackOfficeCalls> {
  return {
    'orders.search': notYet,
    'orders.summary': notYet,
    'orders.filterOptions': notYet,
    'orders.detail': notYet,
    'orders.void': notYet,
    'orders.refund': notYet,
    'orders.markShipped': notYet,
    'orders.shippingNotice': notYet,
    'exports.start': notYet,
    'exports.status': notYet,
    'exports.chunk': notYet,
    'exports.discard': notYet,
  'dashboard.period': notYet,
  }
}
