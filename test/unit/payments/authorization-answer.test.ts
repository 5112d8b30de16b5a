import { describe, expect, it } from 'vitest'
import { err, ok, type Result } from '@shared/contract/result'
import type { AuthorizationResponse } from '@shared/issuer-protocol/issuer-protocol'
import { interpretAuthorizationAnswer } from '../../../src/main/payments/authorization-answer'
import type { PaymentAttempt } from '../../../src/main/payments/payment-attempt-repository'
import { TIMED_OUT_MESSAGE, UNREACHABLE_MESSAGE, UNREADABLE_MESSAGE } from '../../../src/main/payments/payment-outcome'

// What the till makes of the issuer's answer (issue 20: the rules the mutation run of
// src/main/payments found unchecked): which answers owe a reversal, what the attempt records.

const card = { network: 'visa', brand: 'cb', bin: '424242', lastFour: '4242', masked: '4242 42•• •••• 4242' } as const
const attempt = { id: 7, traceNumber: '000007', amount: 1490, currency: 'EUR' } as PaymentAttempt
const context = { attempt, card, latencyMs: 42 }
const reference = { attemptId: 7, traceNumber: '000007', card, amount: 1490, currency: 'EUR' }

function issuerSaid(responseCode: AuthorizationResponse['responseCode'], authorizationCode?: string): Result<AuthorizationResponse> {
  return ok({
    messageType: '0110',
    merchantId: 'COMPTOIR0001',
    terminalId: 'TILL01',
    traceNumber: '000007',
    responseCode,
    ...(authorizationCode ? { authorizationCode } : {}),
    amount: 1490,
    currency: 'EUR',
    replayed: false,
  })
}

const none = { responseCode: null, responseMeaning: null, authorizationCode: null }

describe('an answer that may have placed a hold we never heard of is reversed', () => {
  it('no answer in time: timed out, a reversal owed, retry or cash', () => {
    expect(interpretAuthorizationAnswer(err('ISSUER_TIMEOUT', 'no answer'), context)).toEqual({
      mustReverse: true,
      record: { outcome: 'timed-out', ...none },
      outcome: { ...reference, kind: 'timed-out', reversal: 'pending', message: TIMED_OUT_MESSAGE, nextSteps: ['retry', 'cash'] },
    })
  })

  it('an unreadable answer and a connection lost mid-answer are told apart in the record, both reversed', () => {
    for (const [code, reason] of [
      ['ISSUER_UNREADABLE_ANSWER', 'unreadable-answer'],
      ['ISSUER_CONNECTION_LOST', 'connection-lost'],
    ] as const) {
      expect(interpretAuthorizationAnswer(err(code, 'gone'), context)).toEqual({
        mustReverse: true,
        record: { outcome: 'unavailable', ...none, responseMeaning: reason },
        outcome: {
          ...reference,
          kind: 'unavailable',
          reason,
          reversal: 'pending',
          message: UNREADABLE_MESSAGE,
          nextSteps: ['retry', 'cash'],
        },
      })
    }
  })

  it('an issuer never reached holds nothing: no reversal', () => {
    expect(interpretAuthorizationAnswer(err('ISSUER_UNREACHABLE', 'refused'), context)).toEqual({
      mustReverse: false,
      record: { outcome: 'unavailable', ...none, responseMeaning: 'unreachable' },
      outcome: {
        ...reference,
        kind: 'unavailable',
        reason: 'unreachable',
        reversal: 'none',
        message: UNREACHABLE_MESSAGE,
        nextSteps: ['retry', 'cash'],
      },
    })
  })
})

describe('a request the issuer would not take is no payment at all', () => {
  it('a payment key already used for another card or amount is a CONFLICT, recorded as rejected', () => {
    const answer = interpretAuthorizationAnswer(err('IDEMPOTENCY_KEY_REUSED', 'reused'), context)
    expect(answer).toMatchObject({
      mustReverse: false,
      record: { outcome: 'rejected', ...none, responseMeaning: 'idempotency key reused' },
      error: { ok: false, error: { code: 'CONFLICT' } },
    })
    expect(answer.outcome).toBeUndefined()
  })

  it('a request refused as malformed is an INTERNAL error, recorded as rejected', () => {
    const answer = interpretAuthorizationAnswer(err('MALFORMED_REQUEST', 'bad'), context)
    expect(answer).toMatchObject({
      mustReverse: false,
      record: { outcome: 'rejected', ...none, responseMeaning: 'refused by the issuer as malformed' },
      error: { ok: false, error: { code: 'INTERNAL' } },
    })
    expect(answer.outcome).toBeUndefined()
  })
})

describe("the issuer's field 39", () => {
  it('00 with an authorization code is an approval carrying the code, the latency and whether it was replayed', () => {
    expect(interpretAuthorizationAnswer(issuerSaid('00', 'A1B2C3'), context)).toMatchObject({
      mustReverse: false,
      record: { outcome: 'approved', responseCode: '00', authorizationCode: 'A1B2C3' },
      outcome: { ...reference, kind: 'approved', authorizationCode: 'A1B2C3', latencyMs: 42, replayed: false },
    })
  })

  it('00 without an authorization code is not an approval: no hold is assumed', () => {
    const answer = interpretAuthorizationAnswer(issuerSaid('00'), context)
    expect(answer.record.outcome).toBe('declined')
    expect(answer.outcome?.kind).toBe('declined')
  })

  it('91 is the issuer inoperative, 96 a system malfunction: unavailable, no reversal, the code kept', () => {
    for (const [code, reason] of [
      ['91', 'issuer-inoperative'],
      ['96', 'system-malfunction'],
    ] as const) {
      const answer = interpretAuthorizationAnswer(issuerSaid(code), context)
      expect(answer).toMatchObject({
        mustReverse: false,
        record: { outcome: 'unavailable', responseCode: code, authorizationCode: null },
        outcome: { kind: 'unavailable', reason, responseCode: code, reversal: 'none' },
      })
    }
  })

  it('51 is a decline with its meaning, the latency and nothing to reverse', () => {
    const answer = interpretAuthorizationAnswer(issuerSaid('51'), context)
    expect(answer).toMatchObject({
      mustReverse: false,
      record: { outcome: 'declined', responseCode: '51', authorizationCode: null },
      outcome: { ...reference, kind: 'declined', responseCode: '51', latencyMs: 42 },
    })
    expect(answer.record.responseMeaning).toBe((answer.outcome as { meaning: string }).meaning)
  })
})
