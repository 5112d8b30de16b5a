/**
 * The search index's document of an order, as SQL over the orders columns (`prefix` is `new.` in
 * a trigger, `''` over the table): the columns `number`, `customer` and `card` of `order_search`.
 *
 * - number: the order number with its sequence without leading zeros (`T01-2026-000123 123`), the
 *   sequence being what follows the last hyphen; an order without a number (never paid) is indexed
 *   by its internal reference `#1234`, which the tokenizer reads as `1234`;
 * - customer: name and email; card: last four and authorization code.
 *
 * For an order numbered `2026-000123` (before migration 009) this is exactly 005's document, so
 * indexes built by either agree. Migration 009's triggers and the bulk catch-up (007's
 * `catchUpDerivedData`) both use it; changing it needs a migration that recreates the triggers.
 */
export function orderSearchDocumentSql(prefix: '' | 'new.'): { number: string; customer: string; card: string } {
  const p = prefix
  return {
    number: `CASE WHEN ${p}number IS NULL THEN '#' || ${p}id
      ELSE ${p}number || ' ' || ltrim(substr(${p}number, length(rtrim(${p}number, replace(${p}number, '-', ''))) + 1), '0') END`,
    customer: `coalesce(${p}customer_name, '') || ' ' || coalesce(${p}customer_email, '')`,
    card: `coalesce(${p}card_last_four, '') || ' ' || coalesce(${p}authorization_code, '')`,
  }
}
