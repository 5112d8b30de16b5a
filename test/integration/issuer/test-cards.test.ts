import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import {
  GATEWAY_KINDS,
  authorizationRequest,
  openTestIssuer,
  removeTempFolders,
  type GatewayUnderTest,
} from './issuer-test-kit'

const TEST_CARDS: readonly {
  pan: string
  label: string
  code: string
  securityCode?: string
  expiryYear?: number
}[] = [
  { pan: '4242424242424242', label: 'Visa approved', code: '00' },
  { pan: '5555555555554444', label: 'Mastercard approved', code: '00' },
  { pan: '2223003122003222', label: 'Mastercard 2-series approved', code: '00' },
  {
    pan: '378282246310005',
    label: 'Amex approved with a 4-digit code',
    code: '00',
    securityCode: '1234',
  },
  { pan: '4000000000000002', label: 'generic decline', code: '05' },
  { pan: '4000000000009995', label: 'insufficient funds', code: '51' },
  { pan: '4000000000009987', label: 'lost card', code: '41' },
  { pan: '4000000000009979', label: 'stolen card', code: '43' },
  { pan: '4000000000000069', label: 'expired card (its real date)', code: '54', expiryYear: 2023 },
  { pan: '4000000000000069', label: 'expired card (date typed as 12/30)', code: '54' },
  { pan: '4000000000000127', label: 'incorrect security code', code: 'N7' },
  { pan: '4000000000000119', label: 'processing error', code: '96' },
  { pan: '4242424242424241', label: 'incorrect number (fails Luhn)', code: '14' },
]

afterAll(removeTempFolders)

describe.each(GATEWAY_KINDS)('every test card through the $name gateway', (kind) => {
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

  it.each(TEST_CARDS)('$pan answers $code ($label)', async (card) => {
    const before = issuer.simulator.fundsForCard(card.pan)
    const answer = await link.gateway.authorize(
      authorizationRequest({
        pan: card.pan,
        securityCode: card.securityCode ?? '123',
        expiryYear: card.expiryYear ?? 2030,
      }),
    )
    expect(answer.ok && answer.value.responseCode).toBe(card.code)
    if (card.code === '00') {
      expect(answer.ok && answer.value.authorizationCode).toMatch(/^[A-Z0-9]{6}$/)
      expect(issuer.simulator.fundsForCard(card.pan)?.held).toBe((before?.held ?? 0) + 1_000)
    } else {
      expect(answer.ok && answer.value.authorizationCode).toBeUndefined()
      expect(issuer.simulator.fundsForCard(card.pan)?.held ?? 0).toBe(before?.held ?? 0)
    }
  })

  it('a card the issuer never issued answers 14', async () => {
    const answer = await link.gateway.authorize(authorizationRequest({ pan: '4111111111111111' }))
    expect(answer.ok && answer.value.responseCode).toBe('14')
  })

  it('a message that does not parse is refused as malformed, not decided', async () => {
    const answer = await link.gateway.authorize({ ...authorizationRequest(), amount: -5 })
    expect(answer.ok ? answer.value : answer.error.code).toBe('MALFORMED_REQUEST')
  })

  it('an echo answers 00 without touching any account', async () => {
    const answer = await link.gateway.echo()
    expect(answer.ok && answer.value).toEqual({ messageType: '0810', responseCode: '00' })
  })
})
