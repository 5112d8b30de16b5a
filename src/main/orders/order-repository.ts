import type { NewEntitlement } from '../fulfilment'
import type { Locale } from '@shared/contract'
import type { ShippingAddress } from '@shared/checkout/address-rules'
import type { PriceQuote } from '@shared/contract/pricing-schemas'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { writeOrderRefundVat } from '../migrations/008-refunds-by-rate'
import { formatOrderNumber, tillSeries, trainingSeries } from './order-number'
import type { OrderStatus } from './order-status'
import type {
  CardPaymentRecord,
  Entitlement,
  Order,
  OrderDeliveryOption,
  OrderEvent,
  OrderShipment,
  PaymentMethod,
} from './order-record'

interface OrderRow {
  id: number
  number: string | null
  till_id: string
  cashier_id: number
  cashier_name: string
  customer_id: number | null
  customer_name: string | null
  customer_email: string | null
  status: OrderStatus
  payment_method: PaymentMethod | null
  card_brand: string | null
  card_last_four: string | null
  card_masked: string | null
  authorization_code: string | null
  last_decline_code: string | null
  payment_attempt_id: number | null
  idempotency_key: string
  currency: string
  total_ht: number
  total_vat: number
  total_ttc: number
  delivery_fee: number
  captured_amount: number
  refunded_amount: number
  cash_tendered: number | null
  change_due: number | null
  has_physical: number
  delivery_option: OrderDeliveryOption
  delivery_address: string | null
  promotion_code: string | null
  locale: Locale
  /** Empty for an order written since migration 014: its quote is in `order_documents`. */
  quote_json: string
  approval_html: string | null
  created_at: string
  training: number
}

/** The frozen documents of an order written since migration 014 (`order_documents`). */
interface OrderDocumentsRow {
  quote_json: string
  approval_html: string | null
}

export interface NewOrder {
  tillId: string
  cashierId: number
  customer: { id: number; name: string; email: string | null } | null
  idempotencyKey: string
  quote: PriceQuote
  deliveryOption: OrderDeliveryOption
  deliveryAddress: ShippingAddress | null
  promotionCode: string | null
  locale: Locale
  at: string
  /** A sale made in training mode (MODE ÉCOLE): kept out of every total, numbered in its own series. */
  training?: boolean
}

interface OrderEventRow {
  from_status: OrderStatus | null
  to_status: OrderStatus
  user_name: string | null
  note: string | null
  at: string
}

interface EntitlementRow {
  id: number
  order_id: number
  product_id: number
  kind: 'download' | 'licence_key' | 'gift_card' | 'subscription'
  code: string | null
  download_token: string | null
  file_name: string | null
  name_fr: string
  name_en: string
}

/**
 * The order as its row says, its frozen documents read only when asked for (most reads of an
 * order need neither its quote nor its approval): from `order_documents`, or from the row for an
 * order written before it.
 */
function toOrder(row: OrderRow, documentsOf: (orderId: number) => OrderDocumentsRow | undefined): Order {
  let quote: PriceQuote | undefined
  let documents: OrderDocumentsRow | null | undefined
  const frozen = (): OrderDocumentsRow | null => (documents === undefined ? (documents = documentsOf(row.id) ?? null) : documents)
  return {
    id: row.id,
    number: row.number,
    tillId: row.till_id,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    status: row.status,
    paymentMethod: row.payment_method,
    cardBrand: row.card_brand,
    cardLastFour: row.card_last_four,
    cardMasked: row.card_masked,
    authorizationCode: row.authorization_code,
    lastDeclineCode: row.last_decline_code,
    paymentAttemptId: row.payment_attempt_id,
    idempotencyKey: row.idempotency_key,
    currency: row.currency,
    totalHt: row.total_ht,
    totalVat: row.total_vat,
    totalTtc: row.total_ttc,
    deliveryFee: row.delivery_fee,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    cashTendered: row.cash_tendered,
    changeDue: row.change_due,
    hasPhysical: row.has_physical === 1,
    deliveryOption: row.delivery_option,
    deliveryAddress: row.delivery_address ? (JSON.parse(row.delivery_address) as ShippingAddress) : null,
    promotionCode: row.promotion_code,
    locale: row.locale,
    get quote() {
      return (quote ??= JSON.parse(frozen()?.quote_json ?? row.quote_json) as PriceQuote)
    },
    get approvalHtml() {
      return frozen()?.approval_html ?? row.approval_html
    },
    createdAt: row.created_at,
    training: row.training === 1,
  }
}

