import { afterEach, describe, expect, it } from 'vitest'
import { formatExpiry } from '@shared/cards'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

const card = (expiry: string) => ({ number: '4242 4242 4242 4242', expiry, securityCode: '123', holderName: 'Jeanne Client' })

async function saleFor(name: string) {
  const customer = await subject.value('customers.create', { name })
  const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
  await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 })
  const order = await subject.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
  return { customer, order }
}

describe('a card expiry is parsed once, into one value, wherever it enters', () => {
  it.each(['12-30', '1230', '12/30', '12/2030', '12 30'])(
    'a card typed with expiry %s is approved, saved, and shows 12/30',
    async (typed) => {
      subject = createTempApp()
      await subject.loginAs('cashier')
      const { customer, order } = await saleFor(`Client ${typed}`)
      const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: card(typed), saveCard: true })
      expect(paid.status).toBe('delivered')
      expect(paid.cardSaving).toBe('saved')
      const saved = await subject.value('customers.savedCards', { customerId: customer.id })
      expect(saved).toHaveLength(1)
      expect(saved[0]).toMatchObject({ expiryMonth: 12, expiryYear: 2030 })
      expect(formatExpiry({ month: saved[0]!.expiryMonth, year: saved[0]!.expiryYear })).toBe('12/30')
    },
  )

  it('an expiry that is not a month is refused at the contract, naming the field, before any payment', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const { order } = await saleFor('Client refusé')
    const answer = await subject.call('checkout.payByCard', { orderId: order.id, card: card('13/30') })
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: ['card', 'expiry'] }] } })
    expect(subject.app.db.prepare('SELECT count(*) FROM payment_attempts').pluck().get()).toBe(0)
  })

  it('a card the vault could not keep is said in the answer; the approved payment stands', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const { customer, order } = await saleFor('Client sans carte')
    subject.app.db.exec(
      "CREATE TRIGGER refuse_saved_card BEFORE INSERT ON saved_cards BEGIN SELECT RAISE(ABORT, 'vault unavailable'); END",
    )
    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: card('12/30'), saveCard: true })
    expect(paid.status).toBe('delivered')
    expect(paid.cardSaving).toBe('failed')
    expect(await subject.value('customers.savedCards', { customerId: customer.id })).toEqual([])
  })

  it('a payment that did not ask to save the card says nothing about saving', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const { order } = await saleFor('Client discret')
    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: card('1230') })
    expect(paid.status).toBe('delivered')
    expect(paid.cardSaving).toBeUndefined()
  })
})
