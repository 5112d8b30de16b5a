import type { CommonErrorCode } from '@shared/contract'

/**
 * An expected refusal met deep inside an operation, thrown so that its transaction rolls back
 * whatever the call was (a sale, a refund, a cash movement, a reprint), and answered by the router
 * as its common code instead of INTERNAL. Only for rules that any writing call may meet; a call's
 * own refusals stay values.
 */
export class CallRefusal extends Error {
  constructor(
    readonly code: CommonErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'CallRefusal'
  }
}
