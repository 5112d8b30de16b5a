import { err, ok, type Result } from '@shared/contract/result'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { InquiryResponse } from '@shared/issuer-protocol/issuer-protocol'
import type { Logger } from '../../platform/logging/logger'
import { awaitsPayment, canTransition } from '../orders'
import type { PaymentAttempt } from '../payments'
import type { MoneyStep, PaymentService } from '../payments'
import type { Order, OrderService } from '../orders'
import {
  ACTIONS_BY_PROBLEM,
  ReconciliationRepository,
  type IssuerSnapshot,
  type ReconciliationAction,
  type ReconciliationCase,
  type ReconciliationProblem,
} from './reconciliation-repository'

export interface ReconciliationDependencies {
  db: SqliteDatabase
  orders: OrderService
  payments: PaymentService
  now: () => Date
  logger: Logger
}

export interface ReconciliationReport {
  checked: number
  agreed: number
  repaired: number
  toReconcile: number
  /** Not asked this time: the issuer did not answer, or a step is still being sent. */
  deferred: number
  at: string
}

type Verdict = 'agreed' | 'open' | 'repaired' | 'case' | 'deferred'

/** What the shop's own records say the issuer should have for this attempt. */
type Expectation = 'nothing' | 'hold' | 'capture'

const ORDER_OPEN_HOLD = new Set(['authorized', 'awaiting_shipment'])

function expectationOf(attempt: PaymentAttempt, order: Order | null): Expectation {
  if (attempt.outcome !== 'approved' || attempt.reversalStatus === 'acknowledged') return 'nothing'
  if (!order || order.paymentAttemptId !== attempt.id) return 'nothing'
  if (order.status === 'voided' || order.status === 'abandoned') return 'nothing'
  if (ORDER_OPEN_HOLD.has(order.status) && attempt.capturedAmount === 0) return 'hold'
  return 'capture'
}

function snapshot(answer: InquiryResponse): IssuerSnapshot {
  return {
    state: answer.state,
    amount: answer.amount,
    capturedAmount: answer.capturedAmount,
    refundedAmount: answer.refundedAmount,
  }
}

/**
 * Compares the shop's ledger with the issuer's, one open payment attempt at a time, by asking
 * the issuer the state of the authorization (0600). What the shop can repair alone it repairs:
 * it records a capture the issuer has, sends a capture or a release that is owed. The rest goes
 * on the "to reconcile" list for an administrator, with the actions that make sense, each
 * recorded in the audit log.
 */
export class ReconciliationService {
  readonly cases: ReconciliationRepository
  private running: Promise<ReconciliationReport> | null = null
  private stopped = false
  private last: ReconciliationReport | null = null

  constructor(private readonly deps: ReconciliationDependencies) {
    this.cases = new ReconciliationRepository(deps.db)
    // A refused step: ask the issuer what it has, once the refusal is committed.
    deps.payments.onStepSettled((step, answer) => {
      if (answer.status !== 'refused') return
      setTimeout(() => {
        if (this.stopped) return
        this.checkAttempt(step.attemptId).catch((error: unknown) => deps.logger.error('Reconciliation failed', error))
      }, 0)
    })
  }

  /** No more inquiries (the app is closing). */
  stop(): void {
    this.stopped = true
  }

  lastReport(): ReconciliationReport | null {
    return this.last
  }

  /** Checks every open attempt; one run at a time (a second call waits for the first). */
  reconcile(): Promise<ReconciliationReport> {
    this.running ??= this.run().finally(() => (this.running = null))
    return this.running
  }

  private async run(): Promise<ReconciliationReport> {
    const report: ReconciliationReport = { checked: 0, agreed: 0, repaired: 0, toReconcile: 0, deferred: 0, at: '' }
    for (const attempt of this.deps.payments.openAttempts()) {
      if (this.stopped) break
      const verdict = await this.check(attempt)
      report.checked++
      if (verdict === 'agreed' || verdict === 'open') report.agreed++
      else if (verdict === 'repaired') report.repaired++
      else if (verdict === 'case') report.toReconcile++
      else report.deferred++
    }
    report.at = this.deps.now().toISOString()
    this.last = report
    if (report.repaired + report.toReconcile > 0) {
      this.deps.logger.warn('Reconciliation with the issuer', { ...report })
    }
    return report
  }

  async checkAttempt(attemptId: number): Promise<Verdict> {
    const attempt = this.deps.payments.attempt(attemptId)
    return attempt ? this.check(attempt) : 'agreed'
  }

