import { randomUUID } from 'node:crypto'
import { binOf, lastFourOf, maskCardNumber } from '@shared/cards/card-display'
import { detectNetwork } from '@shared/cards/card-brand'
import { validateCardEntry, type CardEntry, type ValidatedCard } from '@shared/cards/card-validation'
import { describeResponseCode } from '@shared/cards/response-codes'
import { err, ok, type Result } from '@shared/contract/result'
import type { Logger } from '../../platform/logging/logger'
import type { IssuerGateway } from './issuer-gateway'
import type { InquiryResponse } from '@shared/issuer-protocol/issuer-protocol'
import { failpoint } from '../../platform/diagnostics/failpoint'
import { crashSafeTransaction } from '../../platform/sqlite/crash-safe-transaction'
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
import { MoneyStepRepository, type MoneyStep, type MoneyStepKind, type MoneyStepStatus } from './money-step-repository'
import { MoneyStepSender, type StepAnswer } from './money-step-sender'
import { MoneyStepLedger } from './money-step-ledger'
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

/** Told of each step the issuer acknowledged or refused, inside the transaction that records it. */
export type StepSettledListener = (step: MoneyStep, answer: StepAnswer) => void

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
  /**
   * Aborted when the cashier stops waiting for the issuer ("Ne plus attendre"): the wait ends as a
   * timeout does, with the same reversal, before the timeout.
   */
  stopWaiting?: AbortSignal
}

export interface CardPaymentRequest extends PaymentBase {
  card: CardEntry
}

/** A typed card already checked where it entered main: it is not checked again. */
export interface ValidatedCardPaymentRequest extends PaymentBase {
  card: ValidatedCard
}

export interface SavedCardPaymentRequest extends PaymentBase {
  token: string
}

