/** The invoices feature's face: invoices for business customers (issue 14). */
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { InvoiceRepository } from './invoice-repository'
import { InvoiceService, type InvoiceServiceDependencies } from './invoice-service'

export { invoiceHandlers } from './invoice-handlers'
export { InvoiceService, invoiceNumber } from './invoice-service'

/** The service over its own repository. */
export function createInvoiceService(db: SqliteDatabase, deps: Omit<InvoiceServiceDependencies, 'db' | 'invoices'>): InvoiceService {
  return new InvoiceService({ db, invoices: new InvoiceRepository(db), ...deps })
}