  private async check(attempt: PaymentAttempt): Promise<Verdict> {
    const { payments, orders } = this.deps
    // In flight in this process, or answered and owed a step: the sender is on it.
    if (attempt.outcome === 'pending' || payments.steps.hasPending(attempt.id)) return 'deferred'
    const before = this.fingerprint(attempt.id)
    const answer = await payments.inquire(attempt)
    if (!answer.ok || this.stopped) return 'deferred'
    // Anything that moved while the issuer was asked makes its answer stale: next time.
    if (this.fingerprint(attempt.id) !== before) return 'deferred'
    const current = this.deps.payments.attempt(attempt.id)!
    const order = current.orderId !== null ? orders.findById(current.orderId) : null
    // Approved while its sale is still being completed: start-up recovery finishes such sales.
    if (order && current.outcome === 'approved' && order.paymentAttemptId !== current.id && awaitsPayment(order.status)) {
      return 'deferred'
    }
    const issuer = answer.value
    const verdict = this.compare(current, order, issuer)
    if (verdict === 'agreed') payments.steps.markFinal(current.id)
    return verdict
  }

  /** What the shop knows of an attempt's money: its figures and the state of each of its steps. */
  private fingerprint(attemptId: number): string {
    const attempt = this.deps.payments.attempt(attemptId)
    const steps = this.deps.payments.steps.forAttempt(attemptId).map((step) => `${step.id}:${step.status}`)
    const order = attempt?.orderId != null ? this.deps.orders.findById(attempt.orderId) : null
    return JSON.stringify([
      attempt?.outcome,
      attempt?.reversalStatus,
      attempt?.capturedAmount,
      attempt?.refundedAmount,
      order?.status,
      order?.paymentAttemptId,
      steps,
    ])
  }

  private compare(attempt: PaymentAttempt, order: Order | null, issuer: InquiryResponse): Verdict {
    const { payments } = this.deps
    const expected = expectationOf(attempt, order)
    const orderId = order?.id ?? attempt.orderId
    const refused = payments.steps.refusedUnhandled(attempt.id)
    const refusedBefore = (kind: 'capture' | 'reversal' | 'refund') => refused.some((step) => step.kind === kind)
    const caseOf = (problem: ReconciliationProblem): Verdict => {
      this.cases.open(attempt.id, orderId, problem, snapshot(issuer), this.deps.now().toISOString())
      return 'case'
    }
    switch (issuer.state) {
      case 'held':
        if (expected === 'hold') return 'open'
        if (expected === 'nothing') {
          if (refusedBefore('reversal')) return caseOf('charged-without-sale')
          return this.repairWithStep(attempt, 'reversal', attempt.amount, orderId)
        }
        // A sale delivered or shipped whose capture never reached the issuer: it is owed.
        if (refusedBefore('capture')) return caseOf('capture-refused')
        if (attempt.capturedAmount > 0) return caseOf('captured-differs')
        return this.repairWithStep(attempt, 'capture', order?.totalTtc ?? attempt.amount, orderId)
      case 'captured': {
        if (expected === 'nothing') {
          // Charged, then given back in full (an administrator's refund): nothing left to do.
          const givenBack = issuer.capturedAmount <= issuer.refundedAmount && attempt.refundedAmount === issuer.refundedAmount
          return givenBack ? 'agreed' : caseOf('charged-without-sale')
        }
        if (issuer.capturedAmount > attempt.capturedAmount) {
          this.recordIssuerCapture(attempt, issuer.capturedAmount - attempt.capturedAmount, orderId)
          return 'repaired'
        }
        if (issuer.capturedAmount < attempt.capturedAmount) return caseOf('captured-differs')
        if (issuer.refundedAmount > attempt.refundedAmount) return caseOf('refunded-by-issuer')
        // A refund the shop decided (the order says so) that the issuer refused or never made.
        if (issuer.refundedAmount < attempt.refundedAmount || refusedBefore('refund')) return caseOf('refund-not-at-issuer')
        return 'agreed'
      }
      case 'released':
      case 'declined':
      case 'unknown':
        if (expected === 'nothing') {
          if (attempt.reversalStatus === 'refused' || attempt.reversalStatus === 'pending') {
            this.deps.payments.recordIssuerRelease(attempt.id, this.deps.now().toISOString())
          }
          return 'agreed'
        }
        return caseOf(issuer.state === 'released' ? 'released-by-issuer' : 'unknown-to-issuer')
    }
  }

  private repairWithStep(attempt: PaymentAttempt, kind: 'capture' | 'reversal', amount: number, orderId: number | null): Verdict {
    const step = this.deps.payments.queueStep(attempt.id, kind, amount, orderId)
    void this.deps.payments.sendStep(step.id)
    this.deps.logger.warn(`Reconciliation sends a ${kind} owed to the issuer`, { attemptId: attempt.id, amount })
    return 'repaired'
  }

  /** The issuer captured more than the shop recorded: the attempt and the order take it together. */
  private recordIssuerCapture(attempt: PaymentAttempt, amount: number, orderId: number | null): void {
    const { db, payments, orders } = this.deps
    db.transaction(() => {
      const at = this.deps.now().toISOString()
      payments.recordIssuerCapture(attempt.id, attempt.capturedAmount + amount, at)
      if (orderId !== null) orders.addCaptured(orderId, amount)
      this.deps.payments.closeIfSettled(attempt.id)
    })()
    this.deps.logger.warn('Reconciliation recorded a capture the issuer had', { attemptId: attempt.id, amount })
  }

