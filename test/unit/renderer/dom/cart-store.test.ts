import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestingPinia } from '@pinia/testing'
import type { Cart } from '@shared/contract'
import { useCartStore } from '@renderer/stores/cart'
import { answered, main, refused } from './support/fake-bridge'
import { COFFEE, MUG, cartOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

function freshStore() {
  createTestingPinia({ stubActions: false, createSpy: vi.fn })
  return useCartStore()
}

describe('the till’s cart store', () => {
  beforeEach(() => main.reset())

  it('a scanned barcode adds its product, selects the new line and says so', async () => {
    main.answer('cart.scanBarcode', () => answered(cartOf([[COFFEE, 1]])))
    const cart = freshStore()

    const result = await cart.scanBarcode(COFFEE.ean)

    expect(result.ok).toBe(true)
    expect(main.inputsOf('cart.scanBarcode')).toEqual([{ barcode: COFFEE.ean }])
    expect(cart.lines.map((line) => line.sku)).toEqual(['CAF-250'])
    expect(cart.selectedLineId).toBe(11)
    expect(cart.feedback).toMatchObject({ kind: 'added', name: { fr: 'Café moulu 250 g' }, lineId: 11 })
    expect(cart.total).toBe(450)
  })

  it('scanning the same product again selects the line that grew, not the last one', async () => {
    main.answer('cart.get', () => answered(cartOf([[COFFEE, 1], [MUG, 1]])))
    main.answer('cart.scanBarcode', () => answered(cartOf([[COFFEE, 2], [MUG, 1]])))
    const cart = freshStore()
    await cart.load()

    await cart.scanBarcode(COFFEE.ean)

    expect(cart.selectedLineId).toBe(11)
    expect(cart.itemCount).toBe(3)
  })

  it('an unknown barcode leaves the cart as it was and names the barcode', async () => {
    main.answer('cart.get', () => answered(cartOf([[MUG, 1]])))
    main.answer('cart.scanBarcode', () => refused('UNKNOWN_BARCODE'))
    const cart = freshStore()
    await cart.load()

    await cart.scanBarcode('2000000000008')

    expect(cart.lines).toHaveLength(1)
    expect(cart.feedback).toMatchObject({ kind: 'unknownBarcode', barcode: '2000000000008' })
  })

  it('a typed quantity is kept between 1 and 9 999 before it is sent', async () => {
    main.answer('cart.setQuantity', ({ quantity }) => answered(cartOf([[MUG, quantity]])))
    const cart = freshStore()

    await cart.setQuantity(11, 25_000)
    await cart.setQuantity(11, 0)
    await cart.setQuantity(11, 2.7)

    expect(main.inputsOf('cart.setQuantity').map((input) => input.quantity)).toEqual([9999, 1, 2])
  })

  it('minus on a line of one sends nothing: a line leaves the cart only by removing it', async () => {
    main.answer('cart.get', () => answered(cartOf([[MUG, 1]])))
    const cart = freshStore()
    await cart.load()

    expect(cart.stepQuantity(11, -1)).toBeNull()
    expect(main.inputsOf('cart.setQuantity')).toEqual([])
  })

  it('cart changes go to main one after the other, so a late answer never overwrites a newer one', async () => {
    let releaseFirst!: () => void
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    main.answer('cart.addProduct', async ({ productId }) => {
      if (productId === COFFEE.productId) {
        await firstHeld
        return answered(cartOf([[COFFEE, 1]]))
      }
      return answered(cartOf([[COFFEE, 1], [MUG, 1]]))
    })
    const cart = freshStore()

    const first = cart.addProduct(COFFEE.productId)
    const second = cart.addProduct(MUG.productId)
    await Promise.resolve()
    expect(main.inputsOf('cart.addProduct')).toHaveLength(1)
    releaseFirst()
    await Promise.all([first, second])

    expect(cart.lines.map((line) => line.sku)).toEqual(['CAF-250', 'MUG-01'])
  })

  it('a refused change flashes the panel, but a refused promotion code is left to its field', async () => {
    main.answer('cart.removeLine', () => refused('LINE_NOT_FOUND'))
    main.answer('cart.applyPromotion', () => refused('PROMOTION_UNKNOWN'))
    const cart = freshStore()

    await cart.applyPromotion('NOEL')
    expect(cart.feedback).toBeNull()

    await cart.removeLine(99)
    expect(cart.feedback).toMatchObject({ kind: 'error', error: { code: 'LINE_NOT_FOUND' } })
  })

  it('an expired session sends the till to the login screen without a red flash', async () => {
    main.answer('cart.addProduct', () => refused('UNAUTHENTICATED'))
    const cart = freshStore()

    await cart.addProduct(COFFEE.productId)

    expect(cart.feedback).toBeNull()
  })

  it('only administrators may approve a large discount', async () => {
    main.answer('auth.listUsers', () =>
      answered([
        { id: 1, displayName: 'Camille', role: 'cashier' as const },
        { id: 2, displayName: 'Dominique', role: 'admin' as const },
      ]),
    )
    const cart = freshStore()

    const approvers = await cart.listApprovers()

    expect(approvers.ok && approvers.value.map((user) => user.displayName)).toEqual(['Dominique'])
  })

  it('emptying the cart forgets what the panel last said', async () => {
    const empty: Cart = cartOf([])
    main.answer('cart.scanBarcode', () => answered(cartOf([[COFFEE, 1]])))
    main.answer('cart.clear', () => answered(empty))
    const cart = freshStore()
    await cart.scanBarcode(COFFEE.ean)

    await cart.clear()

    expect(cart.lines).toEqual([])
    expect(cart.feedback).toBeNull()
    expect(cart.selectedLineId).toBeNull()
  })
})
