import { defineStore } from 'pinia'
import type { CallInput, CallOutput, OrderDetail, Result } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The documents of an order as main renders them: null where the order has none (yet). */
export interface OrderDocuments {
  approvalHtml: string | null
  noticeHtml: string | null
}

/** One order of the back-office: its detail, its documents and the actions main allows on it. */
export const useOrderDetailStore = defineStore('order-detail', () => {
  function load(orderId: number): Promise<Result<OrderDetail>> {
    return call('orders.detail', { orderId })
  }

  async function documents(detail: OrderDetail): Promise<OrderDocuments> {
    const [approval, notice] = await Promise.all([
      detail.actions.hasApproval ? call('orders.approval', { orderId: detail.id }) : null,
      detail.actions.hasShippingNotice ? call('orders.shippingNotice', { orderId: detail.id }) : null,
    ])
    return {
      approvalHtml: approval?.ok ? approval.value.html : null,
      noticeHtml: notice?.ok ? notice.value.html : null,
    }
  }

  function voidOrder(input: CallInput<'orders.void'>): Promise<Result<OrderDetail>> {
    return call('orders.void', input)
  }

  function refund(input: CallInput<'orders.refund'>): Promise<Result<OrderDetail>> {
    return call('orders.refund', input)
  }

  function markShipped(input: CallInput<'orders.markShipped'>): Promise<Result<OrderDetail>> {
    return call('orders.markShipped', input)
  }

  /** A duplicate of the approval to print: main numbers it and writes it in the fiscal journal. */
  async function duplicateApproval(orderId: number): Promise<string | null> {
    const result = await call('orders.reprintApproval', { orderId })
    return result.ok ? result.value.html : null
  }

  /** A voided card sale's cancellation ticket, printed without asking (AGEC exception); main records the print. */
  function cancellationTicket(orderId: number): Promise<Result<CallOutput<'orders.cancellationTicket'>>> {
    return call('orders.cancellationTicket', { orderId })
  }

  return { load, documents, voidOrder, refund, markShipped, duplicateApproval, cancellationTicket }
})
