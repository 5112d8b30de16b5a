import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestingPinia } from '@pinia/testing'
import type { OrderInfo, Result } from '@shared/contract'
import { useCheckoutStore } from '@renderer/stores/checkout'
import { answered, main, refused } from './support/fake-bridge'
import { COFFEE, EBOOK, MUG, cartOf, orderOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

const TEST_CARD = { number: '4970 1012 3456 7899', expiry: '12/30', securityCode: '123', holderName: 'Alex Martin' }

function freshStore() {
  createTestingPinia({ stubActions: false, createSpy: vi.fn })
  return useCheckoutStore()
}

/** A till with coffee and a mug in the cart; main freezes whatever it is sent into order 501. */
function tillWithGoods(): void {
  const cart = cartOf([[COFFEE, 2], [MUG, 1]])
  main.answer('cart.get', () => answered(cart))
  main.answer('checkout.begin', () => answered(orderOf(cart)))
}

describe('the checkout store', () => {
  beforeEach(() => main.reset())

  it('an empty cart does not start a checkout and freezes no order', async () => {
    main.answer('cart.get', () => answered(cartOf([])))
    const checkout = freshStore()

    expect(await checkout.start('fr')).toBe(false)
    expect(main.inputsOf('checkout.begin')).toEqual([])
  })

  it('a pickup sale freezes the cart into an order at once and may be paid', async () => {
    tillWithGoods()
    const checkout = freshStore()

    expect(await checkout.start('en')).toBe(true)

    expect(main.inputsOf('checkout.begin')).toEqual([{ customerId: null, delivery: { option: 'pickup' }, locale: 'en' }])
    expect(checkout.order?.quote.totals.ttc).toBe(2150)
    expect(checkout.ready).toBe(true)
  })

  it('shipping waits for a complete address before an order is frozen, then sends it trimmed', async () => {
    tillWithGoods()
    const checkout = freshStore()
    await checkout.start('fr')
    main.sent.length = 0

    checkout.setDelivery('standard')
    expect(await checkout.sync()).toBeNull()
    expect(checkout.ready).toBe(false)

    Object.assign(checkout.address, { recipient: 'Alex Martin', line1: ' 3 rue des Lilas ', postcode: '69003', city: 'Lyon' })
    await checkout.sync()

    const [sent] = main.inputsOf('checkout.begin')
    expect(sent?.delivery).toMatchObject({ option: 'standard', address: { line1: '3 rue des Lilas', postcode: '69003', country: 'FR' } })
  })

  it('a digital-only cart has nothing to ship', async () => {
    const cart = cartOf([[EBOOK, 1]])
    main.answer('cart.get', () => answered(cart))
    main.answer('checkout.begin', () => answered(orderOf(cart)))
    const checkout = freshStore()

    await checkout.start('fr')

    expect(checkout.hasPhysicalGoods).toBe(false)
  })

  it('a second press on Pay while the first payment is on its way sends nothing more', async () => {
    tillWithGoods()
    let answerPayment!: (result: Result<OrderInfo>) => void
    main.answer('checkout.payByCard', () => new Promise((resolve) => (answerPayment = resolve)))
    const checkout = freshStore()
    await checkout.start('fr')

    const first = checkout.payByCard(TEST_CARD, false)
    const second = await checkout.payByCard(TEST_CARD, false)
    expect(second).toBeNull()
    expect(checkout.paying).toBe(true)

    answerPayment(answered(orderOf(cartOf([[COFFEE, 2], [MUG, 1]]), 'paid')))
    await first
    expect(main.inputsOf('checkout.payByCard')).toHaveLength(1)
    expect(checkout.order?.status).toBe('paid')
    expect(checkout.paying).toBe(false)
  })

  it('a declined card is kept as the payment error, and the card itself is not kept in the store', async () => {
    tillWithGoods()
    main.answer('checkout.payByCard', () => refused('CARD_DECLINED', 'Insufficient funds'))
    const checkout = freshStore()
    await checkout.start('fr')

    const result = await checkout.payByCard(TEST_CARD, false)

    expect(result?.ok).toBe(false)
    expect(checkout.paymentError?.code).toBe('CARD_DECLINED')
    expect(JSON.stringify(checkout.$state)).not.toContain('4970')
    expect(JSON.stringify(checkout.$state)).not.toContain('"123"')
  })

  it('a card is saved only for a chosen customer', async () => {
    tillWithGoods()
    main.answer('checkout.payByCard', () => answered(orderOf(cartOf([[MUG, 1]]), 'paid')))
    const checkout = freshStore()
    await checkout.start('fr')

    await checkout.payByCard(TEST_CARD, true)

    expect(main.inputsOf('checkout.payByCard')[0]).toMatchObject({ orderId: 501, saveCard: false })
  })

  it('cancelling gives the order up and hands the till back the delivery it had chosen', async () => {
    const cart = { ...cartOf([[MUG, 1]]), delivery: { option: 'standard' as const, zone: 'FR' as const } }
    main.answer('cart.get', () => answered(cart))
    main.answer('checkout.begin', () => answered(orderOf(cartOf([[MUG, 1]]))))
    main.answer('checkout.cancel', () => answered({}))
    main.answer('cart.setDelivery', () => answered(cart))
    const checkout = freshStore()
    await checkout.start('fr')
    checkout.setDelivery('pickup')
    await checkout.sync()

    expect(await checkout.cancel()).toBe(true)

    expect(main.inputsOf('checkout.cancel')).toEqual([{ orderId: 501 }])
    expect(main.inputsOf('cart.setDelivery')).toEqual([{ delivery: { option: 'standard', zone: 'FR' } }])
    expect(checkout.order).toBeNull()
  })
})