function summarize(card: CardData): CardSummary {
  return {
    network: card.network,
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
  private readonly sender: MoneyStepSender
  private readonly listeners: StepSettledListener[] = []
  private readonly stepRecords: MoneyStepRepository
  /** The money steps as reconciliation reads and closes them; the repository stays in here. */
  readonly steps: MoneyStepLedger

  constructor(private readonly options: PaymentServiceOptions) {
    const timeout = options.timeoutMs ?? DEFAULT_AUTHORIZATION_TIMEOUT_MS
    this.timeoutMs = typeof timeout === 'function' ? timeout : () => timeout
    this.now = options.now ?? (() => new Date())
    const policy = { ...DEFAULT_REVERSAL_RETRY, ...options.reversalRetry }
    this.stepRecords = new MoneyStepRepository(options.attempts.db)
    this.steps = new MoneyStepLedger(this.stepRecords)
    this.sender = new MoneyStepSender({
      gateway: options.gateway,
      steps: this.stepRecords,
      attempts: options.attempts,
      policy,
      now: this.now,
      logger: options.logger,
      settle: (step, answer) => this.recordStepAnswer(step, answer),
    })
  }

  /** Adds a listener told of every settled step, in the transaction that records it. */
  onStepSettled(listener: StepSettledListener): void {
    this.listeners.push(listener)
  }

  /** How long an authorization waits for the issuer before it is reversed (the shop's setting). */
  authorizationTimeoutMs(): number {
    return this.timeoutMs()
  }

  /** A fresh idempotency key for a new logical payment. */
  static newIdempotencyKey(): string {
    return randomUUID()
  }

  /**
   * The idempotency key of an order's next attempt: the order's own key and the attempt's rank. So
   * a retry with another card is a new logical payment, while a resubmission of the same attempt
   * reuses its key and can never place a second hold.
   */
  nextAttemptKey(orderId: number, orderKey: string): string {
    return `${orderKey}:${this.options.attempts.countForOrder(orderId) + 1}`
  }

  /**
   * Checks a typed card, once, where it enters main: number (brand, length, Luhn), expiry, security
   * code, chosen brand. The value it answers is what the authorization and the vault take.
   */
  validateCard(entry: CardEntry): Result<ValidatedCard> {
    return validateCardEntry(entry, this.now())
  }

  /** A card typed by the cashier: checked here ({@link validateCard}), then authorized. */
  async authorizeCard(request: CardPaymentRequest): Promise<Result<AuthorizationOutcome>> {
    const validated = this.validateCard(request.card)
    if (!validated.ok) return validated
    return this.authorizeValidatedCard({ ...request, card: validated.value })
  }

  /** A typed card checked once where it entered: sent with its security code, never kept. */
  async authorizeValidatedCard(request: ValidatedCardPaymentRequest): Promise<Result<AuthorizationOutcome>> {
    const { card } = request
    return this.authorize(request, {
      pan: card.pan,
      expiryMonth: card.expiry.month,
      expiryYear: card.expiry.year,
      securityCode: card.securityCode,
      brand: card.routingBrand,
      network: card.network,
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
    // A saved card was checked when it was saved: its network is read from the prefix only.
    const network = detectNetwork(saved.value.pan) ?? 'visa'
    return this.authorize(request, { ...saved.value, network, entryMode: 'stored-credential' })
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
    const attempt = attempts.db.transaction(() => {
      const started = attempts.start({
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
      this.stepRecords.markOpen(started.id, started.startedAt)
      return started
    })()
    const request = buildAuthorizationRequest(merchant, card, {
      amount: payment.amount,
      currency,
      traceNumber: attempt.traceNumber,
      idempotencyKey: payment.idempotencyKey,
      at: this.now(),
    })
    failpoint('authorization-recorded')
    const started = performance.now()
    const timeout = AbortSignal.timeout(this.timeoutMs())
    const answer = await gateway.authorize(request, {
      signal: payment.stopWaiting ? AbortSignal.any([timeout, payment.stopWaiting]) : timeout,
    })
    const latencyMs = Math.round(performance.now() - started)
    failpoint('authorization-answered')
    const interpreted = interpretAuthorizationAnswer(answer, { attempt, card: summary, latencyMs })
    if (answer.ok) this.sender.nudge()
    // The answer and the reversal it calls for are written together: a crash cannot part them.
    // A reversal is sent at once, so it is synced first. Any other answer is safe from an app crash
    // but not synced on its own: the caller's next commit records the sale (or the decline) durably
    // with it; if a power cut takes it back, the attempt is unanswered again and the next start
    // reverses it, as for an app that died waiting (a lost approval releases its hold, never charges).
    const recordAnswer = () => {
      attempts.recordAnswer(attempt.id, {
        ...interpreted.record,
        latencyMs,
        answeredAt: this.now().toISOString(),
        reversalStatus: interpreted.mustReverse ? 'pending' : 'none',
      })
      if (interpreted.mustReverse) return this.queueStep(attempt.id, 'reversal', attempt.amount, payment.orderId ?? null)
      if (interpreted.record.outcome !== 'approved') this.stepRecords.markFinal(attempt.id)
      return null
    }
    const reversalStep = interpreted.mustReverse
      ? attempts.db.transaction(recordAnswer)()
      : crashSafeTransaction(attempts.db, recordAnswer)
    // A cashier who stopped waiting is not kept waiting for the reversal's first try either: the
    // step is written, and sent and retried until acknowledged, as after any timeout.
    const stopped = payment.stopWaiting?.aborted === true && !answer.ok
    const reversal: MoneyStepStatus | 'none' = !reversalStep
      ? 'none'
      : stopped
        ? (void this.sender.send(reversalStep.id), 'pending')
        : await this.sender.send(reversalStep.id)
    this.options.logger?.info('Card payment attempt', {
      attemptId: attempt.id,
      trace: attempt.traceNumber,
      card: summary.masked,
      outcome: interpreted.record.outcome,
      code: interpreted.record.responseCode,
      latencyMs,
      ...(stopped ? { stoppedByCashier: true } : {}),
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

  /**
   * Writes a money movement owed to the issuer as a pending step with its own trace number. Call
   * it inside the transaction that changes the order, then {@link sendStep} after the commit:
   * whatever dies in between, the step is sent at the next start.
   */
  queueStep(attemptId: number, kind: MoneyStepKind, amount: number, orderId: number | null): MoneyStep {
    const { attempts } = this.options
    return attempts.db.transaction(() => {
      const attempt = attempts.get(attemptId)
      if (!attempt) throw new Error(`No payment attempt ${attemptId}`)
      const at = this.now().toISOString()
      if (kind === 'reversal') attempts.recordReversal(attemptId, 'pending', null)
      this.stepRecords.markOpen(attemptId, at)
      return this.stepRecords.add({
        attemptId,
        orderId,
        kind,
        amount,
        traceNumber: attempts.nextTraceNumber(attempt.terminalId),
        at,
      })
    })()
  }

  /** Sends a written step; resolves with its status after the first try, retries go on. */
  sendStep(stepId: number): Promise<MoneyStepStatus> {
    return this.sender.send(stepId)
  }

  /** What pending steps of this kind will still move for the attempt. */
  pendingAmount(attemptId: number, kind: MoneyStepKind): number {
    return this.stepRecords.pendingAmount(attemptId, kind)
  }

  /**
   * The issuer's answer to a step, in one transaction with the attempt's figures and the
   * listeners'. Safe from an app crash, not synced on its own: the step was durable before it was
   * sent, so a power cut that takes this answer back leaves it pending, and it is sent again with
   * its own trace number, which the issuer answers as it answered the first time.
   */
  private recordStepAnswer(step: MoneyStep, answer: StepAnswer): void {
    const { attempts } = this.options
    crashSafeTransaction(attempts.db, () => {
      const at = this.now().toISOString()
      if (!this.stepRecords.settle(step.id, answer.status, answer.responseCode, at)) return
      const attempt = attempts.get(step.attemptId)!
      if (answer.status === 'acknowledged') {
        if (step.kind === 'capture') attempts.recordCapture(attempt.id, attempt.capturedAmount + step.amount, at)
        else if (step.kind === 'refund') attempts.recordRefund(attempt.id, step.amount)
        else attempts.recordReversal(attempt.id, 'acknowledged', at)
      } else if (step.kind === 'reversal') attempts.recordReversal(attempt.id, 'refused', at)
      for (const listener of this.listeners) listener(step, answer)
      if (answer.status === 'acknowledged') this.closeIfSettled(attempt.id)
    })
  }

  /**
   * Takes the attempt off the open list once nothing can move at the issuer any more: no step
   * pending, and no hold left (never approved, reversed, or captured).
   */
  closeIfSettled(attemptId: number): void {
    const attempt = this.options.attempts.get(attemptId)
    if (!attempt || attempt.outcome === 'pending' || this.stepRecords.hasPending(attemptId)) return
    const holds = attempt.outcome === 'approved' && attempt.reversalStatus === 'none' && attempt.capturedAmount === 0
    if (!holds && attempt.reversalStatus !== 'refused') this.stepRecords.markFinal(attemptId)
  }

  /** Turns the hold into a charge (at most the authorized amount); one try, then retried. */
  async capture(attemptId: number, amount?: number, orderId: number | null = null): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    const attempt = found.value
    if (attempt.reversalStatus !== 'none') return err('CONFLICT', 'This payment was reversed')
    const step = this.queueStep(attempt.id, 'capture', amount ?? attempt.amount, orderId)
    return this.answerOf(step, 'capture')
  }

  /** Cancels an approved, uncaptured payment: the hold is released (retried until acknowledged). */
  async reverse(attemptId: number, orderId: number | null = null): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    if (found.value.capturedAmount > 0 || this.stepRecords.pendingAmount(attemptId, 'capture') > 0)
      return err('CONFLICT', 'A captured payment is refunded, not reversed')
    if (found.value.reversalStatus === 'none') {
      const step = this.queueStep(attemptId, 'reversal', found.value.amount, orderId)
      await this.sender.send(step.id)
    }
    return ok(this.options.attempts.get(attemptId)!)
  }

  /** Credits back part or all of a captured payment; one try, then retried. */
  async refund(attemptId: number, amount: number, orderId: number | null = null): Promise<Result<PaymentAttempt>> {
    const found = this.approvedAttempt(attemptId)
    if (!found.ok) return found
    const attempt = found.value
    const refundable = attempt.capturedAmount - attempt.refundedAmount - this.stepRecords.pendingAmount(attemptId, 'refund')
    if (amount <= 0 || amount > refundable) {
      return err('VALIDATION_FAILED', 'Refund exceeds what was captured and not yet refunded', {
        fields: ['amount'],
      })
    }
    return this.answerOf(this.queueStep(attempt.id, 'refund', amount, orderId), 'refund')
  }

  private async answerOf(step: MoneyStep, what: 'capture' | 'refund'): Promise<Result<PaymentAttempt>> {
    const status = await this.sender.send(step.id)
    if (status === 'pending')
      return err('PAYMENT_UNAVAILABLE', `The issuer did not confirm the ${what} yet; it is sent again until it does`, {
        stepId: step.id,
      })
    if (status === 'refused') {
      const code = this.stepRecords.get(step.id)?.responseCode ?? '12'
      const info = describeResponseCode(code as Parameters<typeof describeResponseCode>[0])
      return err('CARD_DECLINED', `${what === 'capture' ? 'Capture' : 'Refund'} refused: ${info.meaning}`, {
        responseCode: info.code,
      })
    }
    return ok(this.options.attempts.get(step.attemptId)!)
  }

  /** One attempt as the shop keeps it. */
  attempt(attemptId: number): PaymentAttempt | null {
    return this.options.attempts.get(attemptId)
  }

  /** An order's attempts, first to last. */
  attemptsForOrder(orderId: number): PaymentAttempt[] {
    return this.options.attempts.forOrder(orderId)
  }

  /**
   * What the issuer did that the shop had not recorded, taken on its word (reconciliation, in its
   * transaction): the attempt's captured total, a refund, the release of its hold.
   */
  recordIssuerCapture(attemptId: number, capturedTotal: number, at: string): void {
    this.options.attempts.recordCapture(attemptId, capturedTotal, at)
  }

  recordIssuerRefund(attemptId: number, amount: number): void {
    this.options.attempts.recordRefund(attemptId, amount)
  }

  recordIssuerRelease(attemptId: number, at: string): void {
    this.options.attempts.recordReversal(attemptId, 'acknowledged', at)
  }

  /** The attempts that may still move money at the issuer (the open list, by primary key). */
  openAttempts(): PaymentAttempt[] {
    return this.stepRecords
      .openAttemptIds()
      .map((id) => this.options.attempts.get(id))
      .filter((attempt): attempt is PaymentAttempt => attempt !== null)
  }

  /**
   * An attempt a previous run sent but never saw answered (it died waiting): the issuer may have
   * placed a hold, so it is recorded as timed out together with its reversal step, like a timeout.
   */
  reverseUnansweredAttempt(attempt: PaymentAttempt): MoneyStep {
    const { attempts } = this.options
    return attempts.db.transaction(() => {
      attempts.recordAnswer(attempt.id, {
        outcome: 'timed-out',
        responseCode: null,
        responseMeaning: 'No answer before the app stopped',
        authorizationCode: null,
        latencyMs: 0,
        answeredAt: this.now().toISOString(),
        reversalStatus: 'pending',
      })
      return this.queueStep(attempt.id, 'reversal', attempt.amount, attempt.orderId)
    })()
  }

  /**
   * Restarts what a previous run left owed: every pending step, and reversals an earlier version
   * marked pending without a step. Call once at start-up.
   */
  resumePendingSteps(): number {
    for (const attempt of this.openAttempts()) {
      const hasStep = this.stepRecords.forAttempt(attempt.id).some((step) => step.kind === 'reversal' && step.status === 'pending')
      if (attempt.reversalStatus === 'pending' && !hasStep) this.queueStep(attempt.id, 'reversal', attempt.amount, attempt.orderId)
    }
    return this.sender.resume()
  }

  /** Asks the issuer what it holds, captured or released for an attempt (0600 inquiry). */
  async inquire(attempt: PaymentAttempt): Promise<Result<InquiryResponse>> {
    const answer = await this.options.gateway.inquire(
      {
        messageType: '0600',
        merchantId: attempt.merchantId,
        terminalId: attempt.terminalId,
        traceNumber: this.options.attempts.nextTraceNumber(attempt.terminalId),
        transmissionTime: this.now().toISOString(),
        originalTraceNumber: attempt.traceNumber,
      },
      { signal: AbortSignal.timeout(this.timeoutMs()) },
    )
    if (answer.ok) this.sender.nudge()
    return answer
  }

  /** Resolves when every step being sent is settled (tests, orderly shutdown). */
  settleSteps(): Promise<void> {
    return this.sender.settle()
  }

  /** @deprecated see {@link settleSteps}. */
  settleReversals(): Promise<void> {
    return this.sender.settle()
  }

  /** Stops sending; the steps still pending resume at the next start. */
  close(): void {
    this.sender.stop()
  }
}
