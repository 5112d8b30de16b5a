import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { RoutingBrand } from '@shared/cards/card-brand'
import type {
  CardEntryMode,
  IssuerTransport,
  PaymentAttemptOutcome,
  ReversalStatus,
} from '@shared/domain/payment'

export type AttemptOutcome = PaymentAttemptOutcome
export type { ReversalStatus } from '@shared/domain/payment'
export type EntryMode = CardEntryMode

/** One authorization attempt as the merchant keeps it: never the full number, never the code. */
export interface PaymentAttempt {
  id: number
  /** The order paid by this attempt (its internal id: the order has no number before it is paid). */
  orderId: number | null
  /** A free reference of a payment made without an order (and the number, for attempts made before 009). */
  orderReference: string | null
  attemptNumber: number
  idempotencyKey: string
  merchantId: string
  terminalId: string
  traceNumber: string
  entryMode: EntryMode
  brand: RoutingBrand
  bin: string
  lastFour: string
  panLength: number
  amount: number
  currency: string
  transport: IssuerTransport
  outcome: AttemptOutcome
  responseCode: string | null
  responseMeaning: string | null
  authorizationCode: string | null
  latencyMs: number | null
  reversalStatus: ReversalStatus
  capturedAmount: number
  refundedAmount: number
  startedAt: string
  answeredAt: string | null
  reversedAt: string | null
  capturedAt: string | null
}

export type NewAttempt = Pick<
  PaymentAttempt,
  | 'orderId'
  | 'orderReference'
  | 'idempotencyKey'
  | 'merchantId'
  | 'terminalId'
  | 'entryMode'
  | 'brand'
  | 'bin'
  | 'lastFour'
  | 'panLength'
  | 'amount'
  | 'currency'
  | 'transport'
  | 'startedAt'
>

export interface AttemptAnswer {
  outcome: AttemptOutcome
  responseCode: string | null
  responseMeaning: string | null
  authorizationCode: string | null
  latencyMs: number
  answeredAt: string
  reversalStatus: ReversalStatus
}

interface AttemptRow {
  id: number
  order_id: number | null
  order_reference: string | null
  attempt_number: number
  idempotency_key: string
  merchant_id: string
  terminal_id: string
  trace_number: string
  entry_mode: EntryMode
  brand: RoutingBrand
  bin: string
  last_four: string
  pan_length: number
  amount: number
  currency: string
  transport: IssuerTransport
  outcome: AttemptOutcome
  response_code: string | null
  response_meaning: string | null
  authorization_code: string | null
  latency_ms: number | null
  reversal_status: ReversalStatus
  captured_amount: number
  refunded_amount: number
  started_at: string
  answered_at: string | null
  reversed_at: string | null
  captured_at: string | null
}

function toAttempt(row: AttemptRow): PaymentAttempt {
  return {
    id: row.id,
    orderId: row.order_id,
    orderReference: row.order_reference,
    attemptNumber: row.attempt_number,
    idempotencyKey: row.idempotency_key,
    merchantId: row.merchant_id,
    terminalId: row.terminal_id,
    traceNumber: row.trace_number,
    entryMode: row.entry_mode,
    brand: row.brand,
    bin: row.bin,
    lastFour: row.last_four,
    panLength: row.pan_length,
    amount: row.amount,
    currency: row.currency,
    transport: row.transport,
    outcome: row.outcome,
    responseCode: row.response_code,
    responseMeaning: row.response_meaning,
    authorizationCode: row.authorization_code,
    latencyMs: row.latency_ms,
    reversalStatus: row.reversal_status,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    reversedAt: row.reversed_at,
    capturedAt: row.captured_at,
  }
}

/** Payment attempts and the per-terminal trace number counter (ISO 8583 field 11). */
export class PaymentAttemptRepository {
  /** The merchant database, for services that write an attempt with other rows in one transaction. */
  readonly db: SqliteDatabase
  private readonly bumpTrace
  private readonly countByOrder
  private readonly countForReference
  private readonly countForKey
  private readonly insertRow
  private readonly answerRow
  private readonly reversalRow
  private readonly captureRow
  private readonly refundRow
  private readonly byId
  private readonly byOrder
  private readonly byReference
  private readonly byKey
  private readonly pendingReversals
  private readonly unansweredRows

