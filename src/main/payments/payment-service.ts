import { randomUUID } from 'node:crypto'
import { binOf, lastFourOf, maskCardNumber } from '@shared/cards/card-display'
import { detectNetwork } from '@shared/cards/card-brand'
import { validateCardEntry, type CardEntry } from '@shared/cards/card-validation'
import { describeResponseCode } from '@shared/cards/response-codes'
import { err, ok, type Result } from '@shared/contract/result'
import type { Logger } from '../logging/logger'
import type { IssuerGateway } from '../issuer/issuer-gateway'
import { buildAuthorizationRequest, type CardData } from './authorization-request-builder'
import { interpretAuthorizationAnswer } from './authorization-answer'
import type { PaymentAttempt, PaymentAttemptRepository } from './payment-attempt-repository'
import type { AuthorizationOutcome, CardSummary } from './payment-outcome'
import {
  DEFAULT_AUTHORIZATION_TIMEOUT_MS,
  DEFAULT_REVERSAL_RETRY,
  type MerchantProfile,
  type ReversalRetryPolicy,
} from './payment-settings'
import { ReversalSender } from './reversal-sender'
import type { SavedCardReader } from './saved-card-reader'

export interface PaymentServiceOptions {
  gateway: IssuerGateway
  attempts: PaymentAttemptRepository
  merchant: MerchantProfile
  /** How long to wait for the issuer before reversing (default 10 s); a function is read per try. */
  timeoutMs?: number | (() => number)
  reversalRetry?: Partial<ReversalRetryPolicy>
  savedCards?: SavedCardReader
  now?: () => Date
  logger?: Logger
}

interface PaymentBase {
  amount: number
  /** Defaults to the merchant's currency. */
  currency?: string
  /**
   * One key per logical payment (this card, this amount), created before the first attempt and
   * kept with the order: resubmitting reuses it and cannot place a second hold. After a decline
   * or a timeout, a new try with another card takes a new key.
   */
  idempotencyKey: string
  /** The order this payment is for, by its internal id (it has no number until paid). */
  orderId?: number | null
  /** A free reference for a payment made without an order. */
  orderReference?: string | null
}

export interface CardPaymentRequest extends PaymentBase {
  card: CardEntry
}

export interface SavedCardPaymentRequest extends PaymentBase {
  token: string
}

function summarize(card: CardData): CardSummary {
  return {
    network: detectNetwork(card.pan) ?? 'visa',
    brand: card.brand,
    bin: binOf(card.pan),
    lastFour: lastFourOf(card.pan),
    masked: maskCardNumber(card.pan, { showBin: true }),
  }
}

/**
 * The merchant's payment software: validates the card, asks the issuer through the gateway,
 * records every attempt, and reverses whatever it did not get an answer for.
 */
export class PaymentService {
  private readonly timeoutMs: () => number
  private readonly now: () => Date
  private readonly reversals: ReversalSender

  constructor(private readonly options: PaymentServiceOptions) {
    const timeout = options.timeoutMs ?? DEFAULT_AUTHORIZATION_TIMEOUT_MS
    this.timeoutMs = typeof timeout === 'function' ? timeout : () => timeout
    this.now = options.now ?? (() => new Date())
    const policy = { ...DEFAULT_REVERSAL_RETRY, ...options.reversalRetry }
    this.reversals = new ReversalSender(
      options.gateway,
      options.attempts,
      policy,
      this.now,
      options.logger,
    )
  }

  /** A fresh idempotency key for a new logical payment. */
  static newIdempotencyKey(): string {
    return randomUUID()
  }

  /** A card typed by the cashier: checked here first, then sent with its security code. */
  async authorizeCard(request: CardPaymentRequest): Promise<Result<AuthorizationOutcome>> {
    const validated = validateCardEntry(request.card, this.now())
    if (!validated.ok) return validated
    const card = validated.value
    return this.authorize(request, {
      pan: card.pan,
      expiryMonth: card.expiry.month,
      expiryYear: card.expiry.year,
      securityCode: card.securityCode,
      brand: card.routingBrand,
      entryMode: 'manual',
    })
  }

  /** A saved card: a stored-credential transaction, without security code. */
  async authorizeSavedCard(
    request: SavedCardPaymentRequest,
  ): Promise<Result<AuthorizationOutcome>> {
    if (!this.options.savedCards) return err('PAYMENT_UNAVAILABLE', 'No card vault is configured')
    const saved = await this.options.savedCards.readForPayment(request.token)
    if (!saved.ok) return saved
    return this.authorize(request, { ...saved.value, entryMode: 'stored-credential' })
  }

