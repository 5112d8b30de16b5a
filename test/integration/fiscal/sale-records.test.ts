import { afterEach, describe, expect, it } from 'vitest'
import { checkFiscalChains, type FiscalRecord } from '../../../src/main/fiscal'
import { backOfficeApp, sellAtTill } from '../back-office/back-office-kit'
import type { TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject?.dispose())

/** Every record of the journal, oldest first. */
function journal(): FiscalRecord[] {
  return subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000).reverse()
}

interface TicketPayload {
  orderNumber: string
  lines: Array<{ label: string; quantity: number; lineTotalHt: number; lineTotalTtc: number; vatRateBasisPoints: number }>
  rates: Array<{ rateBasisPoints: number; ht: number; vat: number; ttc: number }>
  totals: { ht: number; vat: number; ttc: number }
  payments: Array<{ mode: string; amount: number }>
}

describe('the fiscal journal records each operation of the till in its transaction', () => {
  it('a cash sale and a card sale each write exactly one ticket whose totals per rate are the order’s quote', async () => {
    subject = await backOfficeApp()
    const cash = await sellAtTill(subject, { cash: true })
    const card = await sellAtTill(subject, { sku: 'MAI-MUG-01' })
    const records = journal()
    expect(records.map((record) => [record.kind, record.sequence, record.orderId])).toEqual([
      ['ticket', 1, cash.id],
      ['ticket', 2, card.id],
    ])
    for (const [record, order] of [[records[0]!, cash], [records[1]!, card]] as const) {
      const payload = record.payload as TicketPayload
      expect(payload.orderNumber).toBe(order.number)
      expect(payload.rates).toEqual(order.quote.rates.map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc })))
      expect(payload.totals).toEqual({ ht: order.quote.totals.ht, vat: order.quote.totals.vat, ttc: order.quote.totals.ttc })
      expect(record.amountTtc).toBe(order.quote.totals.ttc)
      // The lines with their VAT rate and totals both ways add up to the ticket (no delivery at pickup).
      expect(payload.lines.reduce((sum, line) => sum + line.lineTotalTtc, 0)).toBe(order.quote.totals.ttc)
      for (const line of payload.lines) expect(line.lineTotalHt).toBeLessThanOrEqual(line.lineTotalTtc)
      expect(record.operator.name).toBe('Camille Martin')
      expect(Number.isInteger(record.gtNet)).toBe(true)
    }
    expect((records[0]!.payload as TicketPayload).payments).toEqual([expect.objectContaining({ mode: 'cash', amount: cash.quote.totals.ttc })])
    expect((records[1]!.payload as TicketPayload).payments).toEqual([expect.objectContaining({ mode: 'card', amount: card.quote.totals.ttc })])
    expect(records[1]!.gtNet).toBe(cash.quote.totals.ttc + card.quote.totals.ttc)
    // The ticket (the approval) carries its journal number and the short form of its signature.
    const { html } = await subject.value('orders.approval', { orderId: cash.id }, 'cashier')
    expect(html).toContain(`Journal fiscal : caisse TILL-01, n° 1, signature ${records[0]!.signature.slice(0, 12)}`)
  })

  it('a refund writes a credit note linked to its ticket, a void a cancellation; the grand totals follow', async () => {
    subject = await backOfficeApp()
    const cash = await sellAtTill(subject, { cash: true })
    await subject.value('orders.refund', { orderId: cash.id, amount: 500, reason: 'chipped' })
    const shipped = await sellAtTill(subject, { shipped: true })
    expect(shipped.status).toBe('awaiting_shipment')
    await subject.value('orders.void', { orderId: shipped.id, reason: 'customer changed their mind' })
    const records = journal()
    expect(records.map((record) => record.kind)).toEqual(['ticket', 'credit_note', 'ticket', 'cancellation'])
    const [ticket, credit, , cancellation] = records
    expect(credit).toMatchObject({ amountTtc: -500, orderId: cash.id, operator: { name: 'Alex Dubois' } })
    expect(credit!.payload).toMatchObject({ ticket: { tillId: 'TILL-01', sequence: ticket!.sequence }, totals: { ttc: -500 }, reason: 'chipped' })
    const creditRates = (credit!.payload as TicketPayload).rates
    expect(creditRates.reduce((sum, rate) => sum + rate.ttc, 0)).toBe(-500)
    for (const rate of creditRates) expect(rate.ht + rate.vat).toBe(rate.ttc)
    expect(cancellation).toMatchObject({ amountTtc: -shipped.quote.totals.ttc, orderId: shipped.id })
    expect(cancellation!.payload).toMatchObject({ totals: { ttc: -shipped.quote.totals.ttc }, reason: 'customer changed their mind' })
    expect(records.at(-1)!.gtNet).toBe(cash.quote.totals.ttc - 500)
    expect(records.at(-1)!.gtAbsolute).toBe(cash.quote.totals.ttc + 500 + 2 * shipped.quote.totals.ttc)
    expect(checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey)).toMatchObject({ ok: true, records: 4 })
  })

  it('a refused refund writes nothing', async () => {
    subject = await backOfficeApp()
    const cash = await sellAtTill(subject, { cash: true })
    expect(await subject.call('orders.refund', { orderId: cash.id, amount: cash.quote.totals.ttc + 1 })).toMatchObject({ ok: false })
    expect(journal().map((record) => record.kind)).toEqual(['ticket'])
  })

  it('a reprint after the sale is a duplicate, numbered, recorded, and says DUPLICATA n° k', async () => {
    subject = await backOfficeApp()
    const cash = await sellAtTill(subject, { cash: true })
    const first = await subject.value('orders.reprintApproval', { orderId: cash.id })
    const second = await subject.value('orders.reprintApproval', { orderId: cash.id }, 'cashier')
    expect([first.copyNumber, second.copyNumber]).toEqual([1, 2])
    expect(second.html).toContain('DUPLICATA n° 2')
    expect(second.html).toContain(cash.number)
    const records = journal()
    expect(records.map((record) => [record.kind, record.amountTtc])).toEqual([['ticket', cash.quote.totals.ttc], ['duplicate', 0], ['duplicate', 0]])
    expect(records[2]!.payload).toMatchObject({ copyNumber: 2, orderNumber: cash.number })
    expect(records[2]!.gtNet).toBe(cash.quote.totals.ttc)
    expect(await subject.call('orders.reprintApproval', { orderId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('logins, user changes and checks land in the JET, and verify-now answers there too', async () => {
    subject = await backOfficeApp()
    await sellAtTill(subject, { cash: true })
    const check = await subject.value('fiscal.verify', {})
    expect(check).toMatchObject({ ok: true, tailOnly: false, records: 1, broken: null })
    const page = await subject.value('fiscal.records', {})
    expect(page.lastCheck).toMatchObject({ ok: true, records: 1 })
    expect(page.records[0]).toMatchObject({ kind: 'ticket', sequence: 1, operatorName: 'Camille Martin' })
    const kinds = subject.app.fiscal.events.page(null, 50).map((event) => event.kind)
    expect(kinds.filter((kind) => kind === 'auth.login')).toHaveLength(2)
    expect(kinds[0]).toBe('integrity.check')
    await subject.value('auth.logout', {}, 'cashier')
    await subject.value('users.changeRole', { userId: (await subject.value('users.list', {})).find((user) => user.displayName === 'Inès Bernard')!.id, role: 'admin' })
    const latest = subject.app.fiscal.events.page(null, 2)
    expect(latest.map((event) => event.kind)).toEqual(['user.roleChanged', 'auth.logout'])
    expect(latest[1]!.operator.name).toBe('Camille Martin')
    expect(latest[0]!.operator.name).toBe('Alex Dubois')
    await subject.value('exports.prepare', { kind: 'orders', filters: {} })
    expect(subject.app.fiscal.events.page(null, 1)[0]).toMatchObject({ kind: 'order.exported', operator: { name: 'Alex Dubois' } })
  })

  it('a card sale approved but not committed before a crash gets its ticket when the start-up recovery completes it', async () => {
    subject = await backOfficeApp()
    const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
    const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
    // What a crash between the issuer's approval and the sale's commit leaves: an approved attempt, no ticket.
    const approved = await subject.app.payments.authorizeCard({
      amount: order.quote.totals.ttc,
      idempotencyKey: 'interrupted:fiscal',
      orderId: order.id,
      card: { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123' },
    })
    expect(approved.ok).toBe(true)
    expect(journal()).toEqual([])
    await subject.app.start()
    const [ticket] = journal()
    expect(ticket).toMatchObject({ kind: 'ticket', sequence: 1, orderId: order.id, amountTtc: order.quote.totals.ttc, operator: { name: 'Camille Martin' } })
    expect((ticket!.payload as TicketPayload).payments).toEqual([expect.objectContaining({ mode: 'card', amount: order.quote.totals.ttc })])
  })
})
