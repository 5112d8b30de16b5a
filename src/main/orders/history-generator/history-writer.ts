import type { CardEntryMode } from '@shared/domain/payment'
import type { SqliteDatabase } from '../../../platform/sqlite/open-database'
import { writeOrderRefundVat } from '../../migrations/008-refunds-by-rate'
import type { PooledBasket } from './basket-pool'

export interface GeneratedAttempt {
  orderId: number
  terminalId: string
  entryMode: CardEntryMode
  brand: string
  bin: string
  lastFour: string
  panLength: number
  amount: number
  currency: string
  outcome: 'approved' | 'declined'
  responseCode: string
  responseMeaning: string
  authorizationCode: string | null
  latencyMs: number
  startedAt: string
  reversalStatus: 'none' | 'acknowledged'
  capturedAmount: number
  refundedAmount: number
  capturedAt: string | null
  reversedAt: string | null
}

export interface GeneratedOrder {
  /** Taken from `nextOrderId`, so that attempts can name their order before it is written. */
  id: number
  /** Only a sale paid or authorized has one, from its till's series for the year it was paid. */
  number: string | null
  tillId: string
  cashierId: number
  customer: { id: number; name: string; email: string } | null
  status: string
  paymentMethod: string | null
  card: { brand: string; bin: string; lastFour: string } | null
  authorizationCode: string | null
  lastDeclineCode: string | null
  paymentAttemptId: number | null
  currency: string
  basket: PooledBasket
  capturedAmount: number
  refundedAmount: number
  cashTendered: number | null
  deliveryAddress: object | null
  createdAt: string
  updatedAt: string
  paidAt: string | null
}

export type HistoryWriter = ReturnType<typeof createHistoryWriter>

