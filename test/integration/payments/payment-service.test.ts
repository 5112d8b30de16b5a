import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../src/platform/logging/logger'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import { PaymentService } from '../../../src/main/payments/payment-service'
import type { AuthorizationOutcome } from '../../../src/main/payments/payment-outcome'
import {
  GATEWAY_KINDS,
  folders,
  openTestIssuer,
  removeTempFolders,
  type GatewayUnderTest,
} from '../issuer/issuer-test-kit'
import { MERCHANT, VISA, openMerchantSide, type MerchantSide } from './payment-test-kit'

const VISA_PAN = '4242424242424242'

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const ANSWERING_TIMEOUT_MS = 5_000
const SILENCE_TIMEOUT_MS = 200

describe.each(GATEWAY_KINDS)('the payment software through the $name gateway', (kind) => {
  let issuer: IssuerInstance
  let link: GatewayUnderTest
  let merchant: MerchantSide
  let service: PaymentService
  let logFile: string

  const pay = async (
    card = VISA,
    amount = 2_590,
    idempotencyKey = PaymentService.newIdempotencyKey(),
  ) => {
    const result = await service.authorizeCard({
      card,
      amount,
      idempotencyKey,
      orderReference: 'ORD-1001',
    })
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }

  beforeEach(async () => {
    issuer = openTestIssuer()
    link = await kind.connect(issuer)
    merchant = openMerchantSide()
    logFile = join(merchant.folder, 'logs', 'main.log')
    service = makeService(ANSWERING_TIMEOUT_MS)
  })

  /**
   * Tests that expect an answer wait generously, so that a loaded CI machine cannot turn an
   * approval into a timeout; tests of a silent issuer use a short wait on purpose.
   */
  function makeService(timeoutMs: number): PaymentService {
    return new PaymentService({
      gateway: link.gateway,
      attempts: merchant.attempts,
      merchant: MERCHANT,
      timeoutMs,
      reversalRetry: { callTimeoutMs: 200, initialDelayMs: 20, maxDelayMs: 100 },
      logger: createLogger(logFile, { quiet: true }),
    })
  }

  function expectSilences(): void {
    service.close()
    service = makeService(SILENCE_TIMEOUT_MS)
  }
  afterEach(async () => {
    service.close()
    await link.close()
    issuer.close()
    merchant.db.close()
  })

  it('an approved payment is recorded with BIN, last four, code, authorization code, latency and transport', async () => {
    // A clock that moves only while the issuer answers: 1 234 ms of it, whatever the machine.
    let clock = 10_000
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const authorize = link.gateway.authorize.bind(link.gateway)
    const answering = vi.spyOn(link.gateway, 'authorize').mockImplementation(async (...args) => {
      const answer = await authorize(...args)
      clock += 1_234
      return answer
    })
    let outcome: Awaited<ReturnType<typeof pay>>
    try {
      outcome = await pay()
    } finally {
      now.mockRestore()
      answering.mockRestore()
    }
    expect(outcome).toMatchObject({
      kind: 'approved',
      amount: 2_590,
      card: { bin: '424242', lastFour: '4242', masked: '4242 42•• •••• 4242' },
    })
    const [attempt] = merchant.attempts.forReference('ORD-1001')
    expect(attempt).toMatchObject({
      attemptNumber: 1,
      outcome: 'approved',
      brand: 'visa',
      bin: '424242',
      lastFour: '4242',
      responseCode: '00',
      responseMeaning: 'approved',
      authorizationCode: outcome.kind === 'approved' ? outcome.authorizationCode : '',
      transport: link.gateway.transport,
      reversalStatus: 'none',
    })
    expect(attempt?.latencyMs).toBe(1_234)
    expect(outcome.kind === 'approved' && outcome.latencyMs).toBe(1_234)
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(2_590)
  })

  it('a decline tells the cashier what happened and what to do next, in French and English', async () => {
    const outcome = await pay({
      number: '4000 0000 0000 9995',
      expiry: '12/30',
      securityCode: '123',
    })
    expect(outcome).toMatchObject({
      kind: 'declined',
      responseCode: '51',
      meaning: 'insufficient funds',
      nextSteps: ['another-card', 'cash'],
    })
    expect(outcome.kind === 'declined' && outcome.message.fr).toMatch(/espèces/)
    const second = await pay({
      number: '4000 0000 0000 0002',
      expiry: '12/30',
      securityCode: '123',
    })
    expect(
      merchant.attempts
        .forReference('ORD-1001')
        .map((attempt) => [attempt.attemptNumber, attempt.responseCode]),
    ).toEqual([
      [1, '51'],
      [2, '05'],
    ])
    expect(second.kind).toBe('declined')
  })

  it('a processing error (96) reads as the issuer being unavailable', async () => {
    const outcome = await pay({
      number: '4000 0000 0000 0119',
      expiry: '12/30',
      securityCode: '123',
    })
    expect(outcome).toMatchObject({
      kind: 'unavailable',
      reason: 'system-malfunction',
      responseCode: '96',
    })
  })

  it('a mistyped card never reaches the issuer, and the error names the field', async () => {
    const result = await service.authorizeCard({
      card: { ...VISA, number: '4242 4242 4242 4241' },
      amount: 100,
      idempotencyKey: 'k-typo-0001',
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'number', code: 'FAILS_CHECK_DIGIT' }] },
    })
    expect(merchant.attempts.forIdempotencyKey('k-typo-0001')).toHaveLength(0)
  })

  it('the same checkout submitted twice leaves exactly one hold', async () => {
    const key = PaymentService.newIdempotencyKey()
    const first = await pay(VISA, 4_200, key)
    const second = await pay(VISA, 4_200, key)
    expect(second).toMatchObject({ kind: 'approved', replayed: true })
    expect(
      first.kind === 'approved' && second.kind === 'approved' && second.authorizationCode,
    ).toBe(first.kind === 'approved' && first.authorizationCode)
    expect(issuer.simulator.openHoldsForCard(VISA_PAN)).toBe(1)
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(4_200)
  })

  it('the same checkout submitted twenty times at once leaves exactly one hold', async () => {
    const key = PaymentService.newIdempotencyKey()
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => pay(VISA, 4_200, key)))
    expect(outcomes.every((outcome) => outcome.kind === 'approved')).toBe(true)
    expect(issuer.simulator.openHoldsForCard(VISA_PAN)).toBe(1)
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(4_200)
    expect(merchant.attempts.forIdempotencyKey(key)).toHaveLength(20)
  })

  it('reusing a payment key for another amount is refused, not charged', async () => {
    const key = PaymentService.newIdempotencyKey()
    await pay(VISA, 1_000, key)
    const result = await service.authorizeCard({ card: VISA, amount: 1_001, idempotencyKey: key })
    expect(!result.ok && result.error.code).toBe('CONFLICT')
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(1_000)
  })

  it('a silent issuer: the attempt times out, a reversal is sent, and available funds are back', async () => {
    const before = issuer.simulator.fundsForCard(VISA_PAN)!
    expectSilences()
    issuer.simulator.setFaults({ silentShare: 1, appliesTo: ['authorization'] })
    const outcome = await pay()
    expect(outcome).toMatchObject({
      kind: 'timed-out',
      reversal: 'acknowledged',
      nextSteps: ['retry', 'cash'],
    })
    await service.settleReversals()
    expect(issuer.simulator.fundsForCard(VISA_PAN)).toMatchObject({
      available: before.available,
      held: 0,
    })
    expect(merchant.attempts.forReference('ORD-1001')[0]).toMatchObject({
      outcome: 'timed-out',
      reversalStatus: 'acknowledged',
    })
  })

  it('a cashier who stops waiting ends a silent wait as the timeout would: timed out, reversed, funds back', async () => {
    const before = issuer.simulator.fundsForCard(VISA_PAN)!
    // The automatic timeout is the long one: only the stop can end this wait early.
    issuer.simulator.setFaults({ silentShare: 1, appliesTo: ['authorization'] })
    const stop = new AbortController()
    const paying = service.authorizeCard({
      card: VISA,
      amount: 2_590,
      idempotencyKey: PaymentService.newIdempotencyKey(),
      orderReference: 'ORD-1001',
      stopWaiting: stop.signal,
    })
    // The issuer has placed its hold and keeps silent; then the cashier stops waiting.
    await vi.waitFor(() => expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(2_590))
    stop.abort()
    const result = await paying
    expect(result.ok && result.value).toMatchObject({ kind: 'timed-out', nextSteps: ['retry', 'cash'] })
    await service.settleReversals()
    expect(merchant.attempts.forReference('ORD-1001')[0]).toMatchObject({ outcome: 'timed-out', reversalStatus: 'acknowledged' })
    expect(issuer.simulator.fundsForCard(VISA_PAN)).toMatchObject({ available: before.available, held: 0 })
  })

  it('a reversal is retried until the issuer acknowledges it', async () => {
    const before = issuer.simulator.fundsForCard(VISA_PAN)!
    // The authorization's answer is lost; the issuer then answers 91 to reversals for a while.
    expectSilences()
    issuer.simulator.setFaults({
      silentShare: 1,
      overrides: { reversal: { silentShare: 0, share91: 1 } },
    })
    const outcome: AuthorizationOutcome = await pay()
    expect(outcome).toMatchObject({ kind: 'timed-out', reversal: 'pending' })
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(2_590)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(merchant.attempts.forReference('ORD-1001')[0]?.reversalStatus).toBe('pending')
    issuer.simulator.setFaults({})
    await service.settleReversals()
    expect(issuer.simulator.fundsForCard(VISA_PAN)).toMatchObject({
      available: before.available,
      held: 0,
    })
    expect(merchant.attempts.forReference('ORD-1001')[0]?.reversalStatus).toBe('acknowledged')
  })

  it('an issuer answering 91 is unavailable and nothing is held', async () => {
    issuer.simulator.setFaults({ share91: 1 })
    expect(await pay()).toMatchObject({
      kind: 'unavailable',
      reason: 'issuer-inoperative',
      responseCode: '91',
    })
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(0)
  })

  it('capture when the order is fulfilled, then a partial refund', async () => {
    const before = issuer.simulator.fundsForCard(VISA_PAN)!
    const outcome = await pay(VISA, 5_000)
    const captured = await service.capture(outcome.attemptId)
    expect(captured.ok && captured.value.capturedAmount).toBe(5_000)
    expect(issuer.simulator.fundsForCard(VISA_PAN)).toMatchObject({
      balance: before.balance + 5_000,
      held: 0,
    })
    const refunded = await service.refund(outcome.attemptId, 1_200)
    expect(refunded.ok && refunded.value.refundedAmount).toBe(1_200)
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.balance).toBe(before.balance + 3_800)
    const tooMuch = await service.refund(outcome.attemptId, 3_801)
    expect(!tooMuch.ok && tooMuch.error.code).toBe('VALIDATION_FAILED')
  })

  it('a customer who cancels after approval gets the hold released', async () => {
    const outcome = await pay(VISA, 3_000)
    const reversed = await service.reverse(outcome.attemptId)
    expect(reversed.ok && reversed.value.reversalStatus).toBe('acknowledged')
    expect(issuer.simulator.fundsForCard(VISA_PAN)?.held).toBe(0)
    const capture = await service.capture(outcome.attemptId)
    expect(!capture.ok && capture.error.code).toBe('CONFLICT')
  })

  it('no full card number and no security code in the data folders or the logs', async () => {
    expectSilences()
    issuer.simulator.setFaults({ silentShare: 0.5, appliesTo: ['authorization'] })
    await pay()
    await pay({ number: '3782 822463 10005', expiry: '12/30', securityCode: '1234' })
    await pay({ number: '4000 0000 0000 0127', expiry: '12/30', securityCode: '123' })
    await service.settleReversals()
    const log = readFileSync(logFile, 'utf8')
    expect(log).toContain('Card payment attempt')
    expect(log).not.toMatch(/"(securityCode|cvc)"/i)
    expect(log).not.toMatch(/\b1234\b/)
    for (const folder of folders) {
      for (const file of filesUnder(folder)) {
        const content = readFileSync(file).toString('latin1')
        for (const pan of [VISA_PAN, '378282246310005', '4000000000000127'])
          expect(content, file).not.toContain(pan)
      }
    }
    const columns = merchant.db.prepare('SELECT * FROM payment_attempts').all()
    expect(JSON.stringify(columns)).not.toMatch(/securityCode|"123"|"1234"/)
  })
})

afterAll(removeTempFolders)
