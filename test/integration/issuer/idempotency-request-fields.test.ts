// Issue 20: the card number left out of the idempotency request hash survived every test. Each
// field of a 0100 that decides the payment is part of what one idempotency key stands for.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuthorizationRequest } from '../../../src/shared/issuer-protocol/issuer-protocol'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import {
  GATEWAY_KINDS,
  authorizationRequest,
  openTestIssuer,
  removeTempFolders,
  type GatewayUnderTest,
} from './issuer-test-kit'

const CAMILLE = { pan: '4970101234567893', securityCode: '314', expiryMonth: 9, expiryYear: 2028 }
const ELODIE = { pan: '4556730011223346' }

afterAll(removeTempFolders)

describe('one idempotency key stands for one request', () => {
  let issuer: IssuerInstance
  let link: GatewayUnderTest
  const inProcess = GATEWAY_KINDS.find((kind) => kind.name === 'in-process')!

  beforeEach(async () => {
    issuer = openTestIssuer()
    link = await inProcess.connect(issuer)
  })
  afterEach(async () => {
    await link.close()
    issuer.close()
  })

  const codeOf = async (overrides: Partial<AuthorizationRequest>) => {
    const answer = await link.gateway.authorize(authorizationRequest(overrides))
    return answer.ok ? answer.value.responseCode : answer.error.code
  }

  it.each<[string, Partial<AuthorizationRequest>]>([
    ['another card number, same expiry', { pan: ELODIE.pan }],
    ['another expiry month', { expiryMonth: 10 }],
    ['another expiry year', { expiryYear: 2029 }],
    ['another terminal', { terminalId: 'TILL02' }],
    ['another currency', { currency: 'USD' }],
    ['another entry mode', { entryMode: 'stored-credential' }],
    ['another brand', { brand: 'mastercard' }],
  ])('the same key with %s is refused as reused, with no second hold', async (_what, change) => {
    const key = `order-${Math.random()}`
    expect(await codeOf({ ...CAMILLE, idempotencyKey: key })).toBe('00')
    expect(await codeOf({ ...CAMILLE, ...change, idempotencyKey: key })).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(issuer.simulator.openHoldsForCard(CAMILLE.pan)).toBe(1)
  })
})
