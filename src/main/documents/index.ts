/** The documents feature's face: what the other features and the composition root may use. */
export type { DocumentPrinter } from './document-printer'
export { orderReceiptView, renderOrderApproval, type OrderReceiptView } from './order-approval-renderer'
export type { PrintedDownloadLink } from './order-approval-renderer'
export { renderShippingNotice } from './shipping-notice-renderer'
export { ticketRequestHandlers, type TicketRequestDependencies } from './ticket-request'
export { invoiceContent, invoiceLines, type InvoiceContent, type InvoiceSale, type InvoiceSeller } from './invoice-content'
export { renderInvoice } from './invoice-renderer'
export { facturXml, FACTUR_X_BASIC_GUIDELINE } from './factur-x'
