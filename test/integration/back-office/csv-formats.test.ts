import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, exportText } from './back-office-kit'

/**
 * Issue 12: the orders CSV as French Excel opens it by default in French, and the international
 * one on request, checked byte for byte over a small known set of orders: a cash sale of a mug
 * and a coffee (20 % and 5.5 %) at 23:30 UTC on 7 December (8 December in Paris), a part of it
 * refunded; a cash sale of a newspaper (2.1 %) in summer time.
 */
let subject: TempApp

async function cashSale(lines: Array<[sku: string, quantity: number]>, instant: string): Promise<number> {
  for (const [sku, quantity] of lines) {
    const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity }, 'cashier')
  }
  const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
  await subject.value('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')
  subject.app.db.prepare('UPDATE orders SET created_at = ?, number = ? WHERE id = ?').run(instant, `T01-2026-00000${order.id}`, order.id)
  return order.id
}

beforeAll(async () => {
  subject = await backOfficeApp()
  const first = await cashSale([['MAI-MUG-01', 1], ['EPI-CAFE-250', 2]], '2026-12-07T23:30:00.000Z')
  await subject.value('orders.refund', { orderId: first, amount: 500 })
  await cashSale([['PRE-QUOT-01', 1]], '2026-07-14T08:05:09.000Z')
})
afterAll(() => subject?.dispose())

const filters = { from: '2026-07-01', to: '2026-12-31' }

describe('the orders CSV', () => {
  it('in French by default for a French interface: ; separators, decimal comma, BOM, Paris dates, French statuses', async () => {
    const text = await exportText(subject, { kind: 'orders', filters, locale: 'fr' })
    expect(text).toBe(
      '\uFEFF' +
        'Numéro;Date;Statut;Client;Vendeur;Caisse;Moyen de paiement;Réseau carte;Quatre derniers chiffres;Code d\'autorisation;Code de refus;' +
        'Total HT;Total TVA;Total TTC;HT 20 %;TVA 20 %;HT 10 %;TVA 10 %;HT 5,5 %;TVA 5,5 %;HT 2,1 %;TVA 2,1 %;Remboursé TTC;Devise\r\n' +
        'T01-2026-000001;08/12/2026 00:30;Livrée;;Camille Martin;TILL-01;Espèces;;;;;24,72;3,16;27,88;12,42;2,48;;;12,30;0,68;;;5,00;EUR\r\n' +
        'T01-2026-000002;14/07/2026 10:05;Livrée;;Camille Martin;TILL-01;Espèces;;;;;2,74;0,06;2,80;;;;;;;2,74;0,06;0,00;EUR\r\n',
    )
  })

  it('international on request: , separators, decimal point, ISO dates with the Paris offset, English status codes', async () => {
    const text = await exportText(subject, { kind: 'orders', filters, locale: 'en', format: 'international' })
    expect(text).toBe(
      '\uFEFF' +
        'Number,Date,Status,Customer,Cashier,Till,Payment method,Card brand,Last four,Authorization code,Decline code,' +
        'Total net,Total VAT,Total incl. VAT,Net 20 %,VAT 20 %,Net 10 %,VAT 10 %,Net 5.5 %,VAT 5.5 %,Net 2.1 %,VAT 2.1 %,Refunded incl. VAT,Currency\r\n' +
        'T01-2026-000001,2026-12-08T00:30:00+01:00,delivered,,Camille Martin,TILL-01,cash,,,,,24.72,3.16,27.88,12.42,2.48,,,12.30,0.68,,,5.00,EUR\r\n' +
        'T01-2026-000002,2026-07-14T10:05:09+02:00,delivered,,Camille Martin,TILL-01,cash,,,,,2.74,0.06,2.80,,,,,,,2.74,0.06,0.00,EUR\r\n',
    )
  })

  it('the VAT report follows the same formats', async () => {
    const french = await exportText(subject, { kind: 'vat', from: '2026-12-08', to: '2026-12-09', locale: 'fr' })
    expect(french.split('\r\n')[0]).toBe('\uFEFFTaux de TVA (%);Base HT;TVA;TTC;Devise')
    expect(french.split('\r\n')[2]).toBe('5,5;12,30;0,68;12,98;EUR')
    const international = await exportText(subject, { kind: 'vat', from: '2026-12-08', to: '2026-12-09', locale: 'en', format: 'international' })
    expect(international.split('\r\n')[2]).toBe('5.5,12.30,0.68,12.98,EUR')
  })
})