/** The generator's bulk inserts: positional prepared statements, run in the caller's transaction. */
export function createHistoryWriter(db: SqliteDatabase) {
  const statements = {
    users: db.prepare<[], { id: number }>('SELECT id FROM users ORDER BY id'),
    maxOrderId: db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM orders').pluck(),
    maxAttemptId: db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM payment_attempts').pluck(),
    sequence: db.prepare<[string, number], { last_number: number }>(
      'SELECT last_number FROM order_number_sequences WHERE series = ? AND year = ?',
    ),
    saveSequence: db.prepare<[string, number, number]>(
      `INSERT INTO order_number_sequences (series, year, last_number) VALUES (?, ?, ?)
       ON CONFLICT (series, year) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
    ),
    customer: db.prepare<[string, string, string, string]>(
      'INSERT INTO customers (name, email, phone, created_at) VALUES (?, ?, ?, ?)',
    ),
    attempt: db.prepare(
      `INSERT INTO payment_attempts (id, order_id, attempt_number, idempotency_key, merchant_id, terminal_id,
         trace_number, entry_mode, brand, bin, last_four, pan_length, amount, currency, transport, outcome,
         response_code, response_meaning, authorization_code, latency_ms, reversal_status, captured_amount,
         refunded_amount, started_at, answered_at, reversed_at, captured_at)
       VALUES (?, ?, ?, ?, 'COMPTOIR-DEMO', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-process', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    order: db.prepare(
      `INSERT INTO orders (id, number, till_id, cashier_id, customer_id, customer_name, customer_email, status,
         payment_method, card_brand, card_last_four, card_masked, authorization_code, last_decline_code,
         payment_attempt_id, idempotency_key, currency, total_ht, total_vat, total_ttc, delivery_fee, discount_total,
         captured_amount, refunded_amount, cash_tendered, change_due, has_physical, delivery_option, delivery_address,
         promotion_code, locale, quote_json, approval_html, created_at, updated_at, paid_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, NULL, 'fr', ?, NULL, ?, ?, ?)`,
    ),
    line: db.prepare(
      `INSERT INTO order_lines (order_id, position, product_id, sku, name_fr, name_en, kind, quantity,
         vat_rate_basis_points, unit_price_ht, unit_price_ttc, line_total)
       VALUES (?, ?, ?, ?, ?, ?, 'physical', ?, ?, ?, ?, ?)`,
    ),
    documents: db.prepare<[number, string]>('INSERT INTO order_documents (order_id, quote_json) VALUES (?, ?)'),
    vat: db.prepare('INSERT INTO order_vat (order_id, rate_basis_points, goods, shipping, ht, vat, ttc) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    event: db.prepare<[number, string | null, string, number | null, string]>(
      'INSERT INTO order_events (order_id, from_status, to_status, user_id, note, at) VALUES (?, ?, ?, ?, NULL, ?)',
    ),
    shipment: db.prepare<[number, string, string, number, string]>(
      `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_by, shipped_at, notice_html)
       VALUES (?, ?, ?, ?, ?, '')`,
    ),
  }
  const attemptsPerOrder = new Map<number, number>()
  const traces = new Map<string, number>()
  let lastAttemptOrderId = 0
  let adminId = 0
  // Ids are given here, not by SQLite: an order's attempts name it, and it names its approved one.
  let lastOrderId = statements.maxOrderId.get() as number
  let lastAttemptId = statements.maxAttemptId.get() as number

  return {
    userIds(): number[] {
      const ids = statements.users.all().map((row) => row.id)
      adminId = ids[ids.length - 1] ?? 0
      return ids
    },
    nextOrderId(): number {
      return ++lastOrderId
    },
    /** Ids for the next `count` attempts, in the order `insertAttempt` must write them. */
    nextAttemptIds(count: number): number[] {
      return Array.from({ length: count }, () => ++lastAttemptId)
    },
    lastSequence(series: string, year: number): number {
      return statements.sequence.get(series, year)?.last_number ?? 0
    },
    saveSequences(sequences: ReadonlyMap<string, { series: string; year: number; last: number }>): void {
      for (const { series, year, last } of sequences.values()) statements.saveSequence.run(series, year, last)
    },
    insertCustomer(name: string, email: string, phone: string, at: string): number {
      return Number(statements.customer.run(name, email, phone, at).lastInsertRowid)
    },
    /** Writes an attempt under an id from `nextAttemptIds`, after its order. */
    insertAttempt(id: number, attempt: GeneratedAttempt): number {
      if (attempt.orderId !== lastAttemptOrderId) attemptsPerOrder.clear()
      lastAttemptOrderId = attempt.orderId
      const attemptNumber = (attemptsPerOrder.get(attempt.orderId) ?? 0) + 1
      attemptsPerOrder.set(attempt.orderId, attemptNumber)
      const trace = ((traces.get(attempt.terminalId) ?? 0) % 999_999) + 1
      traces.set(attempt.terminalId, trace)
      return Number(
        statements.attempt.run(
          id, attempt.orderId, attemptNumber, `generated/${attempt.orderId}/${attemptNumber}`, attempt.terminalId,
          String(trace).padStart(6, '0'), attempt.entryMode, attempt.brand, attempt.bin, attempt.lastFour,
          attempt.panLength, attempt.amount, attempt.currency, attempt.outcome, attempt.responseCode,
          attempt.responseMeaning, attempt.authorizationCode, attempt.latencyMs, attempt.reversalStatus,
          attempt.capturedAmount, attempt.refundedAmount, attempt.startedAt, attempt.startedAt, attempt.reversedAt,
          attempt.capturedAt,
        ).lastInsertRowid,
      )
    },
    insertOrder(order: GeneratedOrder): number {
      const { quote } = order.basket
      const card = order.card
      const masked = card ? `${card.bin.slice(0, 4)} ${card.bin.slice(4)}•• •••• ${card.lastFour}` : null
      const id = Number(
        statements.order.run(
          order.id, order.number, order.tillId, order.cashierId, order.customer?.id ?? null, order.customer?.name ?? null,
          order.customer?.email ?? null, order.status, order.paymentMethod, card?.brand ?? null, card?.lastFour ?? null,
          masked, order.authorizationCode, order.lastDeclineCode, order.paymentAttemptId, `generated/${order.id}`,
          order.currency, quote.totals.ht, quote.totals.vat, quote.totals.ttc, quote.totals.delivery,
          quote.totals.discounts, order.capturedAmount, order.refundedAmount, order.cashTendered,
          order.cashTendered === null ? null : order.cashTendered - quote.totals.ttc,
          order.basket.shipped ? 'standard' : 'pickup',
          order.deliveryAddress ? JSON.stringify(order.deliveryAddress) : null,
          '', order.createdAt, order.updatedAt, order.paidAt,
        ).lastInsertRowid,
      )
      // The frozen quote in its own table, as the till writes it since migration 014: in the row
      // it made each order 1.3 to 1.6 KB, two a page (about 290 MB of 4 KB pages left empty at
      // a million orders) and every read of an order's row a read of its quote.
      statements.documents.run(order.id, order.basket.quoteJson)
      return id
    },
    insertBasket(orderId: number, basket: PooledBasket): void {
      basket.lines.forEach(({ productId, sku, nameFr, nameEn, line }, position) => {
        statements.line.run(
          orderId, position, productId, sku, nameFr, nameEn, line.quantity, line.vatRateBasisPoints,
          line.unitPriceHt, line.unitPriceTtc, line.lineTotal,
        )
      })
      for (const rate of basket.quote.rates) {
        statements.vat.run(orderId, rate.rateBasisPoints, rate.goods, rate.shipping, rate.ht, rate.vat, rate.ttc)
      }
    },
    /** The order's refunds per VAT rate, as the refund action writes them; after `insertBasket`. */
    insertRefunds(orderId: number): void {
      writeOrderRefundVat(db, orderId)
    },
    insertEvent(orderId: number, from: string | null, to: string, at: string): void {
      statements.event.run(orderId, from, to, from === null ? null : adminId, at)
    },
    insertShipment(orderId: number, carrier: string, trackingNumber: string, at: string): void {
      statements.shipment.run(orderId, carrier, trackingNumber, adminId, at)
    },
  }
}
