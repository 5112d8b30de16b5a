import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  AuthorizationRequest,
  AuthorizationResponse,
  IssuerRequest,
} from '../../../src/shared/issuer-protocol/issuer-protocol'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import { authorizationRequest, nextTrace, openTestIssuer, removeTempFolders } from './issuer-test-kit'

// Issue 20: the rules of the issuer's follow-ups and idempotency that the mutation run of
// follow-up-processor.ts and authorization-processor.ts found untested (each test seen failing
// against the mutant, then the source restored). Messages go through the simulator's `process`,
// the decision without faults, as both gateways call it.

const VISA = '4242424242424242'
const PROCESSING_ERROR = '4000000000000119'

afterAll(removeTempFolders)

let issuer: IssuerInstance
beforeEach(() => {
  issuer = openTestIssuer()
})
afterEach(() => issuer.close())

function send(request: IssuerRequest) {
  const answer = issuer.simulator.process(request)
  if (answer.kind !== 'answer') throw new Error(`no answer: ${JSON.stringify(answer)}`)
  return answer.response as { responseCode: string } & Partial<AuthorizationResponse>
}

function authorize(overrides: Partial<AuthorizationRequest> = {}) {
  const request = authorizationRequest({ pan: VISA, ...overrides })
  const response = send(request)
  return { request, response }
}

type FollowUpType = '0400' | '0220' | '0200'
function followUp(messageType: FollowUpType, original: AuthorizationRequest, amount: number, traceNumber = nextTrace()) {
  const base = {
    merchantId: original.merchantId,
    terminalId: original.terminalId,
    traceNumber,
    transmissionTime: new Date().toISOString(),
    originalTraceNumber: original.traceNumber,
    amount,
  }
  return messageType === '0200'
    ? { messageType, processingCode: '200000' as const, ...base }
    : { messageType, ...base }
}

const code = (messageType: FollowUpType, original: AuthorizationRequest, amount: number, traceNumber?: string) =>
  send(followUp(messageType, original, amount, traceNumber)).responseCode

const funds = () => issuer.simulator.fundsForCard(VISA)!

describe('reversals', () => {
  it('a reversal for another amount than the authorization is refused (13) and the hold stays', () => {
    const { request } = authorize({ amount: 2_000 })
    expect(code('0400', request, 1_999)).toBe('13')
    expect(funds().held).toBe(2_000)
    expect(code('0400', request, 2_000)).toBe('00')
    expect(funds().held).toBe(0)
  })

  it('a reversed authorization gives its idempotency key back: the same key then decides a new hold', () => {
    const key = 'reversed-key-1'
    const first = authorize({ amount: 1_500, idempotencyKey: key })
    expect(first.response.responseCode).toBe('00')
    expect(code('0400', first.request, 1_500)).toBe('00')
    const again = authorize({ amount: 1_500, idempotencyKey: key })
    expect(again.response).toMatchObject({ responseCode: '00', replayed: false })
    expect(funds().held).toBe(1_500)
    expect(issuer.simulator.openHoldsForCard(VISA)).toBe(1)
  })
})

describe('captures', () => {
  it('a capture above the authorized amount is refused (13) and moves nothing', () => {
    const { request } = authorize({ amount: 1_000 })
    const before = funds()
    expect(code('0220', request, 1_001)).toBe('13')
    expect(funds()).toEqual(before)
  })

  it('a capture sent again under a new trace after a lost answer is acknowledged, not booked twice; another amount is refused (12)', () => {
    const { request } = authorize({ amount: 3_000 })
    const before = funds()
    expect(code('0220', request, 2_500)).toBe('00')
    const captured = funds()
    expect(captured.balance).toBe(before.balance + 2_500)
    expect(code('0220', request, 2_500)).toBe('00')
    expect(funds()).toEqual(captured)
    expect(code('0220', request, 3_000)).toBe('12')
    expect(funds()).toEqual(captured)
  })

  it('a capture of an authorization reversed before is refused (12), even for its amount', () => {
    const { request } = authorize({ amount: 1_200 })
    expect(code('0400', request, 1_200)).toBe('00')
    expect(code('0220', request, 1_200)).toBe('12')
  })
})

