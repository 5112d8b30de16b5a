import { afterEach, describe, expect, it } from 'vitest'
import { parseRefundNote } from '@shared/orders/refund-items'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, LYON, VISA_OK } from './back-office-kit'

/**
 * Issue 12: a refund names what it gives back (lines and quantities, the delivery, or an amount),
 * the history says it, the VAT given back follows the lines refunded, and what is left to refund
 * counts earlier and pending refunds.
 */
let subject: TempApp
afterEach(() => subject?.dispose())

async function sell(lines: Array<[sku: string, quantity: number]>, options: { shipped?: boolean; cash?: boolean } = {}) {
  for (const [sku, quantity] of lines) {
    const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity }, 'cashier')
  }
  const delivery = options.shipped ? { option: 'standard' as const, address: LYON } : { option: 'pickup' as const }
  const order = await subject.value('checkout.begin', { customerId: null, delivery }, 'cashier')
  if (options.cash) return subject.value('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')
  return subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK }, 'cashier')
}

const refundVat = (orderId: number) =>
  subject.app.db
    .prepare('SELECT rate_basis_points AS rate, ht, vat, ttc FROM order_refund_vat WHERE order_id = ? AND ttc > 0 ORDER BY rate DESC')
    .all(orderId) as Array<{ rate: number; ht: number; vat: number; ttc: number }>

describe('a refund names what it gives back', () => {
  it('one mug of two: 14,90 € back at 20 % only, named in the history, the order marked partly refunded', async () => {
    subject = await backOfficeApp()
    const order = await sell([['MAI-MUG-01', 2], ['EPI-CAFE-250', 1]], { cash: true })
    const mug = order.quote.lines.find((line) => line.name.fr === 'Mug en grès 35 cl')!
    const detail = await subject.value('orders.refund', { orderId: order.id, items: { lines: [{ lineId: mug.lineId, quantity: 1 }], delivery: false } })
    expect(detail.refundedAmount).toBe(1490)
    expect(detail.status).toBe('delivered')
    const record = parseRefundNote(detail.events.at(-1)!.note)!
    expect(record).toMatchObject({ amount: 1490, delivery: 0, free: 0, method: 'cash', lines: [{ lineId: mug.lineId, quantity: 1, ttc: 1490 }] })
    expect(record.lines[0]!.name.fr).toBe('Mug en grès 35 cl')
    // The VAT given back is the mug's: 20 % of it, nothing at 5.5 %.
    expect(refundVat(order.id)).toEqual([{ rate: 2000, ht: 1242, vat: 248, ttc: 1490 }])

    // One mug is left: two more are refused, and say how many are left.
    const tooMany = await subject.call('orders.refund', { orderId: order.id, items: { lines: [{ lineId: mug.lineId, quantity: 2 }], delivery: false } })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { problem: 'too-many', left: 1 } } })

    // The rest by lines: the order becomes refunded, and the whole VAT charged comes back.
    const coffee = order.quote.lines.find((line) => line.name.fr.startsWith('Café'))!
    const rest = await subject.value('orders.refund', {
      orderId: order.id,
      items: { lines: [{ lineId: mug.lineId, quantity: 1 }, { lineId: coffee.lineId, quantity: 1 }], delivery: false },
    })
    expect(rest.status).toBe('refunded')
    expect(rest.refundedAmount).toBe(order.quote.totals.ttc)
    const charged = subject.app.db.prepare('SELECT rate_basis_points AS rate, ht, vat, ttc FROM order_vat WHERE order_id = ? ORDER BY rate DESC').all(order.id)
    expect(refundVat(order.id)).toEqual(charged)
  })

  it('the delivery alone, by card: the issuer credits it back and the VAT follows the delivery', async () => {
    subject = await backOfficeApp()
    const order = await sell([['LIB-ROMAN-01', 1]], { shipped: true })
    await subject.value('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    const fee = order.quote.delivery!.fee
    expect(fee).toBeGreaterThan(0)
    const detail = await subject.value('orders.refund', { orderId: order.id, items: { lines: [], delivery: true } })
    expect(detail.refundedAmount).toBe(fee)
    expect(parseRefundNote(detail.events.at(-1)!.note)).toMatchObject({ amount: fee, delivery: fee, method: 'card' })
    expect(refundVat(order.id).reduce((sum, rate) => sum + rate.ttc, 0)).toBe(fee)
    // The delivery split of the quote, rate by rate.
    expect(refundVat(order.id).map((rate) => rate.rate)).toEqual(order.quote.rates.filter((rate) => rate.shipping > 0).map((rate) => rate.rateBasisPoints))
    const twice = await subject.call('orders.refund', { orderId: order.id, items: { lines: [], delivery: true } })
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { problem: 'delivery-refunded' } } })
  })

  it('a free amount still works, counts against what is left, and an amount-only refund of before stays readable', async () => {
    subject = await backOfficeApp()
    const order = await sell([['MAI-THEIERE-05', 1]], { cash: true })
    // An old refund, written before refunds were named: plain text in the history.
    subject.app.db
      .prepare("INSERT INTO order_events (order_id, from_status, to_status, user_id, note, at) VALUES (?, 'delivered', 'delivered', NULL, 'Partial refund 10.00 EUR in cash', ?)")
      .run(order.id, new Date().toISOString())
    const detail = await subject.value('orders.refund', { orderId: order.id, amount: 1000 })
    const notes = detail.events.map((event) => event.note)
    expect(notes).toContain('Partial refund 10.00 EUR in cash')
    expect(parseRefundNote('Partial refund 10.00 EUR in cash')).toBeNull()
    expect(parseRefundNote(detail.events.at(-1)!.note)).toMatchObject({ amount: 1000, free: 1000, lines: [] })
    const teapot = order.quote.lines[0]!
    // 45,00 € paid, 10,00 € back: the teapot (45,00 €) no longer fits in what is left.
    const tooMuch = await subject.call('orders.refund', { orderId: order.id, items: { lines: [{ lineId: teapot.lineId, quantity: 1 }], delivery: false } })
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { refundable: 3500 } } })
    const neither = await subject.call('orders.refund', { orderId: order.id } as never)
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })
})
