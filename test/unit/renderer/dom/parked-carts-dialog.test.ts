import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { ParkedCart } from '@shared/contract'
import ParkedCartsDialog from '@renderer/components/cart/ParkedCartsDialog.vue'
import { useCartStore } from '@renderer/stores/cart'
import { answered, main } from './support/fake-bridge'
import { mountScreen, plainSpaces } from './support/mount-screen'
import { COFFEE, MUG, cartOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let dialog: VueWrapper | null = null

const DURAND: ParkedCart = {
  id: 4, name: 'Mme Durand', ownerId: 2, ownerName: 'Camille Martin', parkedAt: '2026-12-06T09:15:00Z',
  lineCount: 2, itemCount: 3, total: 2150, currency: 'EUR', stale: true,
}
const PETIT: ParkedCart = {
  id: 7, name: 'M. Petit', ownerId: 3, ownerName: 'Inès Benali', parkedAt: new Date().toISOString(),
  lineCount: 1, itemCount: 1, total: 1250, currency: 'EUR', stale: false,
}

/** The F3 dialog over a till whose cart holds `inCart`, as a cashier or an administrator. */
async function openDialog(inCart: Parameters<typeof cartOf>[0], role: 'cashier' | 'admin' = 'cashier') {
  main.answer('cart.get', () => answered(cartOf(inCart)))
  main.answer('cart.parkedList', () => answered([DURAND, PETIT]))
  const user = { id: role === 'admin' ? 1 : 2, displayName: 'Quelqu’un', role }
  dialog = mountScreen(ParkedCartsDialog, {
    pinia: { initialState: { session: { info: { user, currency: 'EUR', timeZone: 'Europe/Paris' } } } },
    mount: { props: { open: false } },
  })
  await useCartStore().load()
  await dialog.setProps({ open: true })
  await flushPromises()
}

const rows = () =>
  Array.from(document.body.querySelectorAll('[data-testid="parked-cart"]')).map((row) =>
    Array.from(row.querySelectorAll('span')).map((cell) => plainSpaces(cell.textContent ?? '')).join(' | '),
  )
const list = () => document.body.querySelector<HTMLElement>('[role="listbox"]')!
const key = (target: HTMLElement, name: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }))

describe('the parked carts of the till (F3)', () => {
  beforeEach(() => main.reset())
  afterEach(() => {
    dialog?.unmount()
    dialog = null
    document.body.innerHTML = ''
  })

  it('lists each parked cart with its name, whose it is, its lines and total; one past the setting is marked for clean-up', async () => {
    await openDialog([])
    expect(rows()).toEqual([
      'Mme Durand | par Camille Martin | 06/12/2026 10:15 | 2 lignes | 21,50 € | À nettoyer : en attente depuis plus longtemps que le délai réglé',
      expect.stringMatching(/^M\. Petit \| par Inès Benali \| \d\d:\d\d \| 1 ligne \| 12,50 €$/),
    ])
    // The cart is empty: the list has the focus, ready for ↓ and Enter.
    expect(document.activeElement).toBe(list())
  })

  it('↓ then Enter takes the second cart back, and the changed price is said line by line', async () => {
    main.answer('cart.takeBack', () =>
      answered({ cart: cartOf([[MUG, 1]]), priceChanges: [{ lineId: 11, sku: MUG.sku, name: { fr: MUG.fr, en: MUG.en }, before: 1150, after: 1250 }] }),
    )
    await openDialog([])
    key(list(), 'ArrowDown')
    key(list(), 'Enter')
    await flushPromises()
    expect(main.inputsOf('cart.takeBack')).toEqual([{ parkedId: PETIT.id }])
    expect(useCartStore().lines.map((line) => line.sku)).toEqual([MUG.sku])
    expect(plainSpaces(document.body.querySelector('[data-testid="parked-price-changes"]')!.textContent ?? '')).toContain('Tasse : 11,50 € → 12,50 €')
    expect(dialog!.emitted('close')).toBeUndefined()
    expect(plainSpaces(document.activeElement?.textContent ?? '')).toBe('Compris')
  })

  it('with articles in the cart, the typed name parks it, and taking another back asks to park first', async () => {
    main.answer('cart.park', () => answered(cartOf([])))
    await openDialog([[COFFEE, 2]])
    key(list(), 'Enter')
    await flushPromises()
    expect(main.inputsOf('cart.takeBack')).toEqual([])
    expect(document.body.textContent).toContain('mettez-le d’abord en attente')

    const field = document.body.querySelector<HTMLInputElement>('input')!
    expect(document.activeElement).toBe(field)
    field.value = 'Mme Roux'
    field.dispatchEvent(new Event('input'))
    field.form!.requestSubmit()
    await flushPromises()
    expect(main.inputsOf('cart.park')).toEqual([{ name: 'Mme Roux' }])
    expect(useCartStore().lines).toEqual([])
    expect(document.body.textContent).toContain('Panier « Mme Roux » mis en attente')
  })

  it('an administrator discards a stale cart after confirming; a cashier is not offered it', async () => {
    await openDialog([])
    expect(Array.from(document.body.querySelectorAll('button')).some((button) => button.textContent?.includes('Jeter'))).toBe(false)
    dialog!.unmount()
    document.body.innerHTML = ''

    main.answer('cart.discardParked', () => answered([PETIT]))
    await openDialog([], 'admin')
    const discard = () => Array.from(document.body.querySelectorAll('button')).find((button) => button.textContent?.includes('Jeter'))!
    discard().click()
    await flushPromises()
    expect(main.inputsOf('cart.discardParked')).toEqual([])
    expect(discard().textContent).toContain('Jeter ce panier ?')
    discard().click()
    await flushPromises()
    expect(main.inputsOf('cart.discardParked')).toEqual([{ parkedId: DURAND.id }])
    expect(rows()).toHaveLength(1)
  })
})
