import type { VatByRate } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { salesFigures, type SalesFigures } from './sold-orders'

/** Day bounds as the daily tables store them: `from` inclusive, `to` exclusive, `YYYY-MM-DD`. */
export interface DayRange {
  from: string
  to: string
}

/** The sales of one day: how many orders, for how much. */
export interface DayTotal {
  day: string
  orders: number
  totalTtc: number
}

/** What a product sold in a range: quantity and money, with its names for the screen. */
export interface ProductTotal {
  productId: number
  sku: string
  nameFr: string
  nameEn: string
  quantity: number
  totalTtc: number
}

/** How many payment attempts ended one way, with one response code (null for none). */
export interface AttemptTotal {
  outcome: string
  responseCode: string | null
  count: number
}

const ALL_DAYS: DayRange = { from: '0000-00-00', to: '9999-99-99' }

/**
 * Reads the per-day tables migrations 005 (orders, VAT, products per status), 007 (payment
 * attempts per outcome and response code) and 008 (refunds per rate) keep up to date with triggers. A month is a few
 * hundred rows here, whatever the number of orders.
 */
export class DailyTotalsRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    const statusList = (name: string) => `(SELECT value FROM json_each(@${name}))`
    this.statements = {
      totals: db.prepare<{ from: string; to: string; statuses: string }, { count: number; totalTtc: number }>(
        `SELECT coalesce(sum(orders), 0) AS count, coalesce(sum(total_ttc), 0) AS totalTtc FROM daily_order_totals
          WHERE day >= @from AND day < @to AND status IN ${statusList('statuses')}`,
      ),
      refundVat: db.prepare<{ from: string; to: string; statuses: string }, VatByRate>(
        `SELECT rate_basis_points AS rateBasisPoints, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc
           FROM daily_refund_totals WHERE day >= @from AND day < @to AND status IN ${statusList('statuses')}
          GROUP BY rate_basis_points HAVING sum(ttc) <> 0 OR sum(vat) <> 0 ORDER BY rate_basis_points DESC`,
      ),
      vat: db.prepare<{ from: string; to: string; statuses: string }, VatByRate>(
        `SELECT rate_basis_points AS rateBasisPoints, sum(ht) AS ht, sum(vat) AS vat, sum(ttc) AS ttc
           FROM daily_vat_totals WHERE day >= @from AND day < @to AND status IN ${statusList('statuses')}
          GROUP BY rate_basis_points HAVING sum(ttc) <> 0 OR sum(vat) <> 0 ORDER BY rate_basis_points DESC`,
      ),
      perDay: db.prepare<{ from: string; to: string; statuses: string }, DayTotal>(
        `SELECT day, sum(orders) AS orders, sum(total_ttc) AS totalTtc FROM daily_order_totals
          WHERE day >= @from AND day < @to AND status IN ${statusList('statuses')}
          GROUP BY day HAVING sum(orders) > 0 ORDER BY day`,
      ),
      topProducts: db.prepare<{ from: string; to: string; statuses: string; limit: number }, ProductTotal>(
        `SELECT t.product_id AS productId, p.sku, p.name_fr AS nameFr, p.name_en AS nameEn, t.quantity, t.totalTtc
           FROM (SELECT product_id, sum(quantity) AS quantity, sum(line_total) AS totalTtc FROM daily_product_totals
                  WHERE day >= @from AND day < @to AND status IN ${statusList('statuses')} GROUP BY product_id) t
           JOIN products p ON p.id = t.product_id
          WHERE t.quantity > 0 ORDER BY t.totalTtc DESC, t.product_id LIMIT @limit`,
      ),
      attempts: db.prepare<{ from: string; to: string }, AttemptTotal>(
        `SELECT outcome, nullif(response_code, '') AS responseCode, sum(attempts) AS count FROM daily_attempt_totals
          WHERE day >= @from AND day < @to GROUP BY outcome, response_code HAVING sum(attempts) > 0`,
      ),
    }
  }

  totals(range: DayRange | null, statuses: readonly string[]): { count: number; totalTtc: number } {
    return this.statements.totals.get({ ...(range ?? ALL_DAYS), statuses: JSON.stringify(statuses) })!
  }

  vatByRate(range: DayRange | null, statuses: readonly string[]): VatByRate[] {
    return this.statements.vat.all({ ...(range ?? ALL_DAYS), statuses: JSON.stringify(statuses) })
  }

  /** The money of the orders of these (sold) statuses in the range: sales, refunds, net. */
  salesFigures(range: DayRange | null, soldStatuses: readonly string[]): SalesFigures {
    const params = { ...(range ?? ALL_DAYS), statuses: JSON.stringify(soldStatuses) }
    const { count, totalTtc } = this.statements.totals.get(params)!
    return salesFigures({ soldCount: count, totalTtc }, this.statements.vat.all(params), this.statements.refundVat.all(params))
  }

  perDay(range: DayRange, statuses: readonly string[]): DayTotal[] {
    return this.statements.perDay.all({ ...range, statuses: JSON.stringify(statuses) })
  }

  topProducts(range: DayRange, statuses: readonly string[], limit: number): ProductTotal[] {
    return this.statements.topProducts.all({ ...range, statuses: JSON.stringify(statuses), limit })
  }

  /** Attempts started in the range (UTC days), by outcome and response code (null for none). */
  attempts(range: DayRange): AttemptTotal[] {
    return this.statements.attempts.all(range)
  }
}
