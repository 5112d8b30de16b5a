import { isValidEan13 } from '@shared/catalogue/ean13'
import { err, ok, type AppError, type Cart, type DeliveryChoice, type Err, type Result } from '@shared/contract'
import { MAX_LINE_QUANTITY } from '@shared/domain/limits'
import { DELIVERY_ZONES, SHIPPING_OPTIONS } from '@shared/domain/delivery'
import type { DeliverySelection, LineDiscount, PriceQuote } from '@shared/contract/pricing-schemas'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { crashSafeTransaction } from '../../platform/sqlite/crash-safe-transaction'
import {
  lineDiscountAmount,
  lineDiscountNeedsApproval,
  lineDiscountShare,
  priceCart,
  resolveVatRate,
  shareExceeds,
  thresholdShare,
} from '../pricing'
import type { DiscountShare, PricingLine, Promotion } from '../pricing'
import type { CartRepository, StoredCartLine } from './cart-repository'
import type { CartPricingOptions, PromotionCodes, VatRates } from '../pricing'
import type { ProductCatalogue } from '../catalogue'
import type { StoredPricingSettings } from '../settings'
import { toEngineSettings } from '../settings'

export interface CartServiceDependencies {
  db: SqliteDatabase
  carts: CartRepository
  products: ProductCatalogue
  pricing: CartPricingOptions
  vatRates: VatRates
  promotions: PromotionCodes
  tillId: string
  currency: () => string
  pricingSettings: () => StoredPricingSettings
  now: () => Date
}

/** Who asks for a line discount, and the administrator's approval when one was given. */
export interface DiscountRequester {
  userId: number
  role: 'cashier' | 'admin'
}

export type ApproverCheck = (userId: number, pin: string) => Result<{ userId: number }>

/** Thrown inside a transaction to roll it back and hand the error value out. */
class Rollback {
  constructor(readonly error: AppError) {}
}

/**
 * The till's cart, priced by the engine on every read. The renderer only ever sends product ids,
 * barcodes, quantities and codes; prices come from the catalogue and VAT rates from their history.
 * Every change applies whole, or leaves the cart exactly as it was and answers why.
 */
export class CartService {
  constructor(private readonly deps: CartServiceDependencies) {}

  get(): Cart {
    const priced = this.price(true)
    if (!priced.ok) throw new Error(`A stored cart could not be priced: ${priced.error.code}`)
    return priced.value
  }

  addProduct(productId: number, quantity: number): Result<Cart> {
    const product = this.deps.products.findById(productId)
    if (!product) return err('NOT_FOUND', 'This product does not exist', { productId })
    if (!product.active) return err('PRODUCT_INACTIVE', 'This product is no longer sold', { productId })
    return this.addQuantity(product.id, quantity)
  }

  scanBarcode(barcode: string): Result<Cart> {
    if (!isValidEan13(barcode)) {
      return err('INVALID_BARCODE', 'This barcode is not a valid EAN-13 (misread?): scan it again', { barcode })
    }
    const product = this.deps.products.findByEan(barcode)
    if (!product) return err('UNKNOWN_BARCODE', 'No product has this barcode', { barcode })
    if (!product.active) return err('PRODUCT_INACTIVE', 'This product is no longer sold', { barcode })
    return this.addQuantity(product.id, 1)
  }

  setQuantity(lineId: number, quantity: number): Result<Cart> {
    return this.change(() => {
      this.requireLine(lineId)
      this.deps.carts.setQuantity(this.deps.tillId, lineId, quantity)
    })
  }

  removeLine(lineId: number): Result<Cart> {
    return this.change(() => {
      if (!this.deps.carts.removeLine(this.deps.tillId, lineId)) throw new Rollback(this.lineGone(lineId).error)
    })
  }

  clear(): Cart {
    this.clearAfterSale(this.deps.tillId)
    return this.get()
  }

  /**
   * Empties a till's cart and its options (delivery, promotion) once its sale is paid, in the
   * sale's transaction; on its own (the cashier clears the cart) it is a cart edit, see
   * {@link CartService.change}.
   */
  clearAfterSale(tillId: string): void {
    const { carts, pricing, db } = this.deps
    crashSafeTransaction(db, () => {
      carts.clear(tillId)
      pricing.clearCartOptions(tillId)
    })
  }

