import type { Migration } from '../../platform/sqlite/migration'
import { staffAndCatalogue } from './001-staff-and-catalogue'
import { pricing } from './002-pricing'
import { paymentAttempts } from './003-payment-attempts'
import { orders } from './004-orders'
import { orderSearch } from './005-order-search'
import { auditLog } from './006-audit-log'
import { backOfficeIndexes } from './007-back-office-indexes'
import { refundsByRate } from './008-refunds-by-rate'
import { orderNumbersAtPayment } from './009-order-numbers-at-payment'
import { moneySteps } from './010-money-steps'
import { declinedCheckoutsIndex } from './011-declined-checkouts-index'
import { pinPepper } from './012-pin-pepper'
import { ordersOutOfDateOrder } from './013-orders-out-of-date-order'
import { orderDocuments } from './014-order-documents'
import { downloadLinks } from './015-download-links'
import { historyIndexRoom } from './016-history-index-room'
import { dashboardSalesIndex } from './017-dashboard-sales-index'
import { quarterHourTotals } from './018-quarter-hour-totals'
import { fiscalJournal } from './019-fiscal-journal'
import { historyFilterTotals } from './020-history-filter-totals'
import { cashSessions } from './021-cash-sessions'
import { ordersByBrand } from './022-orders-by-brand'
import { trainingMode } from './023-training-mode'
import { invoices } from './024-invoices'
import { receipts } from './025-receipts'
import { amountTotals } from './026-amount-totals'
import { fiscalPurge } from './027-fiscal-purge'
import { parkedCarts } from './028-parked-carts'
import { legalGuarantee } from './029-legal-guarantee'

/** The merchant database's migrations, in order. Append only: never edit a released one. */
export const merchantMigrations: readonly Migration[] = [
  staffAndCatalogue,
  pricing,
  paymentAttempts,
  orders,
  orderSearch,
  auditLog,
  backOfficeIndexes,
  refundsByRate,
  orderNumbersAtPayment,
  moneySteps,
  declinedCheckoutsIndex,
  pinPepper,
  ordersOutOfDateOrder,
  orderDocuments,
  downloadLinks,
  historyIndexRoom,
  dashboardSalesIndex,
  quarterHourTotals,
  fiscalJournal,
  historyFilterTotals,
  cashSessions,
  ordersByBrand,
  trainingMode,
  invoices,
  receipts,
  amountTotals,
  fiscalPurge,
  parkedCarts,
  legalGuarantee,
]