  openCases(): ReconciliationCase[] {
    return this.cases.openCases()
  }

  actionsFor(entry: ReconciliationCase): readonly ReconciliationAction[] {
    return ACTIONS_BY_PROBLEM[entry.problem]
  }

  /** Carries out an administrator's choice on a case, audited with the case and its figures. */
  async resolve(caseId: number, action: ReconciliationAction, userId: number, note: string | undefined): Promise<Result<null>> {
    const { db, payments, orders } = this.deps
    const entry = this.cases.get(caseId)
    if (!entry || entry.resolvedAt !== null) return err('NOT_FOUND', 'This case is not open', { caseId })
    if (!this.actionsFor(entry).includes(action)) {
      return err('INVALID_TRANSITION', `"${action}" does not apply to this case`, { caseId, problem: entry.problem })
    }
    const attempt = payments.attempt(entry.attemptId)
    if (!attempt) return err('NOT_FOUND', 'The payment attempt is gone', { caseId })
    const order = entry.orderId !== null ? orders.findById(entry.orderId) : null
    const at = this.deps.now().toISOString()
    const issuer = entry.issuer
    const step = db.transaction(() => {
      const queued = this.carryOut(action, entry, attempt, order, userId, at)
      payments.steps.markRefusedHandled(attempt.id, action)
      this.cases.resolve(entry.id, userId, note ? `${action}: ${note}` : action, at)
      recordAudit(db, {
        action: 'reconciliation.resolved',
        userId,
        subject: order?.number ? `order:${order.number}` : `attempt:${attempt.id}`,
        details: {
          caseId: entry.id,
          problem: entry.problem,
          action,
          attemptId: attempt.id,
          orderId: entry.orderId,
          issuer: { ...issuer },
          shop: { captured: attempt.capturedAmount, refunded: attempt.refundedAmount },
          note: note ?? null,
        },
        at,
      })
      if (!queued) payments.steps.markFinal(attempt.id)
      return queued
    })()
    if (step) await payments.sendStep(step.id)
    return ok(null)
  }

  /**
   * What an administrator's choice does, in `resolve`'s transaction: the step it owes the issuer
   * (null when none), or the figures and the status it records at once.
   */
  private carryOut(
    action: ReconciliationAction,
    entry: ReconciliationCase,
    attempt: PaymentAttempt,
    order: Order | null,
    userId: number,
    at: string,
  ): MoneyStep | null {
    const { payments, orders } = this.deps
    const issuer = entry.issuer
    switch (action) {
      case 'release':
        return payments.queueStep(attempt.id, 'reversal', attempt.amount, entry.orderId)
      case 'capture':
        return payments.queueStep(attempt.id, 'capture', Math.max(1, (order?.totalTtc ?? attempt.amount) - attempt.capturedAmount), entry.orderId)
      case 'refund': {
        // Charged for a sale that is not one: the shop takes note of the capture, then gives it back.
        if (entry.problem === 'charged-without-sale') payments.recordIssuerCapture(attempt.id, issuer.capturedAmount, at)
        const refusedRefunds = payments.steps
          .refusedUnhandled(attempt.id)
          .reduce((total, refused) => total + (refused.kind === 'refund' ? refused.amount : 0), 0)
        const owed = entry.problem === 'refund-not-at-issuer'
          ? refusedRefunds + Math.max(0, attempt.refundedAmount - issuer.refundedAmount)
          : issuer.capturedAmount - issuer.refundedAmount
        // A refund the order already counts on moves the order's figure when acknowledged.
        const forOrder = entry.problem === 'refund-not-at-issuer' ? entry.orderId : null
        return owed > 0 ? payments.queueStep(attempt.id, 'refund', owed, forOrder) : null
      }
      case 'record-captured':
        payments.recordIssuerCapture(attempt.id, issuer.capturedAmount, at)
        if (order) orders.addCaptured(order.id, issuer.capturedAmount - attempt.capturedAmount)
        return null
      case 'mark-refunded': {
        const more = issuer.refundedAmount - attempt.refundedAmount
        if (more > 0) {
          payments.recordIssuerRefund(attempt.id, more)
          if (order) {
            orders.addRefunded(order.id, more)
            const refundedAll = order.refundedAmount + more >= order.capturedAmount
            if (refundedAll && canTransition(order.status, 'refunded')) {
              orders.transition(order.id, order.status, 'refunded', userId, at, 'Refunded at the issuer (reconciliation)')
            }
          }
        }
        return null
      }
      case 'mark-voided':
        payments.recordIssuerRelease(attempt.id, at)
        if (order && canTransition(order.status, 'voided')) {
          orders.transition(order.id, order.status, 'voided', userId, at, 'Released by the issuer (reconciliation)')
        }
        return null
      case 'dismiss':
        return null
    }
  }
}
