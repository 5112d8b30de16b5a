import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { OrderInfo } from '@shared/contract'
import { formatOrderNumber } from '../../../src/main/orders/order-number'
import { createTempApp, type TempApp } from '../../support/temp-app'

/**
 * French rules want the numbers of tickets to follow each other without gaps: a sale takes its
 * number when it is paid, and cancelled, abandoned and declined checkouts never take one.
 */

let subject: TempApp | null = null
afterEach(() => {
  subject?.dispose()
  subject = null
})

const CARD = { expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const APPROVED = ['4242 4242 4242 4242', '5555 5555 5555 4444', '2223 0031 2200 3222']
const DECLINED = ['4000 0000 0000 0002', '4000 0000 0000 9995', '4000 0000 0000 9987']
const PAID_STATUSES = new Set(['authorized', 'paid', 'delivered', 'awaiting_shipment'])

type Step =
  | { kind: 'begin' }
  | { kind: 'cancel' }
  | { kind: 'decline'; card: number }
  | { kind: 'payCard'; card: number }
  | { kind: 'payCash' }
  | { kind: 'payAgain' }
  | { kind: 'restart' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'begin' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'cancel' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('decline' as const), card: fc.nat({ max: 2 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('payCard' as const), card: fc.nat({ max: 2 }) }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'payCash' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'payAgain' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'restart' as const }), weight: 1 },
)

async function open(dataDir?: string, tillId?: string): Promise<TempApp> {
  const app = createTempApp({ dataDir, tillId })
  await app.loginAs('cashier')
  return app
}

async function beginCheckout(app: TempApp): Promise<OrderInfo> {
  if ((await app.value('cart.get', {})).lines.length === 0) {
    const [product] = await app.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
    await app.value('cart.addProduct', { productId: product!.id, quantity: 1 })
  }
  return app.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
}

function allOrders(app: TempApp): Array<{ id: number; number: string | null; status: string; paid_at: string | null }> {
  return app.app.db.prepare('SELECT id, number, status, paid_at FROM orders ORDER BY id').all() as never
}

const year = (): number => new Date().getUTCFullYear()