  /**
   * Sets a line discount. Above the shop's threshold a cashier needs an administrator's PIN on
   * the spot; the approval is recorded with who, what and when (an administrator's own discount
   * above the threshold is recorded as approved by them). An approval covers that discount at the
   * share of the line it was given for, no more: see {@link CartService.discountOverLimit}.
   */
  setLineDiscount(
    lineId: number,
    discount: LineDiscount | null,
    requester: DiscountRequester,
    approval: { userId: number; pin: string } | undefined,
    checkApprover: ApproverCheck,
  ): Result<Cart> {
    const { carts, pricing, tillId } = this.deps
    const line = carts.lines(tillId).find((candidate) => candidate.lineId === lineId)
    if (!line) return this.lineGone(lineId)
    const lineAmount = line.unitPrice * line.quantity
    const amount = lineDiscountAmount(lineAmount, discount, lineId)
    if (!amount.ok) return amount
    const threshold = this.deps.pricingSettings().discountApprovalThresholdBasisPoints
    let approverId: number | null = null
    if (discount && requester.role === 'admin' && lineDiscountNeedsApproval(lineAmount, discount, threshold)) {
      approverId = requester.userId
    } else if (discount && lineDiscountNeedsApproval(lineAmount, discount, threshold)) {
      if (!approval) {
        return err('APPROVAL_REQUIRED', "A discount this large needs an administrator's PIN", {
          thresholdBasisPoints: threshold,
        })
      }
      // Checked before the transaction: a wrong PIN must stay counted even though nothing changes.
      const approver = checkApprover(approval.userId, approval.pin)
      if (!approver.ok) return approver
      approverId = approver.value.userId
    }
    return this.change(() => {
      if (discount && approverId !== null) {
        const approved = {
          tillId,
          cartLineId: lineId,
          productId: line.productId,
          cashierId: requester.userId,
          approverId,
          discount,
          lineAmount,
          discountAmount: amount.value,
          at: this.deps.now().toISOString(),
        }
        pricing.recordDiscountApproval(approved)
        const { at, approverId: userId, ...details } = approved
        const subject = `cart-line:${lineId}`
        recordAudit(this.deps.db, { action: 'discount.approved', userId, subject, details, at })
      }
      carts.setDiscount(tillId, lineId, discount)
    })
  }

  applyPromotion(code: string): Result<Cart> {
    const { pricing, tillId } = this.deps
    const promotion = this.deps.promotions.findActive(code)
    if (!promotion) return err('PROMOTION_INVALID', 'This promotion code does not exist', { code })
    return this.change(() => pricing.setPromotionCode(tillId, promotion.code), false)
  }

  removePromotion(): Result<Cart> {
    return this.change(() => this.deps.pricing.setPromotionCode(this.deps.tillId, null))
  }

  setDelivery(delivery: DeliverySelection): Result<Cart> {
    return this.change(() => this.deps.pricing.setDelivery(this.deps.tillId, delivery), false)
  }

  /** The engine's lines for the stored cart, with each VAT rate resolved at `at`. */
  pricingLines(lines: StoredCartLine[], at: Date): Result<PricingLine[]> {
    const history = this.deps.vatRates.history()
    const priced: PricingLine[] = []
    for (const line of lines) {
      const rate = resolveVatRate(line.vatCategory, at, history)
      if (!rate.ok) return rate
      priced.push({
        lineId: line.lineId,
        productId: line.productId,
        name: line.name,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        vatRateBasisPoints: rate.value,
        kind: line.kind,
        weightGrams: line.weightGrams,
        discount: line.discount,
      })
    }
    return ok(priced)
  }

