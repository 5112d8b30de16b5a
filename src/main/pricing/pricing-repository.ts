import type { VatCategory } from '@shared/domain/catalogue'
import type { DeliveryOption, DeliveryZone } from '@shared/domain/delivery'
import type { DeliverySelection, LineDiscount } from '@shared/contract/pricing-schemas'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { VatRateEntry } from './vat-rate-resolver'

interface VatRateRow {
  category: VatCategory
  rate_basis_points: number
  effective_from: string
}

interface CartOptionsRow {
  promotion_code: string | null
  delivery_option: DeliveryOption
  delivery_zone: DeliveryZone | null
}

export interface CartOptions {
  promotionCode: string | null
  delivery: DeliverySelection
}

export interface DiscountApproval {
  tillId: string
  cartLineId: number
  productId: number
  cashierId: number
  approverId: number
  discount: LineDiscount
  lineAmount: number
  discountAmount: number
  at: string
}

/** What an administrator approved on a cart line: that discount, at that share of the line. */
export interface ApprovedDiscount {
  discount: LineDiscount
  lineAmount: number
}

interface ApprovalRow {
  cart_line_id: number
  discount_type: 'percent' | 'amount'
  discount_value: number
  line_amount: number
}

function toDelivery(row: CartOptionsRow | undefined): DeliverySelection {
  if (!row || row.delivery_option === 'pickup' || !row.delivery_zone) return { option: 'pickup' }
  return { option: row.delivery_option, zone: row.delivery_zone }
}

/** VAT rate history, each till's cart options and discount approvals. */
export class PricingRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      vatRates: db.prepare<[], VatRateRow>(
        'SELECT category, rate_basis_points, effective_from FROM vat_rates ORDER BY effective_from, id',
      ),
      insertVatRate: db.prepare<[VatCategory, number, string, string]>(
        'INSERT INTO vat_rates (category, rate_basis_points, effective_from, created_at) VALUES (?, ?, ?, ?)',
      ),
      cartOptions: db.prepare<[string], CartOptionsRow>(
        'SELECT promotion_code, delivery_option, delivery_zone FROM cart_options WHERE till_id = ?',
      ),
      setPromotion: db.prepare<[string, string | null]>(
        `INSERT INTO cart_options (till_id, promotion_code) VALUES (?, ?)
         ON CONFLICT (till_id) DO UPDATE SET promotion_code = excluded.promotion_code`,
      ),
      setDelivery: db.prepare<[string, string, string | null]>(
        `INSERT INTO cart_options (till_id, delivery_option, delivery_zone) VALUES (?, ?, ?)
         ON CONFLICT (till_id) DO UPDATE SET delivery_option = excluded.delivery_option,
           delivery_zone = excluded.delivery_zone`,
      ),
      clearOptions: db.prepare<[string]>('DELETE FROM cart_options WHERE till_id = ?'),
      moveOptions: db.prepare<[string, string]>('UPDATE cart_options SET till_id = ? WHERE till_id = ?'),
      insertApproval: db.prepare(
        `INSERT INTO discount_approvals (till_id, cart_line_id, product_id, cashier_id, approver_id,
           discount_type, discount_value, line_amount, discount_amount, at)
         VALUES (@tillId, @cartLineId, @productId, @cashierId, @approverId, @discountType,
           @discountValue, @lineAmount, @discountAmount, @at)`,
      ),
      // Only approvals given since the line was added, for its product: a line id a cleared cart
      // frees may come back for another sale and must not inherit an old approval.
      approvals: db.prepare<[string], ApprovalRow>(
        `SELECT a.cart_line_id, a.discount_type, a.discount_value, a.line_amount
           FROM discount_approvals a
           JOIN cart_lines l ON l.till_id = a.till_id AND l.id = a.cart_line_id AND l.product_id = a.product_id
          WHERE a.till_id = ? AND a.at >= l.added_at
          ORDER BY a.id`,
      ),
    }
  }

  vatRateHistory(): VatRateEntry[] {
    return this.statements.vatRates.all().map((row) => ({
      category: row.category,
      rateBasisPoints: row.rate_basis_points,
      effectiveFrom: row.effective_from,
    }))
  }

  addVatRate(entry: VatRateEntry, at: string): void {
    this.statements.insertVatRate.run(entry.category, entry.rateBasisPoints, entry.effectiveFrom, at)
  }

  cartOptions(tillId: string): CartOptions {
    const row = this.statements.cartOptions.get(tillId)
    return { promotionCode: row?.promotion_code ?? null, delivery: toDelivery(row) }
  }

  setPromotionCode(tillId: string, code: string | null): void {
    this.statements.setPromotion.run(tillId, code)
  }

  setDelivery(tillId: string, delivery: DeliverySelection): void {
    this.statements.setDelivery.run(tillId, delivery.option, delivery.option === 'pickup' ? null : delivery.zone)
  }

  clearCartOptions(tillId: string): void {
    this.statements.clearOptions.run(tillId)
  }

  /** Gives one cart's options to another key (a cart parked or taken back); the target's own are dropped. */
  moveCartOptions(fromKey: string, toKey: string): void {
    this.statements.clearOptions.run(toKey)
    this.statements.moveOptions.run(toKey, fromKey)
  }

  /** The latest approval of each line now in the till's cart. */
  approvedDiscounts(tillId: string): Map<number, ApprovedDiscount> {
    const approved = new Map<number, ApprovedDiscount>()
    for (const row of this.statements.approvals.all(tillId)) {
      approved.set(row.cart_line_id, {
        discount:
          row.discount_type === 'percent'
            ? { type: 'percent', basisPoints: row.discount_value }
            : { type: 'amount', amount: row.discount_value },
        lineAmount: row.line_amount,
      })
    }
    return approved
  }

  recordDiscountApproval(approval: DiscountApproval): void {
    this.statements.insertApproval.run({
      tillId: approval.tillId,
      cartLineId: approval.cartLineId,
      productId: approval.productId,
      cashierId: approval.cashierId,
      approverId: approval.approverId,
      discountType: approval.discount.type,
      discountValue: approval.discount.type === 'percent' ? approval.discount.basisPoints : approval.discount.amount,
      lineAmount: approval.lineAmount,
      discountAmount: approval.discountAmount,
      at: approval.at,
    })
  }
}
