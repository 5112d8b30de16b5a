import type { Result } from '@shared/contract/result'
import { failpoint } from '../../platform/diagnostics/failpoint'
import type { IssuerGateway } from './issuer-gateway'
import type { Logger } from '../../platform/logging/logger'
import type { MoneyStep, MoneyStepRepository, MoneyStepStatus } from './money-step-repository'
import type { PaymentAttemptRepository } from './payment-attempt-repository'
import type { ReversalRetryPolicy } from './payment-settings'

/** Codes after which retrying can help: the issuer could not decide yet. */
const RETRYABLE_CODES = new Set(['91', '96'])

export interface StepAnswer {
  status: Exclude<MoneyStepStatus, 'pending'>
  responseCode: string | null
}

export interface MoneyStepSenderDependencies {
  gateway: IssuerGateway
  steps: MoneyStepRepository
  attempts: PaymentAttemptRepository
  policy: ReversalRetryPolicy
  now: () => Date
  logger?: Logger
  /** Records the issuer's final answer, in one transaction with what it changes. */
  settle: (step: MoneyStep, answer: StepAnswer) => void
}

/**
 * Drains the outbox of money movements: each pending step is sent with its own trace number,
 * the same at every resend (the issuer answers a resend as it answered the first), and retried
 * with backoff until the issuer acknowledges or refuses it. The step stays `pending` in the
 * database until then, so a restart resumes it ({@link resume}).
 */
export class MoneyStepSender {
  private readonly running = new Map<number, Promise<MoneyStepStatus>>()
  private readonly stopping = new AbortController()
  private waking = new AbortController()

  constructor(private readonly deps: MoneyStepSenderDependencies) {}

  /**
   * Starts sending the step and resolves with its status after the first try; retries go on in
   * the background. A step already being sent is not sent twice by this process.
   */
  send(stepId: number): Promise<MoneyStepStatus> {
    if (this.running.has(stepId) || this.stopping.signal.aborted) return Promise.resolve('pending')
    return new Promise((resolveFirstTry) => {
      const loop = this.retryUntilAnswered(stepId, resolveFirstTry)
      this.running.set(stepId, loop)
      void loop.finally(() => this.running.delete(stepId))
    })
  }

  /** Sends every step a previous run (or a failed first try) left pending. */
  resume(): number {
    const pending = this.deps.steps.pending().filter((step) => !this.running.has(step.id))
    for (const step of pending) void this.send(step.id)
    return pending.length
  }

  /** The issuer answered something: steps waiting out a backoff try again now. */
  nudge(): void {
    const waking = this.waking
    this.waking = new AbortController()
    waking.abort()
  }

  private async tryOnce(step: MoneyStep): Promise<StepAnswer | { status: 'pending'; error: string }> {
    const attempt = this.deps.attempts.get(step.attemptId)
    if (!attempt) return { status: 'refused', responseCode: null }
    const request = {
      merchantId: attempt.merchantId,
      terminalId: attempt.terminalId,
      traceNumber: step.traceNumber,
      transmissionTime: this.deps.now().toISOString(),
      originalTraceNumber: attempt.traceNumber,
      amount: step.amount,
    }
    const options = { signal: AbortSignal.timeout(this.deps.policy.callTimeoutMs) }
    const { gateway } = this.deps
    let answer: Result<{ responseCode: string }>
    if (step.kind === 'capture') answer = await gateway.capture({ messageType: '0220', ...request }, options)
    else if (step.kind === 'reversal') answer = await gateway.reverse({ messageType: '0400', ...request }, options)
    else answer = await gateway.refund({ messageType: '0200', processingCode: '200000', ...request }, options)
    if (!answer.ok) {
      if (answer.error.code === 'MALFORMED_REQUEST') return { status: 'refused', responseCode: null }
      return { status: 'pending', error: answer.error.code }
    }
    const code = answer.value.responseCode
    if (code === '00') return { status: 'acknowledged', responseCode: code }
    return RETRYABLE_CODES.has(code) ? { status: 'pending', error: code } : { status: 'refused', responseCode: code }
  }

  private async retryUntilAnswered(stepId: number, onFirstTry: (status: MoneyStepStatus) => void): Promise<MoneyStepStatus> {
    let delay = this.deps.policy.initialDelayMs
    let first = true
    for (;;) {
      const step = this.deps.steps.get(stepId)
      if (!step || step.status !== 'pending') {
        if (first) onFirstTry(step?.status ?? 'refused')
        return step?.status ?? 'refused'
      }
      if (first) failpoint('step-written')
      let answer: Awaited<ReturnType<MoneyStepSender['tryOnce']>>
      try {
        answer = await this.tryOnce(step)
      } catch (error) {
        // A transport that threw (the in-process issuer closing under it) is no answer: try again.
        answer = { status: 'pending', error: error instanceof Error ? error.name : 'EXCHANGE_FAILED' }
      }
      // Stopped while the issuer answered (the app closing): the database may be closed already.
      // The step stays pending and is sent again at the next start; the issuer answers a trace
      // number it knows as before, so nothing moves twice.
      if (this.stopping.signal.aborted) {
        if (first) onFirstTry('pending')
        return 'pending'
      }
      failpoint('step-answered')
      if (answer.status === 'pending') this.deps.steps.recordTry(step.id, answer.error)
      else {
        this.deps.settle(step, answer)
        failpoint('step-recorded')
        this.nudge()
        if (answer.status === 'refused') {
          this.deps.logger?.warn(`The issuer refused a ${step.kind}`, { stepId, code: answer.responseCode })
        }
      }
      if (first) onFirstTry(answer.status)
      first = false
      if (answer.status !== 'pending') return answer.status
      try {
        await new Promise<void>((resolve, reject) => {
          const signals = [this.stopping.signal, this.waking.signal]
          if (this.stopping.signal.aborted) return reject(new Error('stopped'))
          const timer = setTimeout(resolve, delay)
          const wake = () => {
            clearTimeout(timer)
            if (this.stopping.signal.aborted) reject(new Error('stopped'))
            else resolve()
          }
          for (const signal of signals) signal.addEventListener('abort', wake, { once: true })
        })
      } catch {
        return 'pending'
      }
      delay = Math.min(delay * 2, this.deps.policy.maxDelayMs)
    }
  }

  /** Resolves once every step being sent is acknowledged (or refused, or stopped). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()])
  }

  /** Stops sending; pending steps stay recorded for the next start. */
  stop(): void {
    this.stopping.abort()
  }
}
