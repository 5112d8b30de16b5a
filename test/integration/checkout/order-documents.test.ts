import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { merchantMigrations } from '../../../src/main/migrations'
import { OrderRepository } from '../../../src/main/orders/order-repository'
import { openDatabase } from '../../../src/platform/sqlite/open-database'
import { keepTestData } from '../../support/keep-test-data'
import { createTempApp, type TempApp } from '../../support/temp-app'

/**
 * Migration 014 (issue 13): the quote and the approval, frozen once per order, live in
 * order_documents, so that a change of state rewrites a small orders row. Orders written before
 * it keep theirs in the row and are still read from there.
 */

const AT = '2026-03-14T09:26:53.000Z'
const BEFORE_014 = merchantMigrations.findIndex((migration) => migration.name === 'order-documents')
const QUOTE = { currency: 'EUR', lines: [], rates: [], totals: { ht: 1242, vat: 248, ttc: 1490, delivery: 0, discounts: 0 } }

let subject: TempApp | null = null
let folder: string | null = null
afterEach(() => {
  subject?.dispose()
  subject = null
  if (folder && !keepTestData()) rmSync(folder, { recursive: true, force: true })
  folder = null
})

describe('frozen order documents', () => {
  it('a sale writes its quote and approval once in order_documents, not in the orders row', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 2 })
    const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
    const paid = await subject.value('checkout.payByCard', {
      orderId: order.id,
      card: { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' },
    })
    const { db } = subject.app
    expect(db.prepare('SELECT quote_json, approval_html FROM orders WHERE id = ?').get(order.id)).toEqual({ quote_json: '', approval_html: null })
    const documents = db.prepare('SELECT quote_json, approval_html FROM order_documents WHERE order_id = ?').get(order.id) as {
      quote_json: string
      approval_html: string
    }
    expect(JSON.parse(documents.quote_json)).toEqual(order.quote)
    expect(paid.quote).toEqual(order.quote)
    expect((await subject.value('orders.approval', { orderId: order.id })).html).toBe(documents.approval_html)
    expect(documents.approval_html).toContain(paid.number)
  })

  it('orders written before migration 014 are read from their row, and an approval given after it goes to order_documents', () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-migration-'))
    const file = join(folder, 'comptoir.sqlite')
    const db = openDatabase(file, merchantMigrations.slice(0, BEFORE_014))
    db.exec(`INSERT INTO users (id, display_name, role, pin_salt, pin_hash, created_at) VALUES (1, 'Camille', 'cashier', x'00', x'00', '${AT}')`)
    const insert = db.prepare(
      `INSERT INTO orders (id, number, till_id, cashier_id, status, idempotency_key, currency, total_ht, total_vat,
         total_ttc, delivery_fee, discount_total, has_physical, delivery_option, locale, quote_json, approval_html,
         created_at, updated_at)
       VALUES (?, ?, 'TILL-01', 1, ?, ?, 'EUR', 1242, 248, 1490, 0, 0, 1, 'pickup', 'fr', ?, ?, ?, ?)`,
    )
    insert.run(1, 'T01-2026-000001', 'delivered', 'key-1', JSON.stringify(QUOTE), '<p>approval 1</p>', AT, AT)
    insert.run(2, null, 'pending_payment', 'key-2', JSON.stringify({ ...QUOTE, currency: 'EUR' }), null, AT, AT)
    db.close()

    const migrated = openDatabase(file, merchantMigrations)
    try {
      expect(migrated.pragma('user_version', { simple: true })).toBe(merchantMigrations.length)
      const orders = new OrderRepository(migrated)
      expect(orders.findById(1)!.quote).toEqual(QUOTE)
      expect(orders.findById(1)!.approvalHtml).toBe('<p>approval 1</p>')
      expect(orders.findById(2)!.quote).toEqual(QUOTE)
      expect(orders.findById(2)!.approvalHtml).toBeNull()

      // Stored once, never replaced: the old approval stays, the pending order's goes to its own row.
      orders.storeApproval(1, '<p>again</p>')
      orders.storeApproval(2, '<p>approval 2</p>')
      orders.storeApproval(2, '<p>again</p>')
      expect(orders.findById(1)!.approvalHtml).toBe('<p>approval 1</p>')
      expect(orders.findById(2)!.approvalHtml).toBe('<p>approval 2</p>')
      expect(orders.findById(2)!.quote).toEqual(QUOTE)
      expect(migrated.prepare('SELECT order_id FROM order_documents').pluck().all()).toEqual([2])
    } finally {
      migrated.close()
    }
  })
})
