import type { SqliteDatabase } from '../../platform/sqlite/open-database'

/** What an order export adds to a list row: totals HT and TVA, HT and TVA per rate, refunded. */
export interface OrderExportFigures {
  totalHt: number
  totalVat: number
  refundedTtc: number
  /** HT and TVA by rate (basis points). */
  byRate: Map<number, { ht: number; vat: number }>
}

/** Reads the export's money columns for a batch of orders, two queries a batch. */
export class ExportFiguresRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      totals: db.prepare<{ ids: string }, { id: number; totalHt: number; totalVat: number; refundedTtc: number }>(
        `SELECT id, total_ht AS totalHt, total_vat AS totalVat, refunded_amount AS refundedTtc
           FROM orders WHERE id IN (SELECT value FROM json_each(@ids))`,
      ),
      vat: db.prepare<{ ids: string }, { orderId: number; rate: number; ht: number; vat: number }>(
        `SELECT order_id AS orderId, rate_basis_points AS rate, ht, vat FROM order_vat
          WHERE order_id IN (SELECT value FROM json_each(@ids))`,
      ),
      rates: db.prepare<[], number>('SELECT DISTINCT rate_basis_points FROM vat_rates ORDER BY rate_basis_points DESC').pluck(),
    }
  }

  /** Every VAT rate the shop has had, highest first: the export's stable set of rate columns. */
  rates(): number[] {
    return this.statements.rates.all()
  }

  figures(orderIds: readonly number[]): Map<number, OrderExportFigures> {
    const ids = JSON.stringify(orderIds)
    const figures = new Map<number, OrderExportFigures>()
    for (const row of this.statements.totals.all({ ids })) {
      figures.set(row.id, { totalHt: row.totalHt, totalVat: row.totalVat, refundedTtc: row.refundedTtc, byRate: new Map() })
    }
    for (const row of this.statements.vat.all({ ids })) figures.get(row.orderId)?.byRate.set(row.rate, { ht: row.ht, vat: row.vat })
    return figures
  }
}
