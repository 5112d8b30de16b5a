import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../logging/logger'
import type { IssuerGateway } from '../issuer/issuer-gateway'
import type { ReversalRequest } from '../issuer/issuer-protocol'
import type {
  PaymentAttempt,
  PaymentAttemptRepository,
  ReversalStatus,
} from './payment-attempt-repository'
import type { ReversalRetryPolicy } from './payment-settings'

/** Codes after which retrying cannot help: the issuer has taken the reversal, or never will. */
const RETRYABLE_CODES = new Set(['91', '96'])

/**
 * Sends 0400 reversals and retries each one until the issuer acknowledges it, so that no hold is
 * left on a cardholder's account after a timeout or a cancellation. The attempt row says
 * `pending` until then, so a restart resumes the retries (`PaymentService.resumePendingReversals`).
 */
export class ReversalSender {
  private readonly running = new Set<Promise<ReversalStatus>>()
  private readonly stopping = new AbortController()

  constructor(
    private readonly gateway: IssuerGateway,
    private readonly attempts: PaymentAttemptRepository,
    private readonly policy: ReversalRetryPolicy,
    private readonly now: () => Date,
    private readonly logger?: Logger,
  ) {}

  /**
   * Starts reversing `attempt` and resolves with the status after the first try; retries go on in
   * the background until acknowledged (see {@link settle}).
   */
  send(attempt: PaymentAttempt): Promise<ReversalStatus> {
    this.attempts.recordReversal(attempt.id, 'pending', null)
    const request: ReversalRequest = {
      messageType: '0400',
      merchantId: attempt.merchantId,
      terminalId: attempt.terminalId,
      traceNumber: this.attempts.nextTraceNumber(attempt.terminalId),
      transmissionTime: this.now().toISOString(),
      originalTraceNumber: attempt.traceNumber,
      amount: attempt.amount,
    }
    return new Promise((resolveFirstTry) => {
      const loop = this.retryUntilAcknowledged(attempt.id, request, resolveFirstTry)
      this.running.add(loop)
      void loop.finally(() => this.running.delete(loop))
    })
  }

  private async tryOnce(request: ReversalRequest): Promise<ReversalStatus> {
    const answer = await this.gateway.reverse(request, {
      signal: AbortSignal.timeout(this.policy.callTimeoutMs),
    })
    if (!answer.ok) return 'pending'
    if (answer.value.responseCode === '00') return 'acknowledged'
    return RETRYABLE_CODES.has(answer.value.responseCode) ? 'pending' : 'refused'
  }

  private async retryUntilAcknowledged(
    attemptId: number,
    request: ReversalRequest,
    onFirstTry: (status: ReversalStatus) => void,
  ): Promise<ReversalStatus> {
    let delay = this.policy.initialDelayMs
    let first = true
    for (;;) {
      const status = await this.tryOnce(request)
      if (status !== 'pending') {
        this.attempts.recordReversal(attemptId, status, this.now().toISOString())
        if (status === 'refused') this.logger?.warn('Reversal refused by the issuer', { attemptId })
      }
      if (first) onFirstTry(status)
      first = false
      if (status !== 'pending') return status
      try {
        await sleep(delay, undefined, { signal: this.stopping.signal })
      } catch {
        return 'pending'
      }
      delay = Math.min(delay * 2, this.policy.maxDelayMs)
    }
  }

  /** Resolves once every reversal in progress has been acknowledged (or refused, or stopped). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running])
  }

  /** Stops retrying; pending reversals stay recorded as pending for the next start. */
  stop(): void {
    this.stopping.abort()
  }
}
