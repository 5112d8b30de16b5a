import type { CardNetwork, RoutingBrand } from '@shared/cards/card-brand'
import type { NextStep, ResponseCode } from '@shared/cards/response-codes'
import type { LocalizedText } from '@shared/contract/common-schemas'
import type { ReversalStatus } from './payment-attempt-repository'

/** What may be shown and kept of a card: brand, BIN, last four, masked number. */
export interface CardSummary {
  network: CardNetwork
  brand: RoutingBrand
  bin: string
  lastFour: string
  masked: string
}

interface AttemptReference {
  attemptId: number
  traceNumber: string
  card: CardSummary
  amount: number
  currency: string
}

/**
 * The result of one authorization attempt, for the checkout to act on:
 * - approved: a hold is placed, capture it when the order is fulfilled;
 * - declined: the issuer said no (field 39 code, meaning, message for the cashier);
 * - timed-out: no answer in time; a reversal was sent so no hold stays behind;
 * - unavailable: the issuer could not decide (unreachable, 91, 96, unreadable answer).
 */
export type AuthorizationOutcome =
  | (AttemptReference & {
      kind: 'approved'
      authorizationCode: string
      latencyMs: number
      /** The issuer replayed its first answer for this idempotency key: still one hold. */
      replayed: boolean
    })
  | (AttemptReference & {
      kind: 'declined'
      responseCode: ResponseCode
      meaning: string
      message: LocalizedText
      nextSteps: readonly NextStep[]
      latencyMs: number
    })
  | (AttemptReference & {
      kind: 'timed-out'
      reversal: ReversalStatus
      message: LocalizedText
      nextSteps: readonly NextStep[]
    })
  | (AttemptReference & {
      kind: 'unavailable'
      reason:
        | 'unreachable'
        | 'issuer-inoperative'
        | 'system-malfunction'
        | 'unreadable-answer'
        | 'connection-lost'
      responseCode?: ResponseCode
      reversal: ReversalStatus
      message: LocalizedText
      nextSteps: readonly NextStep[]
    })

export const TIMED_OUT_MESSAGE: LocalizedText = {
  fr: 'Le paiement est annulé et rien n\u2019est débité. Réessayez ou proposez les espèces.',
  en: 'The payment was cancelled and nothing is charged. Try again or offer cash.',
}

export const UNREACHABLE_MESSAGE: LocalizedText = {
  fr: 'Vérifiez la connexion, réessayez ou proposez les espèces.',
  en: 'Check the connection, try again or offer cash.',
}

export const UNREADABLE_MESSAGE: LocalizedText = {
  fr: 'Réponse illisible de la banque : le paiement est annulé. Réessayez ou proposez les espèces.',
  en: 'Unreadable answer from the bank: the payment was cancelled. Try again or offer cash.',
}
