import { afterEach, describe, expect, it } from 'vitest'
import { PricingRepository } from '../../../src/main/pricing/pricing-repository'
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

describe('the cart is priced by the engine in main', () => {
  it('a 5.5 % book and a 20 % mug give one VAT bucket per rate and TTC = HT + VAT', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('LIB-POCHE-02')
    const cart = await add('MAI-MUG-01')
    const { quote } = cart
    expect(quote.rates.map((rate) => rate.rateBasisPoints)).toEqual([2000, 550])
    // 14.90 at 20 %: VAT = round(1490 × 2000 / 12000) = 248; 8.90 at 5.5 %: round(890 × 550 / 10550) = 46.
    expect(quote.rates.map((rate) => rate.vat)).toEqual([248, 46])
    expect(quote.totals).toMatchObject({ ttc: 2380, vat: 294, ht: 2086 })
    expect(cart.total).toBe(2380)
    expect(quote.delivery).toMatchObject({ option: 'pickup', fee: 0 })
  })

  it('choosing standard delivery in France adds the band fee and the total follows', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-MUG-01')
    const cart = await subject.value('cart.setDelivery', { delivery: { option: 'standard', zone: 'FR' } })
    expect(cart.quote.delivery).toMatchObject({ option: 'standard', zone: 'FR', fee: 490 })
    expect(cart.total).toBe(1490 + 490)
  })

  it('a cart of digital goods only has no delivery and no fee', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('NUM-EBOOK-01')
    const cart = await subject.value('cart.setDelivery', { delivery: { option: 'express', zone: 'FR' } })
    expect(cart.quote.delivery).toBeNull()
    expect(cart.total).toBe(1499)
  })

  it('a promotion code takes its discount off the goods before VAT', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('LIB-CUISINE-03')
    const cart = await subject.value('cart.applyPromotion', { code: 'bienvenue10' })
    expect(cart.promotionCode).toBe('BIENVENUE10')
    expect(cart.quote.discounts.promotion).toMatchObject({ goodsDiscount: 299 })
    expect(cart.total).toBe(2990 - 299)
    const removed = await subject.value('cart.removePromotion', {})
    expect(removed.total).toBe(2990)
  })

  it('an expired or unknown code is refused with its reason and the cart stays as it was', async () => {
    subject = createTempApp({ now: () => new Date('2026-11-26T12:00:00Z') })
    await subject.loginAs('cashier')
    await add('LIB-CUISINE-03')
    expect(await subject.call('cart.applyPromotion', { code: 'NOEL2025' })).toMatchObject({
      ok: false,
      error: { code: 'PROMOTION_EXPIRED' },
    })
    expect(await subject.call('cart.applyPromotion', { code: 'NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'PROMOTION_INVALID' },
    })
    const cart = await subject.value('cart.get', {})
    expect(cart.promotionCode).toBeNull()
    expect(cart.total).toBe(2990)
  })

  it('a code whose minimum basket is no longer reached falls away with a notice', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const first = await add('LIB-CUISINE-03')
    await subject.value('cart.applyPromotion', { code: 'BIENVENUE10' })
    const cart = await subject.value('cart.setQuantity', { lineId: first.lines[0]!.lineId, quantity: 1 })
    expect(cart.promotionCode).toBe('BIENVENUE10')
    await add('PRE-QUOT-01')
    const afterRemoval = await subject.value('cart.removeLine', { lineId: first.lines[0]!.lineId })
    expect(afterRemoval.promotionCode).toBeNull()
    expect(afterRemoval.notice).toMatchObject({ code: 'PROMOTION_MIN_BASKET' })
    expect(afterRemoval.total).toBe(280)
  })
})

describe('line discounts', () => {
  it('a cashier gives a 10 % line discount without approval', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const cart = await add('MAI-PLAID-04')
    const discounted = await subject.value('cart.setLineDiscount', {
      lineId: cart.lines[0]!.lineId,
      discount: { type: 'percent', basisPoints: 1000 },
    })
    expect(discounted.total).toBe(8900 - 890)
  })

  it("above 20 % a cashier needs an administrator's PIN, and the approval is recorded", async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const cart = await add('MAI-PLAID-04')
    const lineId = cart.lines[0]!.lineId
    const discount = { type: 'percent', basisPoints: 3000 } as const
    expect(await subject.call('cart.setLineDiscount', { lineId, discount })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REQUIRED' },
    })
    expect(
      await subject.call('cart.setLineDiscount', { lineId, discount, approval: { userId: await adminId(), pin: '0000' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    expect((await subject.value('cart.get', {})).total).toBe(8900)
    const approved = await subject.value('cart.setLineDiscount', {
      lineId,
      discount,
      approval: { userId: await adminId(), pin: '4321' },
    })
    expect(approved.total).toBe(8900 - 2670)
    const approvals = subject.app.db.prepare('SELECT discount_amount, approver_id FROM discount_approvals').all()
    expect(approvals).toEqual([{ discount_amount: 2670, approver_id: await adminId() }])
  })

  it("a cashier's PIN cannot approve a large discount", async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const cart = await add('MAI-PLAID-04')
    const cashier = (await subject.value('auth.listUsers', {})).find((user) => user.displayName.startsWith('Camille'))!
    expect(
      await subject.call('cart.setLineDiscount', {
        lineId: cart.lines[0]!.lineId,
        discount: { type: 'amount', amount: 5000 },
        approval: { userId: cashier.id, pin: '1234' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a discount larger than its line is refused and the cart stays as it was', async () => {
    subject = createTempApp()
    await subject.loginAs('admin')
    const cart = await add('PRE-QUOT-01')
    expect(
      await subject.call('cart.setLineDiscount', { lineId: cart.lines[0]!.lineId, discount: { type: 'amount', amount: 281 } }),
    ).toMatchObject({ ok: false, error: { code: 'DISCOUNT_EXCEEDS_LINE' } })
    expect((await subject.value('cart.get', {})).lines[0]!.discount).toBeNull()
  })
})

describe('VAT rates with effective dates', () => {
  it('a rate change applies to carts priced after it, not before', async () => {
    let now = new Date('2026-11-26T12:00:00Z')
    subject = createTempApp({ now: () => now })
    await subject.loginAs('cashier')
    new PricingRepository(subject.app.db).addVatRate(
      { category: 'standard', rateBasisPoints: 2100, effectiveFrom: '2027-01-01T00:00:00+01:00' },
      now.toISOString(),
    )
    const before = await add('MAI-MUG-01')
    expect(before.quote.rates[0]!.rateBasisPoints).toBe(2000)
    now = new Date('2027-01-02T12:00:00Z')
    await subject.loginAs('cashier')
    const after = await subject.value('cart.get', {})
    expect(after.quote.rates[0]!.rateBasisPoints).toBe(2100)
  })
})
