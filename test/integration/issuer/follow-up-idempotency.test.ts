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

const CAMILLE = { pan: '4970101234567893', securityCode: '314', expiryMonth: 9, expiryYear: 2028 }

afterAll(removeTempFolders)

describe.each(GATEWAY_KINDS)('follow-ups and inquiries through the $name gateway', (kind) => {
  let issuer: IssuerInstance
  let link: GatewayUnderTest
  beforeEach(async () => {
    issuer = openTestIssuer()
    link = await kind.connect(issuer)
  })
  afterEach(async () => {
    await link.close()
    issuer.close()
  })

  const authorize = async (overrides: Partial<AuthorizationRequest>) => {
    const answer = await link.gateway.authorize(authorizationRequest(overrides))
    if (!answer.ok) throw new Error(answer.error.code)
    return answer.value
  }
  const follow = (original: { merchantId: string; terminalId: string; traceNumber: string }, amount: number) => ({
    merchantId: original.merchantId,
    terminalId: original.terminalId,
    traceNumber: nextTrace(),
    transmissionTime: new Date().toISOString(),
    originalTraceNumber: original.traceNumber,
    amount,
  })
  const inquire = async (original: { merchantId: string; terminalId: string; traceNumber: string }) => {
    const answer = await link.gateway.inquire({
      messageType: '0600',
      merchantId: original.merchantId,
      terminalId: original.terminalId,
      traceNumber: nextTrace(),
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: original.traceNumber,
    })
    if (!answer.ok) throw new Error(answer.error.code)
    return answer.value
  }

  it('a capture and a refund sent twice with the same step trace move the money once and answer the same', async () => {
    const before = issuer.simulator.fundsForCard(CAMILLE.pan)!
    const approved = await authorize({ ...CAMILLE, amount: 3_000 })
    expect(await inquire(approved)).toMatchObject({ state: 'held', amount: 3_000, capturedAmount: 0, responseCode: '00' })
    const capture = { messageType: '0220' as const, ...follow(approved, 3_000) }
    for (let time = 0; time < 2; time++) {
      const answer = await link.gateway.capture(capture)
      expect(answer.ok && answer.value.responseCode).toBe('00')
    }
    const refund = { messageType: '0200' as const, processingCode: '200000' as const, ...follow(approved, 1_000) }
    for (let time = 0; time < 3; time++) {
      const answer = await link.gateway.refund(refund)
      expect(answer.ok && answer.value.responseCode).toBe('00')
    }
    expect(issuer.simulator.fundsForCard(CAMILLE.pan)).toMatchObject({ balance: before.balance - 2_000, held: 0 })
    expect(await inquire(approved)).toMatchObject({ state: 'captured', capturedAmount: 3_000, refundedAmount: 1_000 })
    // The same step trace reused for another amount is a duplicate transmission.
    const reused = await link.gateway.refund({ ...refund, amount: 500 })
    expect(reused.ok && reused.value.responseCode).toBe('94')
  })

  it('a reversal sent again is acknowledged again; the inquiry says released', async () => {
    const approved = await authorize({ ...CAMILLE, amount: 2_000 })
    const reversal = { messageType: '0400' as const, ...follow(approved, 2_000) }
    for (let time = 0; time < 2; time++) {
      const answer = await link.gateway.reverse(reversal)
      expect(answer.ok && answer.value.responseCode).toBe('00')
    }
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(0)
    expect(await inquire(approved)).toMatchObject({ state: 'released', amount: 2_000 })
  })

  it('the inquiry of a trace never seen is unknown (25), and released when a reversal came first', async () => {
    const never = authorizationRequest({ ...CAMILLE })
    expect(await inquire(never)).toMatchObject({ state: 'unknown', responseCode: '25', amount: 0 })
    await link.gateway.reverse({ messageType: '0400', ...follow(never, never.amount) })
    expect(await inquire(never)).toMatchObject({ state: 'released', responseCode: '00' })
  })

  it('a malformed inquiry is refused like any malformed message', async () => {
    const answer = await link.gateway.inquire({
      messageType: '0600',
      merchantId: 'M',
      terminalId: 'T',
      traceNumber: '12',
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: '000001',
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } })
  })
})