describe('refunds', () => {
  it('a refund of an authorization not yet captured is refused (12)', () => {
    const { request } = authorize({ amount: 1_000 })
    const before = funds()
    expect(code('0200', request, 500)).toBe('12')
    expect(funds()).toEqual(before)
  })

  it('refunds never add up to more than was captured: earlier refunds count', () => {
    const { request } = authorize({ amount: 1_000 })
    expect(code('0220', request, 1_000)).toBe('00')
    const captured = funds()
    expect(code('0200', request, 600)).toBe('00')
    expect(code('0200', request, 401)).toBe('13')
    expect(code('0200', request, 400)).toBe('00')
    expect(code('0200', request, 1)).toBe('13')
    expect(funds().balance).toBe(captured.balance - 1_000)
  })

  it('a refund whose trace number an authorization already took is a duplicate transmission (94)', () => {
    const { request } = authorize({ amount: 1_000 })
    expect(code('0220', request, 1_000)).toBe('00')
    const other = authorize({ amount: 700 })
    const before = funds()
    expect(code('0200', request, 300, other.request.traceNumber)).toBe('94')
    expect(funds()).toEqual(before)
  })
})

describe('one answer per follow-up trace number', () => {
  it('the same trace number sent with another message type is a 94, not the first answer replayed', () => {
    const { request } = authorize({ amount: 1_000 })
    const trace = nextTrace()
    expect(code('0220', request, 1_000, trace)).toBe('00')
    const before = funds()
    expect(code('0200', request, 1_000, trace)).toBe('94')
    expect(funds()).toEqual(before)
  })

  it('the same trace number sent for another authorization is a 94, not the first answer replayed', () => {
    const first = authorize({ amount: 1_000 })
    const second = authorize({ amount: 1_000 })
    const trace = nextTrace()
    expect(code('0220', first.request, 1_000, trace)).toBe('00')
    expect(code('0220', second.request, 1_000, trace)).toBe('94')
    expect(funds().held).toBe(1_000)
  })
})

describe('idempotent authorizations', () => {
  it('a processing error (96) is not kept as the key answer: the retry is decided again, not replayed', () => {
    const key = 'transient-key-1'
    const first = authorize({ pan: PROCESSING_ERROR, idempotencyKey: key })
    expect(first.response).toMatchObject({ responseCode: '96', replayed: false })
    const retry = authorize({ pan: PROCESSING_ERROR, idempotencyKey: key })
    expect(retry.response).toMatchObject({ responseCode: '96', replayed: false })
  })

  it('a refusal about the cardholder is kept: the retry with the same key is the first answer replayed', () => {
    const key = 'declined-key-1'
    const first = authorize({ pan: VISA, amount: 99_999_999, idempotencyKey: key })
    expect(first.response.responseCode).not.toBe('00')
    const retry = authorize({ pan: VISA, amount: 99_999_999, idempotencyKey: key })
    expect(retry.response).toMatchObject({ responseCode: first.response.responseCode, replayed: true })
  })
})

describe('the ledger', () => {
  it('a balance adjusted by hand is one journal row: the cached balance and the journal agree', () => {
    const { repositories } = issuer
    const account = repositories.accounts.findByPanHash(issuer.hasher.panHash(VISA))!
    repositories.ledger.adjust(account.id, -2_345, new Date().toISOString())
    const after = funds()
    expect(after.balance).toBe(account.balance - 2_345)
    expect(after.fromJournal).toEqual({ balance: after.balance, held: after.held })
    repositories.ledger.adjust(account.id, 2_345, new Date().toISOString())
    expect(funds().balance).toBe(account.balance)
  })
})