  /**
   * Prices the stored cart. With `lenient`, a promotion or delivery choice that no longer applies
   * (expired, basket too small, parcel too heavy) is left out and reported as a notice instead
   * of making the whole cart unpriceable. `current`: the stored lines, when the caller has just
   * read them in the same transaction.
   */
  private price(lenient: boolean, current?: StoredCartLine[]): Result<Cart> {
    const { carts, pricing, tillId } = this.deps
    const at = this.deps.now()
    const stored = current ?? carts.lines(tillId)
    const options = pricing.cartOptions(tillId)
    // A discount beyond the limit that no cart change brought (the catalogue price fell, the
    // threshold was lowered) is left out of the price with a notice, never charged unapproved.
    const overLimit = this.discountOverLimit(stored)
    const applicable = stored.map((line) => (overLimit.has(line.lineId) ? { ...line, discount: null } : line))
    const lines = this.pricingLines(applicable, at)
    if (!lines.ok) return lines
    const promotion: Promotion | null = options.promotionCode ? this.deps.promotions.findActive(options.promotionCode) : null
    const settings = toEngineSettings(this.deps.pricingSettings(), this.deps.currency())
    const attempt = (withPromotion: boolean, delivery: DeliverySelection) =>
      priceCart({ lines: lines.value, promotion: withPromotion ? promotion : null, delivery, pricedAt: at }, settings)

    let notice: AppError | null = null
    let delivery = options.delivery
    let promotionApplied = promotion !== null
    let quote = attempt(promotionApplied, delivery)
    if (!quote.ok && lenient && quote.error.code.startsWith('PROMOTION_')) {
      notice = quote.error
      promotionApplied = false
      quote = attempt(false, delivery)
    }
    if (!quote.ok && lenient && quote.error.code === 'DELIVERY_UNAVAILABLE') {
      notice = quote.error
      delivery = { option: 'pickup' }
      quote = attempt(promotionApplied, delivery)
    }
    if (!quote.ok) return quote
    const [firstOver] = overLimit
    if (firstOver !== undefined) notice = this.discountLimitError(firstOver).error
    // The till's picker shows what each choice would cost this cart, priced here like the cart itself.
    const deliveryChoices: DeliveryChoice[] = DELIVERY_CHOICES.map((choice) => {
      const priced = attempt(promotionApplied, choice)
      return { delivery: choice, quote: priced.ok ? priced.value.delivery : null }
    })
    const cart = this.toCart(applicable, quote.value, promotionApplied ? options.promotionCode : null, delivery, notice)
    return ok({ ...cart, deliveryChoices })
  }

  private toCart(
    stored: StoredCartLine[],
    quote: PriceQuote,
    promotionCode: string | null,
    delivery: DeliverySelection,
    notice: AppError | null,
  ): Cart {
    const lineTotals = new Map(quote.lines.map((line) => [line.lineId, line.lineTotal]))
    const lines = stored.map(({ weightGrams: _weight, ...line }) => ({
      ...line,
      lineTotal: lineTotals.get(line.lineId) ?? 0,
    }))
    return {
      tillId: this.deps.tillId,
      currency: quote.currency,
      lines,
      itemCount: lines.reduce((count, line) => count + line.quantity, 0),
      total: quote.totals.ttc,
      promotionCode,
      delivery,
      quote,
      notice: notice ? { code: String(notice.code), message: notice.message } : null,
    }
  }

  /**
   * Applies `mutation` and prices the result in one transaction; a pricing error rolls the
   * change back. `lenient` lets a stale promotion or delivery choice fall away as a notice;
   * a change of that very choice is priced strictly so its error reaches the cashier.
   *
   * A cart edit survives a crash of the app but is not synced to the disk on its own
   * (`crashSafeTransaction`): a power cut may take back the last edits, which the cashier sees
   * and scans again; the sale's durable commits sync them with it.
   */
  private change(mutation: () => void, lenient = true): Result<Cart> {
    try {
      return ok(
        crashSafeTransaction(this.deps.db, (): Cart => {
          const before = new Map(this.deps.carts.lines(this.deps.tillId).map((line) => [line.lineId, line]))
          mutation()
          // Read once after the change: checked against the limit, then priced.
          const after = this.deps.carts.lines(this.deps.tillId)
          this.refuseDiscountRaisedOverLimit(before, after)
          const priced = this.price(lenient, after)
          if (!priced.ok) throw new Rollback(priced.error)
          return priced.value
        }),
      )
    } catch (error) {
      if (error instanceof Rollback) return { ok: false, error: error.error }
      throw error
    }
  }

