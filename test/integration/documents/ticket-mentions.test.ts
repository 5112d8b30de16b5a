import { afterEach, describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import type { Locale, OrderInfo } from '@shared/contract'
import type { FiscalRecord } from '../../../src/main/fiscal'
import { DEMO_SHOP_IDENTITY } from '../../../src/main/settings/shop-identity'
import { backOfficeApp, LYON, VISA_OK } from '../back-office/back-office-kit'
import type { TempApp } from '../../support/temp-app'

/**
 * Issue 14, "Tickets and documents": the sale's ticket (its approval, A4 and 80 mm are the same
 * document) carries every legal mention, in the order's language.
 */

let subject: TempApp
afterEach(() => subject?.dispose())

/** The text a reader sees: tags dropped, Handlebars' escapes decoded, spaces folded. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
}

/** A book (5,5 %) and a mug (20 %), shipped: two rates, the delivery fee split between them. */
async function sellTwoRates(locale: Locale, cash: boolean): Promise<OrderInfo> {
  for (const sku of ['LIB-POCHE-02', 'MAI-MUG-01']) {
    const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 2 }, 'cashier')
  }
  const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: LYON }, locale }, 'cashier')
  if (cash) return subject.value('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')
  return subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK }, 'cashier')
}

function ticketOf(orderId: number): FiscalRecord {
  const records = subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000)
  return records.find((record) => record.kind === 'ticket' && record.orderId === orderId)!
}

const fold = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ')

describe('the ticket carries every legal mention', () => {
  it.each([
    ['fr', true, ['Ticket n°', 'Caisse TILL-01', 'Vendeur Camille Martin', 'Mode de paiement : espèces', 'Qté', 'PU HT', 'Base HT', 'Total TTC', 'dont livraison']],
    ['en', false, ['Receipt no.', 'Till TILL-01', 'Served by Camille Martin', 'Payment method: bank card', 'Qty', 'Unit excl. VAT', 'Net', 'Total incl. VAT', 'of which delivery']],
  ] as const)('%s: shop, ticket, date to the second, till, operator, lines, totals per rate as the quote, payment, signature', async (locale, cash, words) => {
    subject = await backOfficeApp()
    const order = await sellTwoRates(locale, cash)
    const { html } = await subject.value('orders.approval', { orderId: order.id }, 'cashier')
    const text = textOf(html)
    const money = (minor: number): string => fold(formatMoney(minor, 'EUR', locale === 'fr' ? 'fr-FR' : 'en-GB'))
    const shop = DEMO_SHOP_IDENTITY
    for (const mention of [shop.name, shop.addressLine, `${shop.postcode} ${shop.city}`, `SIRET ${shop.siret}`, shop.vatNumber, order.number!, ...words]) {
      expect(text).toContain(mention)
    }
    const ticket = ticketOf(order.id)
    expect(text).toContain(`${locale === 'fr' ? 'Ticket n°' : 'Receipt no.'} ${ticket.sequence}`)
    expect(text).toContain(ticket.signature.slice(0, 12))
    // Date and time to the second, Paris time, as the journal record has it.
    const seconds = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'medium', timeZone: 'Europe/Paris' }).format(new Date(ticket.occurredAt))
    expect(text).toContain(fold(seconds))
    // Every line: quantity, unit price excl. VAT, rate, line total.
    expect(order.quote.lines).toHaveLength(2)
    for (const line of order.quote.lines) {
      expect(text).toContain(line.name[locale])
      expect(text).toContain(`2 ${line.name[locale]} ${money(line.unitPriceHt)}`)
      expect(text).toContain(money(line.lineTotal))
    }
    // Two rates, each with its base, VAT and total exactly as the quote split them (delivery included).
    expect(order.quote.rates).toHaveLength(2)
    expect(order.quote.totals.delivery).toBeGreaterThan(0)
    for (const rate of order.quote.rates) {
      const row = `${money(rate.ht)} ${money(rate.vat)} ${money(rate.ttc)}`
      expect(text).toContain(row)
      if (rate.shipping > 0) expect(text).toContain(money(rate.shipping))
    }
    expect(text).toContain(money(order.quote.totals.ht))
    expect(text).toContain(money(order.quote.totals.vat))
    expect(text).toContain(money(order.quote.totals.ttc))
    expect(html).not.toContain(VISA_OK.number)
  })
})

describe("'Ticket ?' after a sale (law AGEC)", () => {
  it('the answer, an e-mail included, is recorded in the audit log under the order; an unpaid order or a bad address is refused', async () => {
    subject = await backOfficeApp()
    const order = await sellTwoRates('fr', true)
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@example.org' }, 'cashier')
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'none' }, 'cashier')
    const entries = subject.app.db
      .prepare("SELECT action, subject, details AS details_json FROM audit_log WHERE action = 'order.ticketRequested' ORDER BY id")
      .all() as Array<{ action: string; subject: string; details_json: string }>
    expect(entries.map((entry) => [entry.subject, JSON.parse(entry.details_json)])).toEqual([
      [`order:${order.number}`, { medium: 'email', email: 'jeanne@example.org' }],
      [`order:${order.number}`, { medium: 'none' }],
    ])
    const bad = await subject.call('orders.ticketRequest', { orderId: order.id, medium: 'email', email: 'jeanne@' }, 'cashier')
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const missing = await subject.call('orders.ticketRequest', { orderId: 999_999, medium: 'print' }, 'cashier')
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
