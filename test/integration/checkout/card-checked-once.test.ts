import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as cardValidation from '../../../src/shared/cards/card-validation'
import { CardVault } from '../../../src/main/payments/card-vault'
import { createTempApp, type TempApp } from '../../support/temp-app'

// Every caller of the card check goes through this spy: it counts the checks of one payment.
vi.mock('../../../src/shared/cards/card-validation', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/shared/cards/card-validation')>()
  return { ...actual, validateCardEntry: vi.fn(actual.validateCardEntry) }
})

let subject: TempApp
afterEach(() => {
  subject.dispose()
  vi.restoreAllMocks()
})
beforeEach(() => {
  vi.mocked(cardValidation.validateCardEntry).mockClear()
})

const CODE = '123'
const CARD = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: CODE, holderName: 'Jeanne Client', coBadgedCb: true }

async function orderFor(customerId: number | null) {
  const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
  await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 })
  return subject.value('checkout.begin', { customerId, delivery: { option: 'pickup' } })
}

describe('a typed card is checked once, where it enters main', () => {
  it('one card payment runs the card check once; the vault keeps the checked value and no security code', async () => {
    subject = createTempApp({ now: () => new Date('2026-03-01T10:00:00Z') })
    const saveChecked = vi.spyOn(CardVault.prototype, 'saveChecked')
    const save = vi.spyOn(CardVault.prototype, 'save')
    await subject.loginAs('cashier')
    const customer = await subject.value('customers.create', { name: 'Jeanne Client' })
    const order = await orderFor(customer.id)

    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: CARD, saveCard: true })

    expect(paid.status).toBe('delivered')
    expect(paid.cardSaving).toBe('saved')
    expect(cardValidation.validateCardEntry).toHaveBeenCalledTimes(1)
    expect(save).not.toHaveBeenCalled()
    expect(saveChecked).toHaveBeenCalledTimes(1)
    const [checked, consent] = saveChecked.mock.calls[0]!
    expect(checked).toBe(vi.mocked(cardValidation.validateCardEntry).mock.results[0]!.value.value)
    expect(checked).toMatchObject({ pan: '4242424242424242', network: 'visa', routingBrand: 'cb', expiry: { month: 12, year: 2030 } })
    expect(consent).toEqual({ holderName: 'Jeanne Client', customerReference: `customer-${customer.id}`, consentAt: expect.any(Date) })

    const row = subject.app.db.prepare('SELECT * FROM saved_cards').get() as Record<string, unknown>
    expect(Object.keys(row).filter((column) => /security|cvc|cvv/i.test(column))).toEqual([])
    expect(Object.values(row).map(String)).not.toContain(CODE)
    expect(row).toMatchObject({ network: 'visa', last_four: '4242', expiry_month: 12, expiry_year: 2030 })
  })

  it('a mistyped card is refused by that one check, before the issuer is asked', async () => {
    subject = createTempApp({ now: () => new Date('2026-03-01T10:00:00Z') })
    await subject.loginAs('cashier')
    const order = await orderFor(null)
    const answer = await subject.call('checkout.payByCard', {
      orderId: order.id,
      card: { ...CARD, number: '4242 4242 4242 4241' },
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'number', code: 'FAILS_CHECK_DIGIT' }] } } })
    expect(cardValidation.validateCardEntry).toHaveBeenCalledTimes(1)
    expect(subject.app.db.prepare('SELECT count(*) FROM payment_attempts').pluck().get()).toBe(0)
  })

  it('the security code reaches no log file', async () => {
    subject = createTempApp({ now: () => new Date('2026-03-01T10:00:00Z') })
    await subject.loginAs('cashier')
    const order = await orderFor(null)
    await subject.value('checkout.payByCard', { orderId: order.id, card: CARD })
    const logs = join(subject.dataDir, 'logs')
    for (const name of readdirSync(logs)) {
      const text = readFileSync(join(logs, name), 'utf8')
      expect(text).not.toContain('4242424242424242')
      expect(text).not.toMatch(new RegExp(`securityCode\\W+${CODE}`))
    }
  })
})
