import { defineStore } from 'pinia'
import type { AppError, CallInput, CallOutput, OrderInfo, Result } from '@shared/contract'
import { call, transport } from '@renderer/bridge'

/** What the approval screen shows once the sale is paid: the order and its approval document. */
export interface PaidOrder {
  order: OrderInfo | null
  html: string | null
  /** Goods under the legal guarantee of conformity: the ticket is printed without asking (AGEC exception). */
  legalGuarantee: boolean
  error: AppError | null
}

/** The approval of a paid order: the order, its document, its PDF and the buyer's downloads. */
export const useOrderApprovalStore = defineStore('order-approval', () => {
  /** The desktop app makes the PDF in main (printToPDF); a browser has only its print dialog. */
  const pdfFromMain = transport === 'electron'

  async function load(orderId: number): Promise<PaidOrder> {
    const [info, approval] = await Promise.all([
      call('orders.get', { orderId }),
      call('orders.approval', { orderId }),
    ])
    return {
      order: info.ok ? info.value : null,
      html: approval.ok ? approval.value.html : null,
      legalGuarantee: approval.ok && approval.value.legalGuarantee,
      error: info.ok ? (approval.ok ? null : approval.error) : info.error,
    }
  }

  function approvalPdf(orderId: number): Promise<Result<CallOutput<'orders.approvalPdf'>>> {
    return call('orders.approvalPdf', { orderId })
  }

  function download(token: string): Promise<Result<CallOutput<'orders.download'>>> {
    return call('orders.download', { token })
  }

  /** The customer's answer to 'Ticket ?' (law AGEC), recorded with the order. */
  function ticketRequest(input: CallInput<'orders.ticketRequest'>): Promise<Result<CallOutput<'orders.ticketRequest'>>> {
    return call('orders.ticketRequest', input)
  }

  /** A reprint: main marks it "DUPLICATA n° k" and writes it in the fiscal journal. */
  function reprint(orderId: number): Promise<Result<CallOutput<'orders.reprintApproval'>>> {
    return call('orders.reprintApproval', { orderId })
  }

  return { pdfFromMain, load, approvalPdf, download, ticketRequest, reprint }
})
