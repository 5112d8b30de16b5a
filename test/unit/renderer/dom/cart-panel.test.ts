import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import CartPanel from '@renderer/components/CartPanel.vue'
import { useCartStore } from '@renderer/stores/cart'
import { answered, main } from './support/fake-bridge'
import { mountScreen, plainSpaces } from './support/mount-screen'
import { COFFEE, MUG, cartOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let panel: VueWrapper | null = null

/** The cart panel of a till whose cart holds two coffees and a mug (21,50 € with 3,58 € VAT). */
async function panelWithCoffeeAndMug(locale: 'fr' | 'en' = 'fr') {
  main.answer('cart.get', () => answered(cartOf([[COFFEE, 2], [MUG, 1]])))
  main.answer('cart.setQuantity', ({ lineId, quantity }) =>
    answered(cartOf(lineId === 11 ? [[COFFEE, quantity], [MUG, 1]] : [[COFFEE, 2], [MUG, quantity]])),
  )
  main.answer('cart.removeLine', () => answered(cartOf([[MUG, 1]], { firstLineId: 12 })))
  panel = mountScreen(CartPanel, { locale })
  await useCartStore().load()
  await flushPromises()
  return panel
}

const lines = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="cart-line"]')
const textOf = (wrapper: VueWrapper, testId: string) => plainSpaces(wrapper.get(`[data-testid="${testId}"]`).text())

describe('the cart panel', () => {
  beforeEach(() => main.reset())
  afterEach(() => {
    panel?.unmount()
    panel = null
  })

  it('lists each line with its name, unit price, quantity and line total in French', async () => {
    const wrapper = await panelWithCoffeeAndMug('fr')

    const [coffee, mug] = lines(wrapper)
    expect(plainSpaces(coffee!.text())).toContain('Café moulu 250 g')
    expect(plainSpaces(coffee!.text())).toContain('4,50 € l’unité')
    expect(coffee!.get('input').element.value).toBe('2')
    expect(plainSpaces(coffee!.get('[data-testid="cart-line-total"]').text())).toBe('9,00 €')
    expect(plainSpaces(mug!.get('[data-testid="cart-line-total"]').text())).toBe('12,50 €')
    expect(textOf(wrapper, 'cart-item-count')).toBe('3 articles')
  })

  it('shows the totals with the one money formatter: HT, VAT and what the customer pays', async () => {
    const wrapper = await panelWithCoffeeAndMug('fr')

    expect(textOf(wrapper, 'cart-total')).toBe('21,50 €')
    expect(textOf(wrapper, 'cart-total-vat')).toBe('3,58 €')
    expect(textOf(wrapper, 'cart-total-ht')).toBe('17,92 €')
  })

  it('speaks English amounts and names when the till is in English', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')

    expect(plainSpaces(lines(wrapper)[0]!.text())).toContain('Ground coffee 250 g')
    expect(plainSpaces(lines(wrapper)[0]!.text())).toContain('€4.50 each')
    expect(textOf(wrapper, 'cart-total')).toBe('€21.50')
  })

  it('plus on a line asks main for one more, and the new total is shown', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')

    await lines(wrapper)[0]!.get('button[aria-label="Increase quantity of Ground coffee 250 g"]').trigger('click')
    await flushPromises()

    expect(main.inputsOf('cart.setQuantity')).toEqual([{ lineId: 11, quantity: 3 }])
    expect(lines(wrapper)[0]!.get('input').element.value).toBe('3')
    expect(textOf(wrapper, 'cart-total')).toBe('€26.00')
  })

  it('a quantity typed and confirmed with Enter is sent once, and the focus goes back to the search once', async () => {
    // As in the till: 'done' puts the focus in the search field, so the quantity field loses it
    // while main may still be saving.
    const search = document.body.appendChild(document.createElement('input'))
    const saving: Array<() => void> = []
    main.answer('cart.get', () => answered(cartOf([[COFFEE, 2], [MUG, 1]])))
    main.answer('cart.setQuantity', async ({ quantity }) => {
      await new Promise<void>((resolve) => saving.push(resolve))
      return answered(cartOf([[COFFEE, 2], [MUG, quantity]]))
    })
    panel = mountScreen(CartPanel, { locale: 'en', mount: { props: { onDone: () => search.focus() } } })
    await useCartStore().load()
    await flushPromises()
    const quantity = lines(panel)[1]!.get('input')
    quantity.element.focus()

    await quantity.setValue('4')
    await quantity.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    for (let round = 0; round < 3; round++) {
      saving.splice(0).forEach((save) => save())
      await flushPromises()
    }

    expect(main.inputsOf('cart.setQuantity')).toEqual([{ lineId: 12, quantity: 4 }])
    expect(panel.emitted('done')).toHaveLength(1)
    expect(document.activeElement).toBe(search)
    expect(textOf(panel, 'cart-total')).toBe('€59.00')
    search.remove()
  })

  it('Escape in the quantity puts the current quantity back and sends nothing', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')
    const quantity = lines(wrapper)[0]!.get('input')

    await quantity.setValue('7')
    await quantity.trigger('keydown', { key: 'Escape' })
    await flushPromises()

    expect(quantity.element.value).toBe('2')
    expect(main.inputsOf('cart.setQuantity')).toEqual([])
  })

  it('arrow keys in the quantity step it up and down', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')
    const quantity = lines(wrapper)[0]!.get('input')

    await quantity.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()

    expect(main.inputsOf('cart.setQuantity')).toEqual([{ lineId: 11, quantity: 1 }])
  })

  it('the remove button takes the line out of the cart', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')

    await lines(wrapper)[0]!.get('button[aria-label="Remove Ground coffee 250 g"]').trigger('click')
    await flushPromises()

    expect(main.inputsOf('cart.removeLine')).toEqual([{ lineId: 11 }])
    expect(lines(wrapper)).toHaveLength(1)
    expect(textOf(wrapper, 'cart-total')).toBe('€12.50')
  })

  it('clicking a line selects it for the keyboard shortcuts', async () => {
    const wrapper = await panelWithCoffeeAndMug('en')

    await lines(wrapper)[0]!.trigger('click')

    expect(lines(wrapper)[0]!.attributes('aria-current')).toBe('true')
    expect(lines(wrapper)[1]!.attributes('aria-current')).toBeUndefined()
  })

  it('an empty cart says so, cannot be cleared and totals nothing', async () => {
    main.answer('cart.get', () => answered(cartOf([])))
    panel = mountScreen(CartPanel, { locale: 'en' })
    await useCartStore().load()
    await flushPromises()

    expect(lines(panel)).toHaveLength(0)
    expect(panel.get('.cart__clear').attributes('disabled')).toBeDefined()
    expect(textOf(panel, 'cart-total')).toBe('€0.00')
  })
})