  private async authorize(
    payment: PaymentBase,
    card: CardData,
  ): Promise<Result<AuthorizationOutcome>> {
    if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0) {
      return err('VALIDATION_FAILED', 'Amount must be a positive whole number of cents', {
        fields: ['amount'],
      })
    }
    const { merchant, attempts, gateway } = this.options
    const currency = payment.currency ?? merchant.currency
    const summary = summarize(card)
    const attempt = attempts.start({
      orderId: payment.orderId ?? null,
      orderReference: payment.orderReference ?? null,
      idempotencyKey: payment.idempotencyKey,
      merchantId: merchant.merchantId,
      terminalId: merchant.terminalId,
      entryMode: card.entryMode,
      brand: card.brand,
      bin: summary.bin,
      lastFour: summary.lastFour,
      panLength: card.pan.length,
      amount: payment.amount,
      currency,
      transport: gateway.transport,
      startedAt: this.now().toISOString(),
    })
    const request = buildAuthorizationRequest(merchant, card, {
      amount: payment.amount,
      currency,
      traceNumber: attempt.traceNumber,
      idempotencyKey: payment.idempotencyKey,
      at: this.now(),
    })
    const started = performance.now()
    const answer = await gateway.authorize(request, {
      signal: AbortSignal.timeout(this.timeoutMs()),
    })
    const latencyMs = Math.round(performance.now() - started)
    const interpreted = interpretAuthorizationAnswer(answer, { attempt, card: summary, latencyMs })
    const reversal = interpreted.mustReverse ? await this.reversals.send(attempt) : 'none'
    attempts.recordAnswer(attempt.id, {
      ...interpreted.record,
      latencyMs,
      answeredAt: this.now().toISOString(),
      reversalStatus: reversal,
    })
    this.options.logger?.info('Card payment attempt', {
      attemptId: attempt.id,
      trace: attempt.traceNumber,
      card: summary.masked,
      outcome: interpreted.record.outcome,
      code: interpreted.record.responseCode,
      latencyMs,
    })
    if (!interpreted.outcome) return interpreted.error
    const outcome = interpreted.outcome
    return ok(
      outcome.kind === 'timed-out' || outcome.kind === 'unavailable'
        ? { ...outcome, reversal }
        : outcome,
    )
  }

  private approvedAttempt(attemptId: number): Result<PaymentAttempt> {
    const attempt = this.options.attempts.get(attemptId)
    if (!attempt) return err('NOT_FOUND', 'No such payment attempt')
    if (attempt.outcome !== 'approved')
      return err('CONFLICT', 'This payment attempt was not approved')
    return ok(attempt)
  }

  private followUp(attempt: PaymentAttempt, amount: number) {
    return {
      merchantId: attempt.merchantId,
      terminalId: attempt.terminalId,
      traceNumber: this.options.attempts.nextTraceNumber(attempt.terminalId),
      transmissionTime: this.now().toISOString(),
      originalTraceNumber: attempt.traceNumber,
      amount,
    }
  }

  /** Turns the hold into a charge when the order is fulfilled (at most the authorized amount). */
  async capture(attemptId: number, amount?: number): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    const attempt = found.value
    if (attempt.reversalStatus !== 'none') return err('CONFLICT', 'This payment was reversed')
    const captured = amount ?? attempt.amount
    const answer = await this.options.gateway.capture(
      { messageType: '0220', ...this.followUp(attempt, captured) },
      { signal: AbortSignal.timeout(this.timeoutMs()) },
    )
    if (!answer.ok)
      return err('PAYMENT_UNAVAILABLE', 'The issuer did not confirm the capture; try again', {
        cause: answer.error.code,
      })
    if (answer.value.responseCode !== '00') {
      const info = describeResponseCode(answer.value.responseCode)
      return err('CARD_DECLINED', `Capture refused: ${info.meaning}`, { responseCode: info.code })
    }
    this.options.attempts.recordCapture(attempt.id, captured, this.now().toISOString())
    return ok(this.options.attempts.get(attempt.id)!)
  }

  /** Cancels an approved, uncaptured payment: the hold is released (retried until acknowledged). */
  async reverse(attemptId: number): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    if (found.value.capturedAmount > 0)
      return err('CONFLICT', 'A captured payment is refunded, not reversed')
    if (found.value.reversalStatus === 'none') await this.reversals.send(found.value)
    return ok(this.options.attempts.get(attemptId)!)
  }

  /** Credits back part or all of a captured payment. */
  async refund(attemptId: number, amount: number): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    const attempt = found.value
    if (amount <= 0 || amount > attempt.capturedAmount - attempt.refundedAmount) {
      return err('VALIDATION_FAILED', 'Refund exceeds what was captured and not yet refunded', {
        fields: ['amount'],
      })
    }
    const answer = await this.options.gateway.refund(
      { messageType: '0200', processingCode: '200000', ...this.followUp(attempt, amount) },
      { signal: AbortSignal.timeout(this.timeoutMs()) },
    )
    if (!answer.ok)
      return err('PAYMENT_UNAVAILABLE', 'The issuer did not confirm the refund; try again', {
        cause: answer.error.code,
      })
    if (answer.value.responseCode !== '00') {
      const info = describeResponseCode(answer.value.responseCode)
      return err('CARD_DECLINED', `Refund refused: ${info.meaning}`, { responseCode: info.code })
    }
    this.options.attempts.recordRefund(attempt.id, amount)
    return ok(this.options.attempts.get(attempt.id)!)
  }

  /**
   * Attempts a previous run sent but never saw answered (it died waiting): the issuer may have
   * placed a hold, so each one is recorded as timed out and reversed, like a timeout.
   */
  reverseUnanswered(): number {
    const unanswered = this.options.attempts.unanswered()
    for (const attempt of unanswered) {
      this.options.attempts.recordAnswer(attempt.id, {
        outcome: 'timed-out',
        responseCode: null,
        responseMeaning: 'No answer before the app stopped',
        authorizationCode: null,
        latencyMs: 0,
        answeredAt: this.now().toISOString(),
        reversalStatus: 'none',
      })
      void this.reversals.send(attempt)
    }
    return unanswered.length
  }

  /** Restarts the reversals a previous run could not get acknowledged. Call once at start-up. */
  resumePendingReversals(): number {
    const pending = this.options.attempts.withPendingReversal()
    for (const attempt of pending) void this.reversals.send(attempt)
    return pending.length
  }

  /** Resolves when every reversal in progress is acknowledged (tests, orderly shutdown). */
  settleReversals(): Promise<void> {
    return this.reversals.settle()
  }

  /** Stops retrying reversals; the ones still pending resume at the next start. */
  close(): void {
    this.reversals.stop()
  }
}
