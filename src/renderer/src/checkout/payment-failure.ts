import type { AppError, LocalizedText } from '@shared/contract'
import type { NextStep } from '@shared/cards'

/** What main says about a refused or unreachable card payment (details of the error). */
export interface PaymentFailure {
  kind: 'declined' | 'unavailable'
  responseCode: string
  meaning: string
  message: LocalizedText | null
  nextSteps: NextStep[]
  card: { brand: string; lastFour: string } | null
}

const NEXT_STEPS: readonly NextStep[] = ['none', 'retry', 'another-card', 'cash', 'call-issuer', 'retain-card']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** Reads CARD_DECLINED and PAYMENT_UNAVAILABLE details; null for any other error. */
export function paymentFailureOf(error: AppError | null): PaymentFailure | null {
  if (!error || (error.code !== 'CARD_DECLINED' && error.code !== 'PAYMENT_UNAVAILABLE')) return null
  const details = isRecord(error.details) ? error.details : {}
  const message = isRecord(details.message) ? details.message : null
  const card = isRecord(details.card) ? details.card : null
  const steps = Array.isArray(details.nextSteps) ? details.nextSteps : []
  return {
    kind: error.code === 'CARD_DECLINED' ? 'declined' : 'unavailable',
    responseCode: text(details.responseCode) ?? '',
    meaning: text(details.meaning) ?? '',
    message: message && text(message.fr) !== null && text(message.en) !== null
      ? { fr: String(message.fr), en: String(message.en) }
      : null,
    nextSteps: steps.filter((step): step is NextStep => NEXT_STEPS.includes(step as NextStep)),
    card: card ? { brand: text(card.brand) ?? '', lastFour: text(card.lastFour) ?? '' } : null,
  }
}

/**
 * The fields an error names: zod issues (`[{ path: ['card', 'securityCode'] }]`), the card
 * checker's `{ fields: [{ field }] }`, or a plain `{ fields: ['email'] }`.
 */
export function fieldsNamedBy(error: AppError | null): string[] {
  if (!error) return []
  const details = error.details
  const names = new Set<string>()
  const issues = Array.isArray(details) ? details : isRecord(details) && Array.isArray(details.fields) ? details.fields : []
  for (const issue of issues) {
    if (typeof issue === 'string') names.add(issue)
    else if (isRecord(issue)) {
      if (typeof issue.field === 'string') names.add(issue.field)
      else if (Array.isArray(issue.path)) {
        const last = issue.path.at(-1)
        if (typeof last === 'string') names.add(last)
      }
    }
  }
  return [...names]
}

/** The amount a CASH_SHORT error says is missing, in minor units. */
export function missingCashOf(error: AppError | null): number | null {
  if (!error || error.code !== 'CASH_SHORT' || !isRecord(error.details)) return null
  const missing = error.details.missing
  return typeof missing === 'number' && Number.isSafeInteger(missing) ? missing : null
}
