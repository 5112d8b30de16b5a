import { describeResponseCode } from '@shared/cards/response-codes'
import { err, type Err, type Result } from '@shared/contract/result'
import type { AuthorizationResponse } from '@shared/issuer-protocol/issuer-protocol'
import type { AttemptOutcome, PaymentAttempt } from './payment-attempt-repository'
import {
  TIMED_OUT_MESSAGE,
  UNREACHABLE_MESSAGE,
  UNREADABLE_MESSAGE,
  type AuthorizationOutcome,
  type CardSummary,
} from './payment-outcome'

export interface InterpretedAnswer {
  outcome?: AuthorizationOutcome
  error?: Err
  /** The issuer may have placed a hold we have no answer for: reverse it. */
  mustReverse: boolean
  record: {
    outcome: AttemptOutcome
    responseCode: string | null
    responseMeaning: string | null
    authorizationCode: string | null
  }
}

const RETRY_OR_CASH = ['retry', 'cash'] as const

/**
 * Turns what the gateway returned into the checkout's outcome and the attempt's record, and says
 * whether a reversal is owed. Anything that may have reached the issuer without an answer coming
 * back (timeout, lost connection, unreadable answer) is reversed; a refused connection is not.
 */
export function interpretAuthorizationAnswer(
  answer: Result<AuthorizationResponse>,
  context: { attempt: PaymentAttempt; card: CardSummary; latencyMs: number },
): InterpretedAnswer & ({ outcome: AuthorizationOutcome } | { error: Err; outcome?: undefined }) {
  const { attempt, card, latencyMs } = context
  const reference = {
    attemptId: attempt.id,
    traceNumber: attempt.traceNumber,
    card,
    amount: attempt.amount,
    currency: attempt.currency,
  }
  const none = { responseCode: null, responseMeaning: null, authorizationCode: null }
  if (!answer.ok) {
    switch (answer.error.code) {
      case 'ISSUER_TIMEOUT':
        return {
          mustReverse: true,
          record: { outcome: 'timed-out', ...none },
          outcome: {
            ...reference,
            kind: 'timed-out',
            reversal: 'pending',
            message: TIMED_OUT_MESSAGE,
            nextSteps: RETRY_OR_CASH,
          },
        }
      case 'ISSUER_UNREADABLE_ANSWER':
      case 'ISSUER_CONNECTION_LOST': {
        const reason =
          answer.error.code === 'ISSUER_UNREADABLE_ANSWER' ? 'unreadable-answer' : 'connection-lost'
        return {
          mustReverse: true,
          record: { outcome: 'unavailable', ...none, responseMeaning: reason },
          outcome: {
            ...reference,
            kind: 'unavailable',
            reason,
            reversal: 'pending',
            message: UNREADABLE_MESSAGE,
            nextSteps: RETRY_OR_CASH,
          },
        }
      }
      case 'ISSUER_UNREACHABLE':
        return {
          mustReverse: false,
          record: { outcome: 'unavailable', ...none, responseMeaning: 'unreachable' },
          outcome: {
            ...reference,
            kind: 'unavailable',
            reason: 'unreachable',
            reversal: 'none',
            message: UNREACHABLE_MESSAGE,
            nextSteps: RETRY_OR_CASH,
          },
        }
      case 'IDEMPOTENCY_KEY_REUSED':
        return {
          mustReverse: false,
          record: { outcome: 'rejected', ...none, responseMeaning: 'idempotency key reused' },
          error: err(
            'CONFLICT',
            'This payment key was already used for another card or amount; start a new payment',
          ),
        }
      default:
        return {
          mustReverse: false,
          record: {
            outcome: 'rejected',
            ...none,
            responseMeaning: 'refused by the issuer as malformed',
          },
          error: err('INTERNAL', 'The issuer refused the request as malformed'),
        }
    }
  }
  const response = answer.value
  const info = describeResponseCode(response.responseCode)
  const record = {
    responseCode: response.responseCode,
    responseMeaning: info.meaning,
    authorizationCode: response.authorizationCode ?? null,
  }
  if (response.responseCode === '00' && response.authorizationCode) {
    return {
      mustReverse: false,
      record: { outcome: 'approved', ...record },
      outcome: {
        ...reference,
        kind: 'approved',
        authorizationCode: response.authorizationCode,
        latencyMs,
        replayed: response.replayed,
      },
    }
  }
  if (response.responseCode === '91' || response.responseCode === '96') {
    const reason = response.responseCode === '91' ? 'issuer-inoperative' : 'system-malfunction'
    return {
      mustReverse: false,
      record: { outcome: 'unavailable', ...record },
      outcome: {
        ...reference,
        kind: 'unavailable',
        reason,
        responseCode: response.responseCode,
        reversal: 'none',
        message: info.cashierMessage,
        nextSteps: info.nextSteps,
      },
    }
  }
  return {
    mustReverse: false,
    record: { outcome: 'declined', ...record },
    outcome: {
      ...reference,
      kind: 'declined',
      responseCode: info.code,
      meaning: info.meaning,
      message: info.cashierMessage,
      nextSteps: info.nextSteps,
      latencyMs,
    },
  }
}
