import { describe, expect, it } from 'vitest'
import { refusalOf, type RefusedOutcome } from '../../../src/main/payments/payment-refusal'
import { TIMED_OUT_MESSAGE, UNREACHABLE_MESSAGE } from '../../../src/main/payments/payment-outcome'

const reference = {
  attemptId: 7,
  traceNumber: '000007',
  card: { network: 'visa', brand: 'cb', bin: '424242', lastFour: '4242', masked: '4242 42•• •••• 4242' },
  amount: 1490,
  currency: 'EUR',
} as const

describe('what an order keeps of a card that was not approved', () => {
  it("a decline keeps the issuer's code and answers CARD_DECLINED", () => {
    const outcome: RefusedOutcome = {
      ...reference,
      kind: 'declined',
      responseCode: '51',
      meaning: 'insufficient funds',
      message: { fr: 'Provision insuffisante.', en: 'Insufficient funds.' },
      nextSteps: ['another-card', 'cash'],
      latencyMs: 12,
    }
    expect(refusalOf(outcome)).toEqual({
      code: '51',
      errorCode: 'CARD_DECLINED',
      meaning: 'insufficient funds',
      message: outcome.message,
      nextSteps: ['another-card', 'cash'],
      card: reference.card,
    })
  })

  it('no answer in time is kept as TIMEOUT and answers PAYMENT_UNAVAILABLE', () => {
    const refusal = refusalOf({ ...reference, kind: 'timed-out', reversal: 'acknowledged', message: TIMED_OUT_MESSAGE, nextSteps: ['retry'] })
    expect(refusal).toMatchObject({ code: 'TIMEOUT', errorCode: 'PAYMENT_UNAVAILABLE', meaning: 'timed-out' })
  })

  it("an issuer that could not decide keeps its own code, or 91 when it gave none", () => {
    const unavailable = { ...reference, kind: 'unavailable', reversal: 'none', message: UNREACHABLE_MESSAGE, nextSteps: ['retry'] } as const
    expect(refusalOf({ ...unavailable, reason: 'system-malfunction', responseCode: '96' })).toMatchObject({ code: '96', errorCode: 'PAYMENT_UNAVAILABLE', meaning: 'unavailable' })
    expect(refusalOf({ ...unavailable, reason: 'unreachable' })).toMatchObject({ code: '91', errorCode: 'PAYMENT_UNAVAILABLE' })
  })
})
