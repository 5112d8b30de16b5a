import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuthorizationRequest } from '../../../src/shared/issuer-protocol/issuer-protocol'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import {
  GATEWAY_KINDS,
  authorizationRequest,
  nextTrace,
  openTestIssuer,
  removeTempFolders,
  type GatewayUnderTest,
} from './issuer-test-kit'

const LUCAS = {
  pan: '5131009876543218',
  securityCode: '271',
  expiryMonth: 3,
  expiryYear: 2029,
  brand: 'mastercard' as const,
}
const CAMILLE = { pan: '4970101234567893', securityCode: '314', expiryMonth: 9, expiryYear: 2028 }
const ELODIE = { pan: '4556730011223346', securityCode: '455', expiryMonth: 1, expiryYear: 2029 }
const INES = {
  pan: '2224007654321091',
  securityCode: '602',
  expiryMonth: 11,
  expiryYear: 2027,
  brand: 'mastercard' as const,
}

afterAll(removeTempFolders)

describe.each(GATEWAY_KINDS)('issuer rules through the $name gateway', (kind) => {
  let issuer: IssuerInstance
  let link: GatewayUnderTest
  const authorize = async (overrides: Partial<AuthorizationRequest>) => {
    const answer = await link.gateway.authorize(authorizationRequest(overrides))
    if (!answer.ok) throw new Error(answer.error.code)
    return answer.value
  }

  beforeEach(async () => {
    issuer = openTestIssuer({ velocity: { maxAttempts: 5, windowSeconds: 60 } })
    link = await kind.connect(issuer)
  })
  afterEach(async () => {
    await link.close()
    issuer.close()
  })

  it("61: a purchase over the card's per-transaction limit (200 €)", async () => {
    expect((await authorize({ ...LUCAS, amount: 20_001 })).responseCode).toBe('61')
    expect((await authorize({ ...LUCAS, amount: 20_000 })).responseCode).toBe('00')
  })

  it('65: the third 180 € purchase of the day goes over the 500 € daily limit', async () => {
    expect((await authorize({ ...LUCAS, amount: 18_000 })).responseCode).toBe('00')
    expect((await authorize({ ...LUCAS, amount: 18_000 })).responseCode).toBe('00')
    expect((await authorize({ ...LUCAS, amount: 18_000 })).responseCode).toBe('65')
  })

  it('65: too many attempts in the velocity window, even small ones', async () => {
    for (let i = 0; i < 5; i++)
      expect((await authorize({ ...CAMILLE, amount: 100 })).responseCode).toBe('00')
    expect((await authorize({ ...CAMILLE, amount: 100 })).responseCode).toBe('65')
  })

  it('a reversed purchase no longer counts against the daily limit', async () => {
    const first = await authorize({ ...LUCAS, amount: 18_000 })
    await authorize({ ...LUCAS, amount: 18_000 })
    const reversal = await link.gateway.reverse({
      messageType: '0400',
      merchantId: first.merchantId,
      terminalId: first.terminalId,
      traceNumber: nextTrace(),
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: first.traceNumber,
      amount: 18_000,
    })
    expect(reversal.ok && reversal.value.responseCode).toBe('00')
    expect((await authorize({ ...LUCAS, amount: 18_000 })).responseCode).toBe('00')
  })

  it('62: a card the bank restricted', async () => {
    expect((await authorize(ELODIE)).responseCode).toBe('62')
  })

  it('54: an expiry that does not match the account', async () => {
    expect((await authorize({ ...CAMILLE, expiryMonth: 10 })).responseCode).toBe('54')
  })

  it('N7: a manual entry without security code', async () => {
    const { securityCode: _omitted, ...withoutCode } = authorizationRequest(CAMILLE)
    expect((await authorize({ ...withoutCode, securityCode: undefined })).responseCode).toBe('N7')
  })

  it('a stored-credential payment is approved without security code', async () => {
    expect(
      (await authorize({ ...CAMILLE, securityCode: undefined, entryMode: 'stored-credential' }))
        .responseCode,
    ).toBe('00')
  })

  it('57: a currency the account is not held in', async () => {
    expect((await authorize({ ...CAMILLE, currency: 'USD' })).responseCode).toBe('57')
  })

  it('51: credit available is limit - balance - open holds', async () => {
    // Inès: limit 3 000 €, owes 2 750 €: 250 € available.
    expect(issuer.simulator.fundsForCard(INES.pan)?.available).toBe(25_000)
    expect((await authorize({ ...INES, amount: 20_000 })).responseCode).toBe('00')
    expect((await authorize({ ...INES, amount: 5_001 })).responseCode).toBe('51')
    expect((await authorize({ ...INES, amount: 5_000 })).responseCode).toBe('00')
  })

  it('94: the same merchant, terminal and trace number sent twice', async () => {
    const request = authorizationRequest(CAMILLE)
    expect((await authorize(request)).responseCode).toBe('00')
    expect((await authorize(request)).responseCode).toBe('94')
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(1)
  })

  it('the same idempotency key and request replays the first answer, with one hold', async () => {
    const first = await authorize({ ...CAMILLE, idempotencyKey: 'order-42-card-1' })
    const again = await authorize({ ...CAMILLE, idempotencyKey: 'order-42-card-1' })
    expect(again).toMatchObject({
      responseCode: '00',
      authorizationCode: first.authorizationCode,
      replayed: true,
    })
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(1)
  })

  it('the same idempotency key with another amount is an error, not a second hold', async () => {
    await authorize({ ...CAMILLE, idempotencyKey: 'order-43-card-1' })
    const answer = await link.gateway.authorize(
      authorizationRequest({ ...CAMILLE, amount: 2_000, idempotencyKey: 'order-43-card-1' }),
    )
    expect(answer.ok ? answer.value : answer.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(1)
  })

  it('twenty concurrent requests with one key place exactly one hold', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        authorize({ ...CAMILLE, idempotencyKey: 'order-44-card-1' }),
      ),
    )
    expect(new Set(answers.map((answer) => answer.authorizationCode)).size).toBe(1)
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1)
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(1)
  })

  it('hold, capture, refund: balance moves only at capture, and back at refund', async () => {
    const before = issuer.simulator.fundsForCard(CAMILLE.pan)!
    const approved = await authorize({ ...CAMILLE, amount: 4_500 })
    const follow = (amount: number) => ({
      merchantId: approved.merchantId,
      terminalId: approved.terminalId,
      traceNumber: nextTrace(),
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: approved.traceNumber,
      amount,
    })
    expect(issuer.simulator.fundsForCard(CAMILLE.pan)).toMatchObject({
      balance: before.balance,
      held: 4_500,
    })
    const capture = await link.gateway.capture({ messageType: '0220', ...follow(4_000) })
    expect(capture.ok && capture.value.responseCode).toBe('00')
    // A partial capture releases the rest of the hold.
    expect(issuer.simulator.fundsForCard(CAMILLE.pan)).toMatchObject({
      balance: before.balance - 4_000,
      held: 0,
    })
    const tooMuch = await link.gateway.refund({
      messageType: '0200',
      processingCode: '200000',
      ...follow(4_001),
    })
    expect(tooMuch.ok && tooMuch.value.responseCode).toBe('13')
    const refund = await link.gateway.refund({
      messageType: '0200',
      processingCode: '200000',
      ...follow(1_500),
    })
    expect(refund.ok && refund.value.responseCode).toBe('00')
    expect(issuer.simulator.fundsForCard(CAMILLE.pan)).toMatchObject({
      balance: before.balance - 2_500,
      held: 0,
    })
    const reversal = await link.gateway.reverse({ messageType: '0400', ...follow(4_500) })
    expect(reversal.ok && reversal.value.responseCode).toBe('12')
  })

  it('a reversal that arrives before its original leaves no hold when the original comes late', async () => {
    const late = authorizationRequest({ ...CAMILLE })
    const reversal = await link.gateway.reverse({
      messageType: '0400',
      merchantId: late.merchantId,
      terminalId: late.terminalId,
      traceNumber: nextTrace(),
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: late.traceNumber,
      amount: late.amount,
    })
    expect(reversal.ok && reversal.value.responseCode).toBe('00')
    expect((await authorize(late)).responseCode).toBe('94')
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(0)
  })

  it('injected faults: 91 and 96 answers write nothing', async () => {
    issuer.simulator.setFaults({ share91: 1 })
    expect((await authorize(CAMILLE)).responseCode).toBe('91')
    issuer.simulator.setFaults({ share96: 1 })
    expect((await authorize(CAMILLE)).responseCode).toBe('96')
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(0)
  })
})
