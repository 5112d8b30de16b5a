import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
afterEach(() => subject?.dispose())

describe('the delivery choices a cart answers with', () => {
  it('price each choice exactly as choosing it would, for this very cart', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const [mug] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
    const cart = await subject.value('cart.addProduct', { productId: mug!.id })
    const choices = cart.deliveryChoices!
    expect(choices.map((choice) => choice.delivery)).toEqual([
      { option: 'pickup' },
      { option: 'standard', zone: 'FR' }, { option: 'standard', zone: 'EU' }, { option: 'standard', zone: 'WORLD' },
      { option: 'express', zone: 'FR' }, { option: 'express', zone: 'EU' }, { option: 'express', zone: 'WORLD' },
    ])
    for (const choice of choices) {
      const chosen = await subject.value('cart.setDelivery', { delivery: choice.delivery })
      expect(chosen.quote.delivery).toEqual(choice.quote)
      // Choosing one changes no other's price.
      expect(chosen.deliveryChoices).toEqual(choices)
    }
  })

  it('say "waived" for standard delivery to France over the free-delivery threshold', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const [plaid] = await subject.value('catalogue.search', { query: 'MAI-PLAID-04', limit: 1 })
    const cart = await subject.value('cart.addProduct', { productId: plaid!.id })
    const standardFrance = cart.deliveryChoices!.find((choice) => choice.delivery.option === 'standard' && choice.delivery.zone === 'FR')!
    expect(standardFrance.quote).toMatchObject({ fee: 0, waiver: 'threshold' })
    expect(standardFrance.quote!.bandFee).toBeGreaterThan(0)
  })
})
