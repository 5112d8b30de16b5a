import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { Logger } from '../../platform/logging/logger'
import type { DownloadTickets } from '../rpc/download-tickets'
import type { PaymentService } from '../payments'
import type { CustomerDirectory } from '../customers'
import type { OrderRepository } from './order-repository'
import type { ShopIdentity } from '../settings'
import type { SaleRecords } from '../fiscal'
import { DashboardService } from './dashboard-service'
import { ExportService } from './export-service'
import { OrderActions, type OrderActionDependencies } from './order-actions'
import { OrderHistoryService } from './order-history-service'

export interface BackOfficeDependencies {
  db: SqliteDatabase
  orders: OrderRepository
  customers: CustomerDirectory
  payments: PaymentService
  shop: () => ShopIdentity
  currency: () => string
  /** The shop's IANA time zone: its days in the filters, the dashboard and the exports (UTC when not given). */
  timeZone?: () => string
  dataDir: string
  /** The fiscal journal's records of voids and refunds. */
  fiscal?: SaleRecords
  /** The till's cash session, which a cash refund pays out of. */
  cashDrawer?: OrderActionDependencies['cashDrawer']
  logger: Logger
  now: () => Date
  /** Hands out the single-use addresses the shells stream the exports from. */
  downloads: DownloadTickets
}

export interface BackOffice {
  history: OrderHistoryService
  actions: OrderActions
  exports: ExportService
  dashboard: DashboardService
}

/** The back-office services over the merchant database, wired once by the composition root. */
export function createBackOffice(deps: BackOfficeDependencies): BackOffice {
  const timeZone = deps.timeZone ?? (() => 'UTC')
  const history = new OrderHistoryService(deps.db, deps.currency, timeZone)
  return {
    history,
    actions: new OrderActions(deps),
    exports: new ExportService(history, deps.currency, deps.db, deps.now),
    dashboard: new DashboardService(deps.db, deps.currency, timeZone),
  }
}
