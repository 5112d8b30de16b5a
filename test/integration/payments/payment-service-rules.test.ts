import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import { MoneyStepRepository } from '../../../src/main/payments/money-step-repository'
import { PaymentService } from '../../../src/main/payments/payment-service'
import { GATEWAY_KINDS, openTestIssuer, type GatewayUnderTest } from '../issuer/issuer-test-kit'
import { MERCHANT, VISA, openMerchantSide, type MerchantSide } from './payment-test-kit'

// Issue 20: rules of payment-service.ts that the mutation run of src/main/payments found
// unchecked; each test is named for the rule it protects. The in-process issuer is enough here.

let issuer: IssuerInstance
let link: GatewayUnderTest
let merchant: MerchantSide
let service: PaymentService

beforeEach(async () => {
  issuer = openTestIssuer()
  link = await GATEWAY_KINDS[0]!.connect(issuer)
  merchant = openMerchantSide()
  service = new PaymentService({
    gateway: link.gateway,
    attempts: merchant.attempts,
    merchant: MERCHANT,
    timeoutMs: 5_000,
    reversalRetry: { callTimeoutMs: 200, initialDelayMs: 20, maxDelayMs: 100 },
  })
})

afterEach(async () => {
  service.close()
  await link.close()
  issuer.close()
  merchant.db.close()
})

async function approved(amount: number): Promise<number> {
  const result = await service.authorizeCard({ card: VISA, amount, idempotencyKey: PaymentService.newIdempotencyKey() })
  if (!result.ok || result.value.kind !== 'approved') throw new Error('not approved')
  return result.value.attemptId
}

describe('an authorization asks for a positive whole number of cents', () => {
  it('0, a negative amount or a fraction of a cent is refused on the amount, and nothing is recorded', async () => {
    for (const amount of [0, -100, 12.5]) {
      const refused = await service.authorizeCard({ card: VISA, amount, idempotencyKey: PaymentService.newIdempotencyKey() })
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: ['amount'] } } })
    }
    expect(merchant.db.prepare('SELECT count(*) FROM payment_attempts').pluck().get()).toBe(0)
  })

  it("an order's first attempt takes the order's key and rank 1", () => {
    expect(service.nextAttemptKey(42, 'order-key')).toBe('order-key:1')
  })
})

describe('a refund gives back at most what was captured and not yet refunded', () => {
  it('exactly the rest is accepted; nothing, or a cent more, is refused on the amount', async () => {
    const attemptId = await approved(5_000)
    await service.capture(attemptId)
    expect(await service.refund(attemptId, 5_001)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { fields: ['amount'] } },
    })
    expect(await service.refund(attemptId, 0)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const all = await service.refund(attemptId, 5_000)
    expect(all).toMatchObject({ ok: true, value: { refundedAmount: 5_000 } })
  })
})

describe('a hold is reversed, a charge is refunded', () => {
  it('a captured payment is not reversed: CONFLICT, and the charge stays', async () => {
    const attemptId = await approved(3_000)
    await service.capture(attemptId)
    expect(await service.reverse(attemptId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(service.attempt(attemptId)).toMatchObject({ capturedAmount: 3_000, reversalStatus: 'none' })
  })

  it('a payment reversed twice sends one reversal: the hold is released once', async () => {
    const attemptId = await approved(3_000)
    await service.reverse(attemptId)
    expect(await service.reverse(attemptId)).toMatchObject({ ok: true, value: { reversalStatus: 'acknowledged' } })
    expect(service.steps.forAttempt(attemptId).filter((step) => step.kind === 'reversal')).toHaveLength(1)
  })

  it('a reversal asked while a capture is still on its way to the issuer is CONFLICT', async () => {
    const attemptId = await approved(3_000)
    issuer.simulator.setFaults({ share91: 1, appliesTo: ['capture'] })
    expect(await service.capture(attemptId)).toMatchObject({ ok: false, error: { code: 'PAYMENT_UNAVAILABLE' } })
    expect(await service.reverse(attemptId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(service.steps.forAttempt(attemptId).map((step) => step.kind)).toEqual(['capture'])
    issuer.simulator.setFaults({})
  })

  it('a payment not approved is neither captured nor reversed: CONFLICT', async () => {
    const declined = await service.authorizeCard({
      card: { number: '4000 0000 0000 0002', expiry: '12/30', securityCode: '123' },
      amount: 1_000,
      idempotencyKey: PaymentService.newIdempotencyKey(),
    })
    if (!declined.ok) throw new Error(declined.error.code)
    expect(await service.capture(declined.value.attemptId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await service.reverse(declined.value.attemptId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('the reconciliation list: what an administrator still has to handle', () => {
  it('a step the issuer refused is listed until marked handled; an attempt marked final leaves the open list', async () => {
    const attemptId = await approved(2_000)
    const step = service.queueStep(attemptId, 'refund', 500, null)
    // The issuer's refusal, written as the sender writes it.
    new MoneyStepRepository(merchant.db).settle(step.id, 'refused', '12', '2026-12-08T10:00:00.000Z')
    expect(service.steps.refusedUnhandled(attemptId).map((refused) => refused.id)).toEqual([step.id])
    service.steps.markRefusedHandled(attemptId, 'marked refunded')
    expect(service.steps.refusedUnhandled(attemptId)).toEqual([])
    expect(service.steps.openAttemptIds()).toContain(attemptId)
    service.steps.markFinal(attemptId)
    expect(service.steps.openAttemptIds()).not.toContain(attemptId)
  })
})
