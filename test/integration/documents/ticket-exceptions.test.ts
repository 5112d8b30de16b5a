import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type AddressInfo, type Server } from 'node:net'
import type { OrderInfo } from '@shared/contract'
import { backOfficeApp, sellAtTill, VISA_OK } from '../back-office/back-office-kit'
import type { TempApp } from '../../support/temp-app'

/**
 * Issue 14, the AGEC exceptions (décret 2023-1204): goods under the legal guarantee of conformity
 * need their proof of purchase, so their ticket is printed without asking, recorded with the reason.
 */

let subject: TempApp
let printer: Server | undefined
afterEach(async () => {
  subject?.dispose()
  await new Promise<void>((resolve) => (printer ? printer.close(() => resolve()) : resolve()))
  printer = undefined
})

/** A raw-TCP receipt printer (port 9100's protocol) on loopback: every job's bytes, once it closes. */
async function fakePrinter(): Promise<{ port: number; jobs: Buffer[] }> {
  const jobs: Buffer[] = []
  printer = createServer((socket) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks))
      socket.end()
    })
  })
  const listening = printer
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  return { port: (listening.address() as AddressInfo).port, jobs }
}

async function sell(skus: string[]): Promise<OrderInfo> {
  for (const sku of skus) {
    const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
  }
  const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' }, locale: 'fr' }, 'cashier')
  return subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK }, 'cashier')
}

function ticketAnswers(): unknown[] {
  const rows = subject.app.db
    .prepare("SELECT subject, details FROM audit_log WHERE action = 'order.ticketRequested' ORDER BY id")
    .all() as Array<{ subject: string; details: string }>
  return rows.map((row) => [row.subject, JSON.parse(row.details)])
}

describe('goods under the legal guarantee of conformity (AGEC exception)', () => {
  it('the demo marks High-tech: a sale with earbuds says so, a sale of coffee alone does not', async () => {
    subject = await backOfficeApp()
    const coffee = await sell(['EPI-CAFE-250'])
    const earbuds = await sell(['EPI-CAFE-250', 'HT-ECOUTEURS-03'])
    expect((await subject.value('orders.approval', { orderId: coffee.id }, 'cashier')).legalGuarantee).toBe(false)
    const approval = await subject.value('orders.approval', { orderId: earbuds.id }, 'cashier')
    expect(approval.legalGuarantee).toBe(true)
    // The proof of purchase carries the guarantee's mention.
    expect(approval.html).toContain('Garantie légale de conformité de 2 ans (articles L217-3 et suivants du Code de la consommation)')
  })

  it("the print without asking is recorded as 'print' for the legal guarantee, and an e-mail may follow", async () => {
    subject = await backOfficeApp()
    const order = await sell(['HT-CHARGEUR-02'])
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'print', reason: 'legal_guarantee' }, 'cashier')
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@example.org' }, 'cashier')
    expect(ticketAnswers()).toEqual([
      [`order:${order.number}`, { medium: 'print', reason: 'legal_guarantee' }],
      [`order:${order.number}`, { medium: 'email', email: 'jeanne@example.org' }],
    ])
  })

  it('a sale without such goods cannot claim the reason: refused, nothing recorded', async () => {
    subject = await backOfficeApp()
    const order = await sell(['EPI-CAFE-250'])
    const refused = await subject.call('orders.ticketRequest', { orderId: order.id, medium: 'print', reason: 'legal_guarantee' }, 'cashier')
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(ticketAnswers()).toEqual([])
  })

  it('a category marked later counts for the sales that follow', async () => {
    subject = await backOfficeApp()
    subject.app.db.prepare("UPDATE categories SET legal_guarantee = 1 WHERE code = 'maison'").run()
    const order = await sell(['MAI-MUG-01'])
    expect((await subject.value('orders.approval', { orderId: order.id }, 'cashier')).legalGuarantee).toBe(true)
  })
})

describe('a cancelled card payment (AGEC exception)', () => {
  it('the void of a card sale gives its cancellation ticket: the approval under a band with the negated amount, journal number and signature; the print recorded', async () => {
    subject = await backOfficeApp()
    const sale = await sellAtTill(subject, { shipped: true })
    await subject.value('orders.void', { orderId: sale.id, reason: 'client parti' })
    const { html } = await subject.value('orders.cancellationTicket', { orderId: sale.id })
    const records = subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000)
    const cancellation = records.find((record) => record.kind === 'cancellation' && record.orderId === sale.id)!
    expect(html).toContain('TICKET D’ANNULATION')
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toContain(`Paiement par carte annulé : -${(sale.quote.totals.ttc / 100).toFixed(2).replace('.', ',')} €`)
    expect(html).toContain(`${cancellation.tillId} / ${cancellation.sequence}, signature ${cancellation.signature.slice(0, 12)}`)
    expect(html).toContain('Motif : client parti')
    expect(html).toContain(sale.number!)
    expect(ticketAnswers()).toEqual([[`order:${sale.number}`, { medium: 'print', reason: 'card_cancellation' }]])
  })

  it('a sale not voided has no cancellation ticket; a cashier may not ask for one', async () => {
    subject = await backOfficeApp()
    const sale = await sellAtTill(subject, { shipped: true })
    expect(await subject.call('orders.cancellationTicket', { orderId: sale.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await subject.call('orders.cancellationTicket', { orderId: sale.id }, 'cashier')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ticketAnswers()).toEqual([])
  })

  it('with a receipt printer set, the cancellation ticket goes to it: the band on top of the sale’s ticket, no drawer kick', async () => {
    const device = await fakePrinter()
    subject = await backOfficeApp()
    await subject.value('receipts.saveSettings', { smtp: null, printer: { kind: 'network', host: '127.0.0.1', port: device.port } })
    const sale = await sellAtTill(subject, { shipped: true })
    await subject.value('orders.void', { orderId: sale.id })
    const answer = await subject.value('orders.cancellationTicket', { orderId: sale.id })
    expect(answer.printer).toBe('printed')
    expect(device.jobs).toHaveLength(1)
    const bytes = device.jobs[0]!
    const text = bytes.toString('latin1')
    expect(text).toContain('TICKET D')
    expect(text.indexOf('ANNULATION')).toBeLessThan(text.indexOf('Comptoir du Canal'))
    expect(text).toContain(sale.number!)
    expect(bytes.indexOf(Buffer.from([0x1b, 0x70]))).toBe(-1)
  })
})
