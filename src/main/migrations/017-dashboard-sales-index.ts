import type { Migration } from '../../platform/sqlite/migration'

/**
 * The dashboard counts the shop's days (issue 12), which are not the daily tables' UTC days, so
 * it reads the orders of its period. This index holds what it reads of each order (its date,
 * status, cashier, total and refunded amount) in date order, so that a period's sales are one
 * range of the index and never a visit to each order's row (which holds its frozen quote).
 */
export const dashboardSalesIndex: Migration = {
  version: 17,
  name: 'dashboard-sales-index',
  up(db) {
    db.exec('CREATE INDEX orders_by_created_sales ON orders (created_at, status, cashier_id, total_ttc, refunded_amount);')
  },
}
