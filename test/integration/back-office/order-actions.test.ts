import { afterEach, describe, expect, it } from 'vitest'
import { CALL_NAMES, type CallName } from '@shared/contract'
import { parseRefundNote } from '@shared/orders/refund-items'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'

let subject: TempApp
afterEach(() => subject.dispose())

const PAN = '4242424242424242'
const available = () => subject.app.issuer.simulator.fundsForCard(PAN)!.available

describe('order actions in the back-office', () => {
  it('voiding an authorized order awaiting shipment reverses the hold and restores the available funds', async () => {
    subject = await backOfficeApp()
    const before = available()
    const order = await sellAtTill(subject, { shipped: true })
    expect(order.status).toBe('awaiting_shipment')
    expect(available()).toBe(before - order.quote.totals.ttc)
    const voided = await subject.value('orders.void', { orderId: order.id, reason: 'customer changed their mind' })
    expect(voided.status).toBe('voided')
    expect(voided.attempts[0]).toMatchObject({ outcome: 'approved', reversalStatus: 'acknowledged' })
    expect(voided.events.at(-1)).toMatchObject({ fromStatus: 'awaiting_shipment', toStatus: 'voided', userName: 'Alex Dubois' })
    expect(voided.actions).toMatchObject({ canVoid: false, canRefund: false, canMarkShipped: false })
    expect(available()).toBe(before)
    const audit = subject.app.db.prepare("SELECT action, subject FROM audit_log WHERE action = 'order.voided'").all()
    expect(audit).toEqual([{ action: 'order.voided', subject: `order:${order.number}` }])
  })

  it('marking shipped captures the payment and renders the shipping notice; a partial refund then credits the issuer', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    const total = order.quote.totals.ttc
    const shipped = await subject.value('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    expect(shipped).toMatchObject({ status: 'shipped', capturedAmount: total, shipment: { carrier: 'Colissimo', trackingNumber: '6A12345678901' } })
    expect(shipped.attempts[0]!.capturedAmount).toBe(total)
    const funds = subject.app.issuer.simulator.fundsForCard(PAN)!
    expect(funds.held).toBe(0)
    const { html } = await subject.value('orders.shippingNotice', { orderId: order.id })
    expect(html).toContain('Avis d&#x27;expédition')
    expect(html).toContain('6A12345678901')
    expect(html).toContain(order.number)

    // Credited back: the cardholder can spend it again (whatever the account's kind).
    const availableBefore = funds.available
    const partly = await subject.value('orders.refund', { orderId: order.id, amount: 500 })
    expect(partly).toMatchObject({ status: 'shipped', refundedAmount: 500, actions: { canRefund: true, refundableAmount: total - 500 } })
    expect(available()).toBe(availableBefore + 500)
    const rest = await subject.value('orders.refund', { orderId: order.id, amount: total - 500 })
    expect(rest).toMatchObject({ status: 'refunded', refundedAmount: total })
    expect(available()).toBe(availableBefore + total)
    const audit = subject.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'order.refunded'").pluck().get()
    expect(audit).toBe(2)
  })

  it('a cash sale is refunded in cash, recorded, and never more than was paid', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { cash: true })
    expect(order.status).toBe('delivered')
    const paid = order.quote.totals.ttc
    const tooMuch = await subject.call('orders.refund', { orderId: order.id, amount: paid + 1 })
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    // Refunds add up: after a first part, only what is left may still go back, to the cent.
    const first = Math.floor(paid / 3)
    const partly = await subject.value('orders.refund', { orderId: order.id, amount: first })
    expect(partly.status).toBe('delivered')
    expect(partly.refundedAmount).toBe(first)
    const pastTheRest = await subject.call('orders.refund', { orderId: order.id, amount: paid - first + 1 })
    expect(pastTheRest).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const refunded = await subject.value('orders.refund', { orderId: order.id, amount: paid - first })
    expect(refunded.status).toBe('refunded')
    expect(refunded.refundedAmount).toBe(paid)
    expect(parseRefundNote(refunded.events.at(-1)!.note)).toMatchObject({ method: 'cash', free: paid - first, lines: [] })
    const oneCentMore = await subject.call('orders.refund', { orderId: order.id, amount: 1 })
    expect(oneCentMore.ok).toBe(false)
    expect((await subject.value('orders.detail', { orderId: order.id })).refundedAmount).toBe(paid)
  })

  it('illegal transitions are refused with INVALID_TRANSITION and change nothing', async () => {
    subject = await backOfficeApp()
    const delivered = await sellAtTill(subject)
    expect(delivered.status).toBe('delivered')
    expect(await subject.call('orders.void', { orderId: delivered.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    expect(await subject.call('orders.markShipped', { orderId: delivered.id, carrier: 'DPD', trackingNumber: 'AB1234' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    })
    const awaiting = await sellAtTill(subject, { shipped: true })
    // Nothing captured yet: such an order is voided, not refunded.
    expect(await subject.call('orders.refund', { orderId: awaiting.id, amount: 100 })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    await subject.value('orders.void', { orderId: awaiting.id })
    expect(await subject.call('orders.void', { orderId: awaiting.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    expect((await subject.value('orders.detail', { orderId: delivered.id })).status).toBe('delivered')
    expect(await subject.call('orders.shippingNotice', { orderId: delivered.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('the detail shows every attempt, the declined one with its code and meaning', async () => {
    subject = await backOfficeApp()
    const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
    const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
    const card = { number: '4000 0000 0000 9995', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
    await subject.call('checkout.payByCard', { orderId: order.id, card }, 'cashier')
    const declined = await subject.value('orders.search', { filters: { statuses: ['declined'], declineCode: '51' } })
    expect(declined.rows.map((row) => row.id)).toEqual([order.id])
    await subject.value('checkout.payByCard', { orderId: order.id, card: { ...card, number: '4242 4242 4242 4242' } }, 'cashier')
    const detail = await subject.value('orders.detail', { orderId: order.id })
    expect(detail.attempts.map((attempt) => [attempt.attemptNumber, attempt.outcome, attempt.responseCode])).toEqual([
      [1, 'declined', '51'],
      [2, 'approved', '00'],
    ])
    expect(detail.attempts[0]!.responseMeaning).toBe('insufficient funds')
    expect(detail.attempts[1]!.authorizationCode).toMatch(/^[0-9A-Z]{6}$/)
    const found = await subject.value('orders.search', { filters: { text: '4242' } })
    expect(found.rows.map((row) => row.id)).toContain(order.id)
  })

  it('a cashier is refused every back-office call', async () => {
    subject = await backOfficeApp()
    const names = CALL_NAMES.filter((name) =>
      /^(orders\.(search|summary|filterOptions|detail|void|refund|markShipped|shippingNotice)|exports\.|dashboard\.)/.test(name),
    )
    expect(names).toHaveLength(10)
    const inputs: Partial<Record<CallName, unknown>> = {
      'orders.detail': { orderId: 1 },
      'orders.void': { orderId: 1 },
      'orders.refund': { orderId: 1, amount: 1 },
      'orders.markShipped': { orderId: 1, carrier: 'DPD', trackingNumber: 'AB1234' },
      'orders.shippingNotice': { orderId: 1 },
      'exports.prepare': { kind: 'vat', from: '2025-01-01', to: '2025-02-01' },
      'dashboard.period': { from: '2025-01-01', to: '2025-01-31' },
    }
    for (const name of names) {
      const answer = await subject.app.router.dispatch(name, inputs[name] ?? {}, 'cashier')
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
