/**
 * How an order is named to people: its number once the sale is paid (`T01-2026-000123`), and
 * before that (or for ever, if it never is) its internal reference `#1234`, which the
 * back-office search also finds.
 */
export function orderReference(order: { id: number; number: string | null }): string {
  return order.number ?? `#${order.id}`
}
