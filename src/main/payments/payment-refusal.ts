import type { NextStep } from '@shared/cards/response-codes'
import type { LocalizedText } from '@shared/contract/common-schemas'
import type { AuthorizationOutcome, CardSummary } from './payment-outcome'

/** An authorization that did not place a hold: declined, timed out, or the issuer unavailable. */
export type RefusedOutcome = Exclude<AuthorizationOutcome, { kind: 'approved' }>

/** What the checkout records with the order and tells the cashier when a card is not approved. */
export interface PaymentRefusal {
  /**
   * The code kept as the order's last decline: the issuer's field 39 code, `TIMEOUT` when no
   * answer came in time, or `91` (issuer inoperative) when the issuer could not decide.
   */
  code: string
  /** `CARD_DECLINED` when the issuer said no, `PAYMENT_UNAVAILABLE` when it could not answer. */
  errorCode: 'CARD_DECLINED' | 'PAYMENT_UNAVAILABLE'
  /** The issuer's meaning of a decline, or the kind of failure. */
  meaning: string
  message: LocalizedText
  nextSteps: readonly NextStep[]
  card: CardSummary
}

/** The decline code and error of an authorization that was not approved. */
export function refusalOf(outcome: RefusedOutcome): PaymentRefusal {
  const code =
    outcome.kind === 'declined'
      ? outcome.responseCode
      : outcome.kind === 'timed-out'
        ? 'TIMEOUT'
        : (outcome.responseCode ?? '91')
  return {
    code,
    errorCode: outcome.kind === 'declined' ? 'CARD_DECLINED' : 'PAYMENT_UNAVAILABLE',
    meaning: outcome.kind === 'declined' ? outcome.meaning : outcome.kind,
    message: outcome.message,
    nextSteps: outcome.nextSteps,
    card: outcome.card,
  }
}
