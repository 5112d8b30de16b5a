import type { MoneyStep, MoneyStepRepository } from './money-step-repository'

/**
 * The money steps as reconciliation reads and closes them: what is still pending, which
 * authorizations may still move money, the refusals an administrator has to handle.
 */
export class MoneyStepLedger {
  constructor(private readonly steps: MoneyStepRepository) {}

  /** Every step the issuer has not answered yet. */
  pending(): MoneyStep[] {
    return this.steps.pending()
  }

  forAttempt(attemptId: number): MoneyStep[] {
    return this.steps.forAttempt(attemptId)
  }

  hasPending(attemptId: number): boolean {
    return this.steps.hasPending(attemptId)
  }

  /** Steps the issuer refused that no administrator has handled yet. */
  refusedUnhandled(attemptId: number): MoneyStep[] {
    return this.steps.refusedUnhandled(attemptId)
  }

  /** An administrator dealt with the attempt's refused steps (their refusal stays recorded). */
  markRefusedHandled(attemptId: number, how: string): void {
    this.steps.markRefusedHandled(attemptId, how)
  }

  /** The attempt will move no more money at the issuer: off the open list. */
  markFinal(attemptId: number): void {
    this.steps.markFinal(attemptId)
  }

  /** The attempts that may still move money at the issuer, read by primary key. */
  openAttemptIds(): number[] {
    return this.steps.openAttemptIds()
  }
}
