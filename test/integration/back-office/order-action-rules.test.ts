import { afterEach, describe, expect, it } from 'vitest'
import { parseRefundNote } from '@shared/orders/refund-items'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill, VISA_OK } from './back-office-kit'

const PAN = '4242424242424242'

// Issue 20: rules of order-actions.ts that the mutation run found untested (each test seen
// failing against its mutant, then the source restored).

let subject: TempApp
afterEach(async () => {
  subject.app.issuer.simulator.setFaults({})
  await subject.dispose()
})

describe('order actions: what is spoken for', () => {
  it('a card refund the issuer has not acknowledged yet counts: only the rest may go back, and covering the rest marks the order refunded', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    const total = order.quote.totals.ttc
    await subject.value('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    // The issuer cannot decide refunds for now (91): the first refund stays pending, retried later.
    subject.app.issuer.simulator.setFaults({ share91: 1, appliesTo: ['refund'] })
    const pending = await subject.value('orders.refund', { orderId: order.id, amount: 500 })
    expect(pending).toMatchObject({ status: 'shipped', refundedAmount: 0 })
    const overTheRest = await subject.call('orders.refund', { orderId: order.id, amount: total - 500 + 1 })
    expect(overTheRest).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { fields: ['amount'], refundable: total - 500 } },
    })
    const rest = await subject.value('orders.refund', { orderId: order.id, amount: total - 500 })
    expect(rest.status).toBe('refunded')
  })

  it('a cash refund of part of the sale leaves the order as it was, and the drawer pays it out at once', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { cash: true })
    const partly = await subject.value('orders.refund', { orderId: order.id, amount: 100 })
    expect(partly).toMatchObject({ status: 'delivered', refundedAmount: 100, actions: { canRefund: true } })
    expect(parseRefundNote(partly.events.at(-1)!.note)).toMatchObject({ method: 'cash', amount: 100, reason: null })
  })

  it('a refund by items names the order and the lines given back in its audit entry; too many units point at the items', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { cash: true })
    const line = order.quote.lines[0]!
    const tooMany = await subject.call('orders.refund', { orderId: order.id, items: { lines: [{ lineId: line.lineId, quantity: line.quantity + 1 }], delivery: false } })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { fields: ['items'], problem: 'too-many' } } })
    await subject.value('orders.refund', { orderId: order.id, items: { lines: [{ lineId: line.lineId, quantity: 1 }], delivery: false } })
    const audit = subject.app.db.prepare("SELECT subject, details FROM audit_log WHERE action = 'order.refunded'").all() as Array<{ subject: string; details: string }>
    expect(audit.map((entry) => entry.subject)).toEqual([`order:${order.number}`])
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ lines: [{ lineId: line.lineId, quantity: 1 }], method: 'cash' })
  })
})

describe('order actions: a saved card', () => {
  it('a refund of a sale paid with a saved card is credited by the issuer, not paid out of the drawer', async () => {
    subject = await backOfficeApp()
    const customer = await subject.value('customers.create', { name: 'Jeanne Client', email: 'jeanne@example.fr' }, 'cashier')
    const sell = async () => {
      const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 }, 'cashier')
      await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
      return subject.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } }, 'cashier')
    }
    const first = await sell()
    await subject.value('checkout.payByCard', { orderId: first.id, card: VISA_OK, saveCard: true }, 'cashier')
    const [card] = await subject.value('customers.savedCards', { customerId: customer.id }, 'cashier')
    const order = await subject.value('checkout.payBySavedCard', { orderId: (await sell()).id, token: card!.token }, 'cashier')
    expect(order.paymentMethod).toBe('saved_card')
    const before = subject.app.issuer.simulator.fundsForCard(PAN)!.available
    const refunded = await subject.value('orders.refund', { orderId: order.id, amount: 200 })
    expect(parseRefundNote(refunded.events.at(-1)!.note)).toMatchObject({ method: 'card', amount: 200 })
    expect(subject.app.issuer.simulator.fundsForCard(PAN)!.available).toBe(before + 200)
  })
})

describe('order actions: one at a time', () => {
  it('an action on an order that does not exist is NOT_FOUND, naming the order', async () => {
    subject = await backOfficeApp()
    const answer = await subject.call('orders.refund', { orderId: 987_654, amount: 100 })
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { orderId: 987_654 } } })
  })

  it('a second action while the first waits for the issuer is answered CONFLICT, and the order is free again after', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    subject.app.issuer.simulator.setFaults({ latencyMs: 300 })
    const first = subject.call('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    const second = subject.call('orders.void', { orderId: order.id })
    const [shipped, voided] = await Promise.all([first, second])
    expect(shipped).toMatchObject({ ok: true, value: { status: 'shipped' } })
    expect(voided).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { orderId: order.id } } })
    subject.app.issuer.simulator.setFaults({})
    const refunded = await subject.value('orders.refund', { orderId: order.id, amount: 100 })
    expect(refunded.refundedAmount).toBe(100)
  })
})
