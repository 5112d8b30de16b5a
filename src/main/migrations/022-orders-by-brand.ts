import type { Migration } from '../../platform/sqlite/migration'

/**
 * The card brand filter had no index (issue 13): a brand with a rare other filter (a week, a
 * cashier, cash) read every order of the other filter, or every order. With this one a brand's
 * orders are one range, and a brand within dates one range of it; carrying the amount and the
 * status, it also tells them without the order's row. Orders without a card are left out.
 */
export const ordersByBrand: Migration = {
  version: 22,
  name: 'orders-by-brand',
  up(db) {
    db.exec('CREATE INDEX orders_by_brand ON orders (card_brand, created_at, total_ttc, status) WHERE card_brand IS NOT NULL')
  },
}
