import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

async function add(sku: string, quantity = 1) {
  const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 })
  return subject.value('cart.addProduct', { productId: product!.id, quantity })
}

async function adminId(): Promise<number> {
  return (await subject.value('auth.listUsers', {})).find((user) => user.role === 'admin')!.id
}

describe("the cashier's discount limit holds on every change, not only when the discount is set", () => {
  it('20 % off ten mugs as an amount, then two mugs: the quantity change is refused, the cart stays', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const lineId = (await add('MAI-MUG-01', 10)).lines[0]!.lineId
    // 20 % of 10 × 14,90 EUR is exactly 29,80 EUR: within the limit, no PIN.
    const discounted = await subject.value('cart.setLineDiscount', { lineId, discount: { type: 'amount', amount: 2980 } })
    expect(discounted.total).toBe(14900 - 2980)

    const refused = await subject.call('cart.setQuantity', { lineId, quantity: 2 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISCOUNT_LIMIT_EXCEEDED', details: { lineId } } })
    const cart = await subject.value('cart.get', {})
    expect(cart.lines[0]).toMatchObject({ quantity: 10, discount: { type: 'amount', amount: 2980 } })
    expect(cart.total).toBe(14900 - 2980)
    // Raising the quantity lowers the share: always allowed.
    expect((await subject.value('cart.setQuantity', { lineId, quantity: 12 })).total).toBe(12 * 1490 - 2980)
  })

  it('an approved discount stays approved for the share it was approved for, not more', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const lineId = (await add('MAI-MUG-01', 10)).lines[0]!.lineId
    // 44,70 EUR off 149,00 EUR is 30 %: approved by the administrator's PIN.
    const discount = { type: 'amount', amount: 4470 } as const
    await subject.value('cart.setLineDiscount', { lineId, discount, approval: { userId: await adminId(), pin: '4321' } })

    expect(await subject.call('cart.setQuantity', { lineId, quantity: 9 })).toMatchObject({
      ok: false,
      error: { code: 'DISCOUNT_LIMIT_EXCEEDED' },
    })
    await subject.value('cart.setQuantity', { lineId, quantity: 20 })
    // Back to the very share that was approved: still approved.
    expect((await subject.value('cart.setQuantity', { lineId, quantity: 10 })).total).toBe(14900 - 4470)
    // A larger share needs a new approval, given by setting the discount again.
    await subject.value('cart.setLineDiscount', { lineId, discount, approval: { userId: await adminId(), pin: '4321' } })
    expect(await subject.call('cart.setQuantity', { lineId, quantity: 5 })).toMatchObject({ ok: false })
  })

  it("an administrator's own large discount is recorded as approved, and holds only for its share", async () => {
    subject = createTempApp()
    await subject.loginAs('admin')
    const lineId = (await add('MAI-MUG-01', 10)).lines[0]!.lineId
    await subject.value('cart.setLineDiscount', { lineId, discount: { type: 'amount', amount: 7450 } })
    const approvals = subject.app.db.prepare('SELECT cashier_id, approver_id, line_amount FROM discount_approvals').all()
    expect(approvals).toEqual([{ cashier_id: await adminId(), approver_id: await adminId(), line_amount: 14900 }])
    expect(await subject.call('cart.setQuantity', { lineId, quantity: 6 })).toMatchObject({
      ok: false,
      error: { code: 'DISCOUNT_LIMIT_EXCEEDED' },
    })
  })

  it('an approval of a cleared cart does not carry over to a new line that reuses its id', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const first = (await add('MAI-MUG-01', 10)).lines[0]!.lineId
    const discount = { type: 'amount', amount: 4470 } as const
    await subject.value('cart.setLineDiscount', { lineId: first, discount, approval: { userId: await adminId(), pin: '4321' } })
    await subject.value('cart.clear', {})
    // The new line is added strictly later than the approval.
    subject.app.db.prepare("UPDATE discount_approvals SET at = '2000-01-01T00:00:00.000Z'").run()
    const again = (await add('MAI-MUG-01', 10)).lines[0]!.lineId
    expect(again).toBe(first)
    expect(await subject.call('cart.setLineDiscount', { lineId: again, discount })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REQUIRED' },
    })
  })

  it('a discount pushed over the limit by a catalogue price change is left out of the price, with a notice', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const lineId = (await add('MAI-MUG-01', 1)).lines[0]!.lineId
    await add('LIB-POCHE-02')
    await subject.value('cart.setLineDiscount', { lineId, discount: { type: 'amount', amount: 298 } })
    subject.app.db.prepare("UPDATE products SET unit_price = 990 WHERE sku = 'MAI-MUG-01'").run()

    const cart = await subject.value('cart.get', {})
    expect(cart.notice).toMatchObject({ code: 'DISCOUNT_LIMIT_EXCEEDED' })
    expect(cart.lines.find((line) => line.lineId === lineId)!.discount).toBeNull()
    expect(cart.total).toBe(990 + 890)
    // Other lines still change; the checkout starts from the cart as priced, without the discount.
    const book = cart.lines.find((line) => line.lineId !== lineId)!.lineId
    expect((await subject.value('cart.setQuantity', { lineId: book, quantity: 2 })).total).toBe(990 + 2 * 890)
    const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
    expect(order.quote.totals.ttc).toBe(990 + 2 * 890)
  })
})

describe('the limit compares exactly, not after rounding', () => {
  it('a 20 % discount on one unit of every demo product is given without a PIN', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const products = subject.app.db.prepare<[], { id: number }>('SELECT id FROM products WHERE active = 1 ORDER BY id').all()
    expect(products.length).toBeGreaterThanOrEqual(45)
    const refused: number[] = []
    for (const { id } of products) {
      const cart = await subject.value('cart.addProduct', { productId: id, quantity: 1 })
      const lineId = cart.lines.find((line) => line.productId === id)!.lineId
      const result = await subject.call('cart.setLineDiscount', { lineId, discount: { type: 'percent', basisPoints: 2000 } })
      if (!result.ok) refused.push(id)
    }
    expect(refused).toEqual([])
  })

  it('one basis point over the limit still asks for a PIN, on a price where rounding would hide it', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const lineId = (await add('PRE-QUOT-01')).lines[0]!.lineId
    expect(
      await subject.call('cart.setLineDiscount', { lineId, discount: { type: 'percent', basisPoints: 2001 } }),
    ).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } })
  })
})