function toEntitlement(row: EntitlementRow): Entitlement {
  return {
    id: row.id,
    orderId: row.order_id,
    productId: row.product_id,
    kind: row.kind,
    code: row.code,
    downloadToken: row.download_token,
    fileName: row.file_name,
    productName: { fr: row.name_fr, en: row.name_en },
  }
}

const ORDER_SELECT = `SELECT o.*, u.display_name AS cashier_name FROM orders o JOIN users u ON u.id = o.cashier_id`

/** Orders and everything recorded with them. Multi-row writes run in the caller's transaction. */
export class OrderRepository {
  private readonly statements

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      byId: db.prepare<[number], OrderRow>(`${ORDER_SELECT} WHERE o.id = ?`),
      underLegalGuarantee: db.prepare<[number], { found: number }>(
        `SELECT EXISTS (SELECT 1 FROM order_lines l JOIN products p ON p.id = l.product_id
           JOIN categories c ON c.id = p.category_id WHERE l.order_id = ? AND c.legal_guarantee = 1) AS found`,
      ),
      documents: db.prepare<[number], OrderDocumentsRow>('SELECT quote_json, approval_html FROM order_documents WHERE order_id = ?'),
      openForTill: db.prepare<[string], OrderRow>(
        `${ORDER_SELECT} WHERE o.till_id = ? AND o.status IN ('pending_payment', 'declined') ORDER BY o.id DESC`,
      ),
      nextSequence: db.prepare<[string, number], { last_number: number }>(
        `INSERT INTO order_number_sequences (series, year, last_number) VALUES (?, ?, 1)
         ON CONFLICT (series, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
      ),
      numberOf: db.prepare<[number], { number: string | null; till_id: string; training: number }>('SELECT number, till_id, training FROM orders WHERE id = ?'),
      setNumber: db.prepare<[string, number]>('UPDATE orders SET number = ? WHERE id = ? AND number IS NULL'),
      insert: db.prepare(
        `INSERT INTO orders (till_id, cashier_id, customer_id, customer_name, customer_email, status,
           idempotency_key, currency, total_ht, total_vat, total_ttc, delivery_fee, discount_total,
           has_physical, delivery_option, delivery_address, promotion_code, locale, quote_json, created_at, updated_at, training)
         VALUES (@tillId, @cashierId, @customerId, @customerName, @customerEmail, 'pending_payment',
           @idempotencyKey, @currency, @totalHt, @totalVat, @totalTtc, @deliveryFee, @discountTotal,
           @hasPhysical, @deliveryOption, @deliveryAddress, @promotionCode, @locale, '', @at, @at, @training)`,
      ),
      insertDocuments: db.prepare<[number, string]>('INSERT INTO order_documents (order_id, quote_json) VALUES (?, ?)'),
      insertLine: db.prepare(
        `INSERT INTO order_lines (order_id, position, product_id, sku, name_fr, name_en, kind, quantity,
           vat_rate_basis_points, unit_price_ht, unit_price_ttc, line_total)
         SELECT @orderId, @position, p.id, p.sku, p.name_fr, p.name_en, p.kind, @quantity, @rate,
           @unitPriceHt, @unitPriceTtc, @lineTotal FROM products p WHERE p.id = @productId`,
      ),
      insertVat: db.prepare(
        `INSERT INTO order_vat (order_id, rate_basis_points, goods, shipping, ht, vat, ttc)
         VALUES (@orderId, @rate, @goods, @shipping, @ht, @vat, @ttc)`,
      ),
      setStatus: db.prepare<[OrderStatus, string, number]>('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?'),
      insertEvent: db.prepare<[number, OrderStatus | null, OrderStatus, number | null, string | null, string]>(
        'INSERT INTO order_events (order_id, from_status, to_status, user_id, note, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      events: db.prepare<[number], OrderEventRow>(
        `SELECT e.from_status, e.to_status, u.display_name AS user_name, e.note, e.at
           FROM order_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.order_id = ? ORDER BY e.id`,
      ),
      setCardPayment: db.prepare(
        `UPDATE orders SET payment_method = @method, card_brand = @brand, card_last_four = @lastFour,
           card_masked = @masked, authorization_code = @authorizationCode, payment_attempt_id = @attemptId,
           paid_at = @at, updated_at = @at WHERE id = @orderId`,
      ),
      setDecline: db.prepare<[string, string, string | null, string | null, string, number]>(
        `UPDATE orders SET last_decline_code = ?, card_brand = ?, card_last_four = ?, card_masked = ?,
           updated_at = ? WHERE id = ?`,
      ),
      setCash: db.prepare<[number, number, string, string, number]>(
        `UPDATE orders SET payment_method = 'cash', cash_tendered = ?, change_due = ?, paid_at = ?,
           updated_at = ? WHERE id = ?`,
      ),
      addCaptured: db.prepare<[number, number]>('UPDATE orders SET captured_amount = captured_amount + ? WHERE id = ?'),
      addRefunded: db.prepare<[number, number]>('UPDATE orders SET refunded_amount = refunded_amount + ? WHERE id = ?'),
      // An order older than order_documents gets its row there now, its quote copied along.
      setApproval: db.prepare<{ orderId: number; html: string }>(
        `INSERT INTO order_documents (order_id, quote_json, approval_html)
         SELECT id, quote_json, @html FROM orders WHERE id = @orderId AND approval_html IS NULL
         ON CONFLICT (order_id) DO UPDATE SET approval_html = excluded.approval_html
          WHERE order_documents.approval_html IS NULL`,
      ),
      insertEntitlement: db.prepare(
        `INSERT INTO entitlements (order_id, product_id, kind, code, download_token, file_name, created_at)
         VALUES (@orderId, @productId, @kind, @code, @downloadToken, @fileName, @at)`,
      ),
      entitlements: db.prepare<[number], EntitlementRow>(
        `SELECT e.*, p.name_fr, p.name_en FROM entitlements e JOIN products p ON p.id = e.product_id
          WHERE e.order_id = ? ORDER BY e.id`,
      ),
      entitlementByToken: db.prepare<[string], EntitlementRow>(
        `SELECT e.*, p.name_fr, p.name_en FROM entitlements e JOIN products p ON p.id = e.product_id
          WHERE e.download_token = ?`,
      ),
      digitalLines: db.prepare<[number], { product_id: number; quantity: number }>(
        "SELECT product_id, quantity FROM order_lines WHERE order_id = ? AND kind = 'digital' ORDER BY position",
      ),
      shipment: db.prepare<[number], { carrier: string; tracking_number: string; shipped_at: string }>(
        'SELECT carrier, tracking_number, shipped_at FROM shipments WHERE order_id = ?',
      ),
    }
  }

  private readonly documentsOf = (orderId: number): OrderDocumentsRow | undefined => this.statements.documents.get(orderId)

  findById(id: number): Order | null {
    const row = this.statements.byId.get(id)
    return row ? toOrder(row, this.documentsOf) : null
  }

  /** The order holds goods under the legal guarantee of conformity (AGEC exception: the ticket is printed without asking). */
  underLegalGuarantee(orderId: number): boolean {
    return this.statements.underLegalGuarantee.get(orderId)!.found === 1
  }

  /** Orders of this till still waiting to be paid: at most one is live at a time. */
  openOrdersOfTill(tillId: string): Order[] {
    return this.statements.openForTill.all(tillId).map((row) => toOrder(row, this.documentsOf))
  }

  /**
   * Creates the order with its frozen lines and VAT buckets, without a number (see
   * `assignNumber`); call inside a transaction.
   */
  create(order: NewOrder): number {
    const { quote } = order
    const orderId = Number(
      this.statements.insert.run({
        tillId: order.tillId,
        cashierId: order.cashierId,
        customerId: order.customer?.id ?? null,
        customerName: order.customer?.name ?? null,
        customerEmail: order.customer?.email ?? null,
        idempotencyKey: order.idempotencyKey,
        currency: quote.currency,
        totalHt: quote.totals.ht,
        totalVat: quote.totals.vat,
        totalTtc: quote.totals.ttc,
        deliveryFee: quote.totals.delivery,
        discountTotal: quote.totals.discounts,
        hasPhysical: quote.lines.some((line) => line.kind === 'physical') ? 1 : 0,
        deliveryOption: order.deliveryOption,
        deliveryAddress: order.deliveryAddress ? JSON.stringify(order.deliveryAddress) : null,
        promotionCode: order.promotionCode,
        locale: order.locale,
        at: order.at,
        training: order.training ? 1 : 0,
      }).lastInsertRowid,
    )
    // Frozen once, kept out of the orders row that every change of state rewrites.
    this.statements.insertDocuments.run(orderId, JSON.stringify(quote))
    quote.lines.forEach((line, position) => {
      this.statements.insertLine.run({
        orderId,
        position,
        productId: line.productId,
        quantity: line.quantity,
        rate: line.vatRateBasisPoints,
        unitPriceHt: line.unitPriceHt,
        unitPriceTtc: line.unitPriceTtc,
        lineTotal: line.lineTotal,
      })
    })
    for (const rate of quote.rates) {
      this.statements.insertVat.run({ orderId, rate: rate.rateBasisPoints, ...rate })
    }
    this.statements.insertEvent.run(orderId, null, 'pending_payment', order.cashierId, null, order.at)
    return orderId
  }

  /**
   * Gives the order the next number of its till's series for the year of `at`, unless it has one
   * (orders numbered before numbers were given at payment keep theirs). Call it in the
   * transaction that records the payment: if that rolls back, the number is not taken, so the
   * numbers of paid sales follow each other without gaps.
   */
  assignNumber(orderId: number, at: string): string {
    const order = this.statements.numberOf.get(orderId)
    if (!order) throw new Error(`No order ${orderId} to number`)
    if (order.number !== null) return order.number
    // Training sales have their own series, so the real sales' numbers keep following each other.
    const series = order.training === 1 ? trainingSeries(order.till_id) : tillSeries(order.till_id)
    const year = Number(at.slice(0, 4))
    const number = formatOrderNumber(series, year, this.statements.nextSequence.get(series, year)!.last_number)
    this.statements.setNumber.run(number, orderId)
    return number
  }

  /** Moves the order and records who did it; the service has checked the transition. */
  transition(orderId: number, from: OrderStatus, to: OrderStatus, userId: number | null, at: string, note: string | null = null): void {
    this.statements.setStatus.run(to, at, orderId)
    this.statements.insertEvent.run(orderId, from, to, userId, note, at)
  }

  events(orderId: number): OrderEvent[] {
    return this.statements.events.all(orderId).map((row) => ({
      fromStatus: row.from_status,
      toStatus: row.to_status,
      userName: row.user_name,
      note: row.note,
      at: row.at,
    }))
  }

  recordCardPayment(orderId: number, payment: CardPaymentRecord, at: string): void {
    this.statements.setCardPayment.run({ orderId, ...payment, at })
  }

  recordDecline(orderId: number, code: string, brand: string, lastFour: string | null, masked: string | null, at: string): void {
    this.statements.setDecline.run(code, brand, lastFour, masked, at, orderId)
  }

  recordCashPayment(orderId: number, tendered: number, changeDue: number, at: string): void {
    this.statements.setCash.run(tendered, changeDue, at, at, orderId)
  }

  addCaptured(orderId: number, amount: number): void {
    this.statements.addCaptured.run(amount, orderId)
  }

  /** Adds a refund and writes the order's refunds per VAT rate with it; call inside a transaction. */
  addRefunded(orderId: number, amount: number): void {
    this.statements.addRefunded.run(amount, orderId)
    writeOrderRefundVat(this.db, orderId)
  }

  /** Stores the approval document once; it is never regenerated. */
  storeApproval(orderId: number, html: string): void {
    this.statements.setApproval.run({ orderId, html })
  }

  addEntitlement(entitlement: NewEntitlement, at: string): void {
    this.statements.insertEntitlement.run({ ...entitlement, at })
  }

  entitlements(orderId: number): Entitlement[] {
    return this.statements.entitlements.all(orderId).map(toEntitlement)
  }

  entitlementByToken(token: string): Entitlement | null {
    const row = this.statements.entitlementByToken.get(token)
    return row ? toEntitlement(row) : null
  }

  /** The order's digital lines, in cart order: what fulfilment issues entitlements for. */
  digitalLines(orderId: number): Array<{ productId: number; quantity: number }> {
    return this.statements.digitalLines.all(orderId).map((line) => ({ productId: line.product_id, quantity: line.quantity }))
  }

  shipment(orderId: number): OrderShipment | null {
    const row = this.statements.shipment.get(orderId)
    return row ? { carrier: row.carrier, trackingNumber: row.tracking_number, shippedAt: row.shipped_at } : null
  }
}