describe('sale numbers are given at payment, without gaps', () => {
  it('begin, cancel, decline, retry and pay in any order: the paid sales are numbered exactly 1..N', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
        let app = await open()
        subject = app
        const dataDir = app.dataDir
        let current: OrderInfo | null = null
        let lastPaid: OrderInfo | null = null
        const paidInOrder: number[] = []
        try {
          for (const next of steps) {
            switch (next.kind) {
              case 'begin':
                current = await beginCheckout(app)
                expect(current.number).toBeNull()
                break
              case 'cancel':
                if (current) await app.value('checkout.cancel', { orderId: current.id })
                current = null
                break
              case 'decline':
                if (current) {
                  const answer = await app.call('checkout.payByCard', {
                    orderId: current.id,
                    card: { ...CARD, number: DECLINED[next.card]! },
                  })
                  expect(answer.ok).toBe(false)
                }
                break
              case 'payCard':
              case 'payCash': {
                if (!current) break
                const answer =
                  next.kind === 'payCard'
                    ? await app.call('checkout.payByCard', { orderId: current.id, card: { ...CARD, number: APPROVED[next.card]! } })
                    : await app.call('checkout.payCash', { orderId: current.id, tendered: 5000 })
                // The issuer may refuse a card for its own reasons (velocity): that is a decline.
                if (answer.ok && PAID_STATUSES.has(answer.value.status)) {
                  expect(answer.value.number).not.toBeNull()
                  paidInOrder.push(current.id)
                  lastPaid = answer.value
                  current = null
                }
                break
              }
              case 'payAgain':
                // Pressing pay again on a paid sale answers it as it is, with the same number.
                if (lastPaid) {
                  const again = await app.value('checkout.payCash', { orderId: lastPaid.id, tendered: 5000 })
                  expect(again.number).toBe(lastPaid.number)
                }
                break
              case 'restart':
                app.dispose()
                app = await open(dataDir)
                subject = app
                break
            }
          }
          const orders = allOrders(app)
          const numbered = orders.filter((order) => order.number !== null)
          // Exactly the paid sales have a number, and in the order they were paid: 1..N.
          expect(numbered.map((order) => order.id).sort((a, b) => a - b)).toEqual([...paidInOrder].sort((a, b) => a - b))
          const byPayment = paidInOrder.map((id) => orders.find((order) => order.id === id)!.number)
          expect(byPayment).toEqual(paidInOrder.map((_, index) => formatOrderNumber('T01', year(), index + 1)))
          for (const order of orders.filter((candidate) => candidate.number === null)) {
            expect(['pending_payment', 'declined', 'abandoned']).toContain(order.status)
            expect(order.paid_at).toBeNull()
          }
        } finally {
          app.dispose()
          subject = null
        }
      }),
      { numRuns: 12 },
    )
  }, 120_000)

  it('each till has its own series; a sale paid after New Year starts the new year at 1', async () => {
    let now = new Date('2026-12-31T23:58:00.000Z')
    subject = createTempApp({ now: () => now })
    const dataDir = subject.dataDir
    await subject.loginAs('cashier')
    const first = await beginCheckout(subject)
    const declined = await subject.call('checkout.payByCard', { orderId: first.id, card: { ...CARD, number: DECLINED[0]! } })
    expect(declined.ok).toBe(false)
    expect((await subject.value('orders.get', { orderId: first.id })).number).toBeNull()
    expect((await subject.value('checkout.payCash', { orderId: first.id, tendered: 5000 })).number).toBe('T01-2026-000001')
    const second = await beginCheckout(subject)
    now = new Date('2027-01-01T00:00:30.000Z')
    expect((await subject.value('checkout.payCash', { orderId: second.id, tendered: 5000 })).number).toBe('T01-2027-000001')
    subject.dispose()

    subject = createTempApp({ dataDir, tillId: 'TILL-02', now: () => now })
    await subject.loginAs('cashier')
    // A second till sells once its own cash session is open (the demo seed opened only the first's).
    await subject.value('cashSession.open', { count: [{ denomination: 1000, quantity: 5 }] })
    const other = await beginCheckout(subject)
    expect((await subject.value('checkout.payCash', { orderId: other.id, tendered: 5000 })).number).toBe('T02-2027-000001')
  })

  it('a payment whose recording fails takes no number: the next sale gets it', async () => {
    subject = await open()
    const db = subject.app.db
    const failing = await beginCheckout(subject)
    // A trigger that refuses the payment's record makes completion's transaction roll back.
    db.exec(`CREATE TEMP TRIGGER refuse_payment BEFORE UPDATE OF paid_at ON main.orders
      WHEN new.id = ${failing.id} BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`)
    const refused = await subject.call('checkout.payCash', { orderId: failing.id, tendered: 5000 })
    expect(refused.ok).toBe(false)
    expect((await subject.value('orders.get', { orderId: failing.id })).number).toBeNull()
    await subject.value('checkout.cancel', { orderId: failing.id })
    const next = await beginCheckout(subject)
    expect((await subject.value('checkout.payCash', { orderId: next.id, tendered: 5000 })).number).toBe(
      formatOrderNumber('T01', year(), 1),
    )
  })

  it('an approval whose sale never committed (the app stopped) is completed at start-up and takes the next number', async () => {
    subject = await open()
    const paidFirst = await beginCheckout(subject)
    await subject.value('checkout.payCash', { orderId: paidFirst.id, tendered: 5000 })
    const interrupted = await beginCheckout(subject)
    // What a crash between the issuer's approval and the order's commit leaves: an approved attempt.
    const approved = await subject.app.payments.authorizeCard({
      amount: interrupted.quote.totals.ttc,
      idempotencyKey: 'interrupted:1',
      orderId: interrupted.id,
      card: { number: APPROVED[0]!, expiry: '12/30', securityCode: '123' },
    })
    expect(approved.ok && approved.value.kind).toBe('approved')
    expect((await subject.value('orders.get', { orderId: interrupted.id })).number).toBeNull()
    const report = await subject.app.start()
    const numberTwo = formatOrderNumber('T01', year(), 2)
    expect(report.completedOrders).toEqual([numberTwo])
    expect(await subject.value('orders.get', { orderId: interrupted.id })).toMatchObject({ number: numberTwo, paymentMethod: 'card' })
  })

  it('an order never paid is shown and found by its internal reference', async () => {
    subject = await open()
    const abandoned = await beginCheckout(subject)
    await subject.value('checkout.cancel', { orderId: abandoned.id })
    const sold = await beginCheckout(subject)
    const paid = await subject.value('checkout.payCash', { orderId: sold.id, tendered: 5000 })
    await subject.loginAs('admin')
    const found = await subject.value('orders.search', { filters: { text: `#${abandoned.id}` } })
    expect(found.rows.map((row) => [row.id, row.number])).toContainEqual([abandoned.id, null])
    const byNumber = await subject.value('orders.search', { filters: { text: paid.number! } })
    expect(byNumber.rows.map((row) => row.id)).toEqual([sold.id])
    const bySequence = await subject.value('orders.search', { filters: { text: '1' } })
    expect(bySequence.rows.map((row) => row.id)).toContain(sold.id)
    const detail = await subject.value('orders.detail', { orderId: abandoned.id })
    expect(detail.number).toBeNull()
  })
})