  constructor(db: SqliteDatabase) {
    this.db = db
    this.bumpTrace = db.prepare<[string], { last_trace: number }>(`
      INSERT INTO terminal_traces (terminal_id, last_trace) VALUES (?, 1)
      ON CONFLICT (terminal_id) DO UPDATE SET last_trace = (last_trace % 999999) + 1 RETURNING last_trace`)
    this.countByOrder = db.prepare<[number], { count: number }>(
      'SELECT count(*) AS count FROM payment_attempts WHERE order_id = ?',
    )
    this.countForReference = db.prepare<[string], { count: number }>(
      'SELECT count(*) AS count FROM payment_attempts WHERE order_id IS NULL AND order_reference = ?',
    )
    this.countForKey = db.prepare<[string], { count: number }>(
      'SELECT count(*) AS count FROM payment_attempts WHERE order_id IS NULL AND order_reference IS NULL AND idempotency_key = ?',
    )
    this.insertRow = db.prepare(`
      INSERT INTO payment_attempts (order_id, order_reference, attempt_number, idempotency_key, merchant_id,
        terminal_id, trace_number, entry_mode, brand, bin, last_four, pan_length, amount, currency,
        transport, started_at)
      VALUES (@orderId, @orderReference, @attemptNumber, @idempotencyKey, @merchantId, @terminalId,
        @traceNumber, @entryMode, @brand, @bin, @lastFour, @panLength, @amount, @currency,
        @transport, @startedAt)`)
    this.answerRow = db.prepare(`
      UPDATE payment_attempts SET outcome = @outcome, response_code = @responseCode,
        response_meaning = @responseMeaning, authorization_code = @authorizationCode,
        latency_ms = @latencyMs, answered_at = @answeredAt, reversal_status = @reversalStatus
      WHERE id = @id`)
    this.reversalRow = db.prepare<[ReversalStatus, string | null, number]>(
      'UPDATE payment_attempts SET reversal_status = ?, reversed_at = coalesce(?, reversed_at) WHERE id = ?',
    )
    this.captureRow = db.prepare<[number, string, number]>(
      'UPDATE payment_attempts SET captured_amount = ?, captured_at = ? WHERE id = ?',
    )
    this.refundRow = db.prepare<[number, number]>(
      'UPDATE payment_attempts SET refunded_amount = refunded_amount + ? WHERE id = ?',
    )
    this.byId = db.prepare<[number], AttemptRow>('SELECT * FROM payment_attempts WHERE id = ?')
    this.byOrder = db.prepare<[number], AttemptRow>(
      'SELECT * FROM payment_attempts WHERE order_id = ? ORDER BY attempt_number',
    )
    this.byReference = db.prepare<[string], AttemptRow>(
      'SELECT * FROM payment_attempts WHERE order_id IS NULL AND order_reference = ? ORDER BY attempt_number',
    )
    this.byKey = db.prepare<[string], AttemptRow>(
      'SELECT * FROM payment_attempts WHERE idempotency_key = ? ORDER BY id',
    )
    this.unansweredRows = db.prepare<[], AttemptRow>("SELECT * FROM payment_attempts WHERE outcome = 'pending' AND reversal_status = 'none' ORDER BY id")
    this.pendingReversals = db.prepare<[], AttemptRow>(
      "SELECT * FROM payment_attempts WHERE reversal_status = 'pending' ORDER BY id",
    )
  }

  /** Takes the terminal's next trace number (000001..999999, then round again), in one statement. */
  nextTraceNumber(terminalId: string): string {
    return String(this.bumpTrace.get(terminalId)!.last_trace).padStart(6, '0')
  }

  /**
   * Records an attempt before it is sent, with its attempt number and its own trace number. Call
   * inside the service's transaction: the count of earlier attempts and the insert go together.
   */
  start(attempt: NewAttempt): PaymentAttempt {
    const earlier =
      attempt.orderId !== null
        ? this.countByOrder.get(attempt.orderId)?.count
        : attempt.orderReference !== null
          ? this.countForReference.get(attempt.orderReference)?.count
          : this.countForKey.get(attempt.idempotencyKey)?.count
    const traceNumber = this.nextTraceNumber(attempt.terminalId)
    const id = Number(
      this.insertRow.run({ ...attempt, attemptNumber: (earlier ?? 0) + 1, traceNumber }).lastInsertRowid,
    )
    return this.get(id)!
  }

  /** How many attempts an order has had: the next one is numbered after them. */
  countForOrder(orderId: number): number {
    return this.countByOrder.get(orderId)?.count ?? 0
  }

  recordAnswer(id: number, answer: AttemptAnswer): void {
    this.answerRow.run({ id, ...answer })
  }

  recordReversal(id: number, status: ReversalStatus, at: string | null): void {
    this.reversalRow.run(status, at, id)
  }

  recordCapture(id: number, amount: number, at: string): void {
    this.captureRow.run(amount, at, id)
  }

  recordRefund(id: number, amount: number): void {
    this.refundRow.run(amount, id)
  }

  get(id: number): PaymentAttempt | null {
    const row = this.byId.get(id)
    return row ? toAttempt(row) : null
  }

  /** The order's attempts, in the order they were made. */
  forOrder(orderId: number): PaymentAttempt[] {
    return this.byOrder.all(orderId).map(toAttempt)
  }

  /** The attempts of a payment made without an order, under its free reference. */
  forReference(orderReference: string): PaymentAttempt[] {
    return this.byReference.all(orderReference).map(toAttempt)
  }

  forIdempotencyKey(key: string): PaymentAttempt[] {
    return this.byKey.all(key).map(toAttempt)
  }

  /** Attempts sent but never answered: the process died while waiting for the issuer. */
  unanswered(): PaymentAttempt[] {
    return this.unansweredRows.all().map(toAttempt)
  }

  withPendingReversal(): PaymentAttempt[] {
    return this.pendingReversals.all().map(toAttempt)
  }
}
