/** The receipts feature's face: e-mailed PDF tickets through an outbox, and ESC/POS receipt printers. */
export { ReceiptMailer, nextAttemptDelayMs } from './receipt-mailer'
export { ReceiptOutboxRepository } from './receipt-outbox-repository'
export { ReceiptService } from './receipt-service'
export { ReceiptSettings } from './receipt-settings'
export { receiptHandlers } from './receipt-handlers'
export { receiptRows, type ReceiptRow } from './receipt-layout'
export { receiptEscPos } from './receipt-escpos'
export { receiptPdf } from './receipt-pdf'