  /**
   * The ids of the lines whose discount takes a larger share of the line than the cashier's
   * limit allows: above the threshold, and above what an administrator approved for that very
   * discount. Shares are compared exactly, as fractions of integers.
   */
  private discountOverLimit(lines: readonly StoredCartLine[]): Set<number> {
    const threshold = thresholdShare(this.deps.pricingSettings().discountApprovalThresholdBasisPoints)
    const over = new Set<number>()
    let approvals: ReturnType<CartPricingOptions['approvedDiscounts']> | null = null
    for (const line of lines) {
      const share = this.shareOf(line)
      if (!shareExceeds(share, threshold)) continue
      approvals ??= this.deps.pricing.approvedDiscounts(this.deps.tillId)
      const approved = approvals.get(line.lineId)
      const covers =
        approved !== undefined &&
        sameDiscount(approved.discount, line.discount) &&
        !shareExceeds(share, lineDiscountShare(approved.lineAmount, approved.discount))
      if (!covers) over.add(line.lineId)
    }
    return over
  }

  /**
   * Refuses a change that takes a line's discount over the limit: a new discount, or a share
   * raised by a smaller quantity. A line already over it before the change is left to pricing.
   */
  private refuseDiscountRaisedOverLimit(before: ReadonlyMap<number, StoredCartLine>, after: readonly StoredCartLine[]): void {
    for (const lineId of this.discountOverLimit(after)) {
      const line = after.find((candidate) => candidate.lineId === lineId)!
      const previous = before.get(lineId)
      const raised =
        !previous ||
        !sameDiscount(previous.discount, line.discount) ||
        shareExceeds(this.shareOf(line), this.shareOf(previous))
      if (raised) throw new Rollback(this.discountLimitError(lineId).error)
    }
  }

  private shareOf(line: StoredCartLine): DiscountShare {
    return lineDiscountShare(line.unitPrice * line.quantity, line.discount)
  }

  private discountLimitError(lineId: number): Err {
    return err(
      'DISCOUNT_LIMIT_EXCEEDED',
      "This takes the line's discount beyond the cashier's limit: set the discount again (an administrator approves it) or lower it first",
      { lineId, thresholdBasisPoints: this.deps.pricingSettings().discountApprovalThresholdBasisPoints },
    )
  }

  private addQuantity(productId: number, quantity: number): Result<Cart> {
    const { carts, tillId } = this.deps
    return this.change(() => {
      const existing = carts.lineOfProduct(tillId, productId)
      const newQuantity = (existing?.quantity ?? 0) + quantity
      if (newQuantity > MAX_LINE_QUANTITY) {
        throw new Rollback({
          code: 'QUANTITY_OUT_OF_RANGE',
          message: `A line holds at most ${MAX_LINE_QUANTITY} items`,
          details: { productId, quantity: newQuantity },
        })
      }
      if (existing) carts.setQuantity(tillId, existing.id, newQuantity)
      else carts.insertLine(tillId, productId, quantity, this.deps.now().toISOString())
    })
  }

  private requireLine(lineId: number): void {
    if (!this.deps.carts.lineById(this.deps.tillId, lineId)) throw new Rollback(this.lineGone(lineId).error)
  }

  private lineGone(lineId: number): Err {
    return err('LINE_NOT_FOUND', 'This line is no longer in the cart', { lineId })
  }
}

/** Store pickup, then standard and express delivery to each zone: the till's picker, in order. */
const DELIVERY_CHOICES: readonly DeliverySelection[] = [
  { option: 'pickup' },
  ...SHIPPING_OPTIONS.flatMap((option) => DELIVERY_ZONES.map((zone): DeliverySelection => ({ option, zone }))),
]

function sameDiscount(a: LineDiscount | null, b: LineDiscount | null): boolean {
  if (a === null || b === null) return a === b
  if (a.type === 'percent') return b.type === 'percent' && a.basisPoints === b.basisPoints
  return b.type === 'amount' && a.amount === b.amount
}
