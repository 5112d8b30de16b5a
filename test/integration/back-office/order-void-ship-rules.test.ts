import { afterEach, describe, expect, it } from 'vitest'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'

// Issue 20: rules of the void, the shipping and the detail (order-actions.ts) that the mutation
// run found unchecked; each test is named for the rule it protects.

let subject: TempApp
afterEach(async () => {
  await subject.dispose()
})

describe('a void keeps why it was made', () => {
  it("the reason typed goes into the order's history and the audit entry, with the amount released", async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    const voided = await subject.value('orders.void', { orderId: order.id, reason: 'customer changed their mind' })
    expect(voided.events.at(-1)).toMatchObject({ toStatus: 'voided', note: 'customer changed their mind' })
    const details = subject.app.db
      .prepare("SELECT details FROM audit_log WHERE action = 'order.voided'")
      .pluck()
      .get() as string
    expect(JSON.parse(details)).toEqual({
      orderId: order.id,
      from: 'awaiting_shipment',
      amount: order.quote.totals.ttc,
      currency: 'EUR',
      reason: 'customer changed their mind',
    })
  })

  it('a void without a reason says none, in the history and the audit entry', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    const voided = await subject.value('orders.void', { orderId: order.id })
    expect(voided.events.at(-1)).toMatchObject({ toStatus: 'voided', note: null })
    const details = subject.app.db.prepare("SELECT details FROM audit_log WHERE action = 'order.voided'").pluck().get() as string
    expect(JSON.parse(details)).toMatchObject({ reason: null })
  })
})

describe('the shipping notice', () => {
  it('the detail says there is no notice before the parcel leaves, and one after', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    expect((await subject.value('orders.detail', { orderId: order.id })).actions.hasShippingNotice).toBe(false)
    const shipped = await subject.value('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    expect(shipped.actions.hasShippingNotice).toBe(true)
    expect((await subject.value('orders.detail', { orderId: order.id })).actions.hasShippingNotice).toBe(true)
  })

  it('an order not shipped has no notice: NOT_FOUND, naming the order', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    expect(await subject.call('orders.shippingNotice', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { orderId: order.id } },
    })
  })

  it('marking shipped a card sale captures what was authorized, once, and the notice names the parcel', async () => {
    subject = await backOfficeApp()
    const order = await sellAtTill(subject, { shipped: true })
    const shipped = await subject.value('orders.markShipped', { orderId: order.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
    expect(shipped).toMatchObject({ status: 'shipped', capturedAmount: order.quote.totals.ttc })
    expect(shipped.events.at(-1)).toMatchObject({ toStatus: 'shipped', note: 'Colissimo 6A12345678901' })
    const { html } = await subject.value('orders.shippingNotice', { orderId: order.id })
    expect(html).toContain('6A12345678901')
  })
})
