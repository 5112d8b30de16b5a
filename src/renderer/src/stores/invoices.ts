import { defineStore } from 'pinia'
import type { CallOutput, InvoiceBuyer, Result } from '@shared/contract'
import { call } from '@renderer/bridge'

/** Invoices for business customers: issue one for a paid sale, read it, copy it, its Factur-X XML. */
export const useInvoicesStore = defineStore('invoices', () => {
  function ofOrder(orderId: number): Promise<Result<CallOutput<'invoices.ofOrder'>>> {
    return call('invoices.ofOrder', { orderId })
  }

  /** The first time, the invoice; after that, main answers a DUPLICATA of the same one. */
  function issue(orderId: number, buyer: InvoiceBuyer): Promise<Result<CallOutput<'invoices.issue'>>> {
    return call('invoices.issue', { orderId, buyer })
  }

  function copy(orderId: number): Promise<Result<CallOutput<'invoices.copy'>>> {
    return call('invoices.copy', { orderId })
  }

  function facturX(orderId: number): Promise<Result<CallOutput<'invoices.facturX'>>> {
    return call('invoices.facturX', { orderId })
  }

  return { ofOrder, issue, copy, facturX }
})
