import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InvoiceBuyer, OrderInfo } from '@shared/contract'
import { DEMO_SHOP_IDENTITY } from '../../../src/main/settings/shop-identity'
import { backOfficeApp, sellAtTill } from '../back-office/back-office-kit'
import type { TempApp } from '../../support/temp-app'

/**
 * Issue 14, invoices for business customers: one per paid sale, in the year's own gap-free series,
 * with the mentions of CGI annex II art. 242 nonies A, each a record of the fiscal journal.
 */

let subject: TempApp
afterEach(() => subject?.dispose())

const BUYER: InvoiceBuyer = {
  name: 'Atelier Lumière SARL',
  companyId: '552 032 534 00018',
  vatNumber: 'FR27 552032534',
  address: { line1: '8 rue de la Verrerie', line2: 'Bâtiment B', postcode: '69002', city: 'Lyon', country: 'FR' },
}

function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
}

const journal = () => subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000)

describe('an invoice for a business customer', () => {
  it('carries every mention of CGI annex II art. 242 nonies A and is a record of the fiscal journal', async () => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject, { shipped: true })) as OrderInfo
    const issued = await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    const year = new Date().getFullYear()
    expect(issued.invoice.number).toBe(`F-${year}-000001`)
    expect(issued.copyNumber).toBeNull()
    const text = textOf(issued.html)
    const shop = DEMO_SHOP_IDENTITY
    for (const mention of [
      'Facture', `N° F-${year}-000001`, 'Date de facture', 'Date de la vente et de la livraison',
      shop.name, shop.addressLine, `${shop.postcode} ${shop.city}`, 'SIREN 123456789', `SIRET ${shop.siret}`, shop.vatNumber,
      'Atelier Lumière SARL', '8 rue de la Verrerie', 'Bâtiment B', '69002 Lyon', 'SIREN 552032534', 'SIRET 55203253400018', 'FR27552032534',
      'Désignation', 'Qté', 'PU HT', 'TVA', 'Total HT', 'Livraison', 'Récapitulatif TVA', 'Base HT', 'Total TVA', 'Total TTC',
      'Conditions de paiement', 'Pas d’escompte', 'pénalités', 'L441-10', 'indemnité forfaitaire pour frais de recouvrement de 40 €', 'D441-5',
      `Commande ${order.number}`,
    ]) {
      expect(text, mention).toContain(mention)
    }
    const record = journal().find((candidate) => candidate.kind === 'invoice')!
    expect(record.orderId).toBe(order.id)
    expect(record.amountTtc).toBe(0)
    expect(record.payload).toMatchObject({ document: 'invoice', number: `F-${year}-000001`, buyer: { companyId: '55203253400018', vatNumber: 'FR27552032534' } })
    expect(text).toContain(`n° ${record.sequence}, signature ${record.signature.slice(0, 12)}`)
    expect((await subject.value('fiscal.verify', {})).ok).toBe(true)
    expect(await subject.value('invoices.ofOrder', { orderId: order.id }, 'cashier')).toMatchObject({ invoice: { number: `F-${year}-000001`, copies: 0 } })
  })

  it('the lines HT add up, per rate, to the quote’s own base to the cent, and the totals are the quote’s', async () => {
    subject = await backOfficeApp()
    for (const sku of ['LIB-POCHE-02', 'MAI-MUG-01']) {
      const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
      await subject.value('cart.addProduct', { productId: product!.id, quantity: 3 }, 'cashier')
    }
    const begun = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
    const order = await subject.value('checkout.payCash', { orderId: begun.id, tendered: 100_000 }, 'cashier')
    await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    const record = journal().find((candidate) => candidate.kind === 'invoice')!
    const payload = record.payload as { lines: Array<{ lineTotalHt: number; vatRateBasisPoints: number }>; rates: Array<{ rateBasisPoints: number; ht: number }>; totals: unknown }
    for (const rate of order.quote.rates) {
      const lines = payload.lines.filter((line) => line.vatRateBasisPoints === rate.rateBasisPoints)
      expect(lines.reduce((sum, line) => sum + line.lineTotalHt, 0)).toBe(rate.ht)
    }
    expect(payload.totals).toEqual({ ht: order.quote.totals.ht, vat: order.quote.totals.vat, ttc: order.quote.totals.ttc })
  })

  it('a second request for the same sale gives the same invoice as DUPLICATA n° 1, then n° 2, each in the journal; the ticket’s own copies keep their count', async () => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject)) as OrderInfo
    const first = await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    const again = await subject.value('invoices.issue', { orderId: order.id, buyer: { ...BUYER, name: 'Someone else' } })
    const third = await subject.value('invoices.copy', { orderId: order.id }, 'cashier')
    expect(again.invoice.number).toBe(first.invoice.number)
    expect(again.copyNumber).toBe(1)
    expect(third.copyNumber).toBe(2)
    expect(textOf(again.html)).toContain('DUPLICATA n° 1')
    expect(textOf(again.html)).toContain('Atelier Lumière SARL')
    expect(textOf(again.html)).not.toContain('Someone else')
    const duplicates = journal().filter((record) => record.kind === 'duplicate')
    expect(duplicates.map((record) => (record.payload as { invoiceNumber: string; copyNumber: number }).copyNumber).sort()).toEqual([1, 2])
    expect(journal().filter((record) => record.kind === 'invoice')).toHaveLength(1)
    const reprint = await subject.value('orders.reprintApproval', { orderId: order.id }, 'cashier')
    expect(reprint.copyNumber).toBe(1)
  })

  it('numbers stay gap-free and unique when many invoices and their retries are asked at once', async () => {
    subject = await backOfficeApp()
    const orders: OrderInfo[] = []
    for (let index = 0; index < 6; index++) orders.push((await sellAtTill(subject, { cash: index % 2 === 0 })) as OrderInfo)
    const answers = await Promise.all(
      orders.flatMap((order) => [
        subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier'),
        subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }),
      ]),
    )
    const originals = answers.filter((answer) => answer.copyNumber === null)
    expect(originals).toHaveLength(6)
    const year = new Date().getFullYear()
    expect(originals.map((answer) => answer.invoice.number).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `F-${year}-00000${n}`))
    // Each sale has one number, whatever answer (original or copy) was read.
    for (const order of orders) expect(new Set(answers.filter((answer) => answer.invoice.orderId === order.id).map((answer) => answer.invoice.number)).size).toBe(1)
  })

  it('a request that fails half way gives its number back: the retry takes it, no gap, nothing half written', async () => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject)) as OrderInfo
    const record = vi.spyOn(subject.app.fiscal.journal, 'record').mockImplementationOnce(() => {
      throw new Error('disk full')
    })
    const failed = await subject.call('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    expect(failed.ok).toBe(false)
    record.mockRestore()
    expect(await subject.value('invoices.ofOrder', { orderId: order.id }, 'cashier')).toEqual({ invoice: null })
    const retried = await subject.value('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    expect(retried.invoice.number).toBe(`F-${new Date().getFullYear()}-000001`)
    expect(retried.copyNumber).toBeNull()
  })

  it.each([
    ['a SIREN with a wrong check digit', { companyId: '552 032 535' }, 'companyId'],
    ['a SIRET of 13 digits', { companyId: '5520325340001' }, 'companyId'],
    ['letters for a SIREN', { companyId: 'ABC' }, 'companyId'],
    ['a French VAT number with the wrong key', { vatNumber: 'FR28552032534' }, 'vatNumber'],
    ['the VAT number of another company', { vatNumber: 'FR44732829320' }, 'vatNumber'],
    ['a country that is not a code', { address: { ...BUYER.address, country: 'France' } }, 'country'],
  ] as const)('refuses %s, naming the field, and issues nothing', async (_name, change, field) => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject)) as OrderInfo
    const refused = await subject.call('invoices.issue', { orderId: order.id, buyer: { ...BUYER, ...change } }, 'cashier')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('VALIDATION_FAILED')
    expect(JSON.stringify(refused.error.details)).toContain(field)
    expect(journal().some((record) => record.kind === 'invoice')).toBe(false)
  })

  it('refuses a sale not paid (ORDER_NOT_INVOICEABLE) and an order that does not exist (NOT_FOUND)', async () => {
    subject = await backOfficeApp()
    const [product] = await subject.value('catalogue.search', { query: 'MAI-THEIERE-05', limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
    const unpaid = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
    const refused = await subject.call('invoices.issue', { orderId: unpaid.id, buyer: BUYER }, 'cashier')
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'ORDER_NOT_INVOICEABLE', details: { reason: 'not_paid' } })
    const missing = await subject.call('invoices.issue', { orderId: 999_999, buyer: BUYER }, 'cashier')
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
    const noCopy = await subject.call('invoices.copy', { orderId: unpaid.id }, 'cashier')
    expect(noCopy.ok ? null : noCopy.error.code).toBe('NOT_FOUND')
  })

  it('accepts a buyer without a VAT number (and prints none), and a buyer from another EU state', async () => {
    subject = await backOfficeApp()
    const order = (await sellAtTill(subject)) as OrderInfo
    const issued = await subject.value('invoices.issue', { orderId: order.id, buyer: { ...BUYER, vatNumber: null, address: { ...BUYER.address, line2: null } } }, 'cashier')
    expect(textOf(issued.html)).not.toContain('FR27552032534')
    const other = (await sellAtTill(subject)) as OrderInfo
    const german = await subject.value('invoices.issue', { orderId: other.id, buyer: { ...BUYER, vatNumber: 'DE123456789', address: { ...BUYER.address, country: 'DE' } } }, 'cashier')
    expect(textOf(german.html)).toContain('DE123456789')
  })

  it('refuses a training sale (MODE ÉCOLE): it is no sale, it has no invoice', async () => {
    subject = await backOfficeApp()
    const users = await subject.value('auth.listUsers', {}, 'cashier')
    const supervisor = users.find((user) => user.displayName === 'Alex Dubois')!
    await subject.value('training.switch', { on: true, approval: { userId: supervisor.id, pin: '4321' } }, 'cashier')
    const order = (await sellAtTill(subject, { cash: true })) as OrderInfo
    const refused = await subject.call('invoices.issue', { orderId: order.id, buyer: BUYER }, 'cashier')
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'ORDER_NOT_INVOICEABLE', details: { reason: 'training' } })
  })
})
