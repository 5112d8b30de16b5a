import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallName, OrderFilters, Result, VatByRate } from '@shared/contract'
import { allocateByLargestRemainder } from '@shared/money'
import { shopDay } from '@shared/time/shop-time-zone'
import { createApp, type ComptoirApp } from '../../../src/main/app/create-app'
import { createLogger } from '../../../src/platform/logging/logger'
import { DEMO_USERS } from '../../../src/main/seed/seed-demo-shop'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, exportText, LYON, parseCsv, VISA_OK } from './back-office-kit'

/**
 * The proof of issue 9: one checkout in every state, made through the real calls, then the order
 * list's totals, the dashboard and the VAT report are each compared with sums this test computes
 * itself from the rows of the database.
 */

const MASTERCARD_OK = { ...VISA_OK, number: '5555 5555 5555 4444' }
const DECLINED_51 = { ...VISA_OK, number: '4000 0000 0000 9995' }
const DECLINED_05 = { ...VISA_OK, number: '4000 0000 0000 0002' }

/** What this test counts as a sale, written out here rather than imported. */
const SOLD = ['authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded']

let subject: TempApp
let secondTill: ComptoirApp
const ids: Record<string, number> = {}
/** The shop's day (Europe/Paris by default), on which the dashboard counts today's sales. */
const today = shopDay(new Date(), 'Europe/Paris')
const tomorrow = new Date(Date.parse(`${today}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10)

async function fill(app: TempApp, lines: Array<[sku: string, quantity: number]>): Promise<void> {
  for (const [sku, quantity] of lines) {
    const [product] = await app.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
    await app.value('cart.addProduct', { productId: product!.id, quantity }, 'cashier')
  }
}

async function begin(lines: Array<[string, number]>, shipped = false): Promise<number> {
  await fill(subject, lines)
  const delivery = shipped ? { option: 'standard' as const, address: LYON } : { option: 'pickup' as const }
  return (await subject.value('checkout.begin', { customerId: null, delivery }, 'cashier')).id
}

async function payByCard(orderId: number, card: typeof VISA_OK) {
  return subject.call('checkout.payByCard', { orderId, card }, 'cashier')
}

async function call<T>(app: ComptoirApp, name: CallName, input: unknown, client: string): Promise<T> {
  const answer = (await app.router.dispatch(name, input, client)) as Result<T>
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`)
  return answer.value
}

beforeAll(async () => {
  subject = await backOfficeApp()
  const teapotAndCoffee: Array<[string, number]> = [['MAI-THEIERE-05', 1], ['EPI-CAFE-250', 2]]

  ids.paidCash = await begin(teapotAndCoffee)
  await subject.value('checkout.payCash', { orderId: ids.paidCash, tendered: 100_000 }, 'cashier')

  ids.authorizedCard = await begin([['EPI-THE-100', 1], ['MAI-THEIERE-05', 1]], true)
  expect((await payByCard(ids.authorizedCard, VISA_OK)).ok).toBe(true)

  ids.shippedCaptured = await begin([['EPI-CHOC-100', 3], ['MAI-THEIERE-05', 1]], true)
  await payByCard(ids.shippedCaptured, MASTERCARD_OK)
  await subject.value('orders.markShipped', { orderId: ids.shippedCaptured, carrier: 'Colissimo', trackingNumber: '6A00000000001' })
  // Part of a card payment given back: it counts once the issuer has acknowledged it.
  await subject.value('orders.refund', { orderId: ids.shippedCaptured, amount: 777 })

  ids.partlyRefunded = await begin([['EPI-MIEL-500', 1], ['MAI-THEIERE-05', 1], ['EPI-CAFE-250', 1]])
  await subject.value('checkout.payCash', { orderId: ids.partlyRefunded, tendered: 100_000 }, 'cashier')
  await subject.value('orders.refund', { orderId: ids.partlyRefunded, amount: 1234 })
  await subject.value('orders.refund', { orderId: ids.partlyRefunded, amount: 99 })

  ids.fullyRefunded = await begin([['EPI-CAFE-250', 1], ['MAI-THEIERE-05', 1]])
  const sold = await subject.value('checkout.payCash', { orderId: ids.fullyRefunded, tendered: 100_000 }, 'cashier')
  await subject.value('orders.refund', { orderId: ids.fullyRefunded, amount: 2000 })
  await subject.value('orders.refund', { orderId: ids.fullyRefunded, amount: sold.quote.totals.ttc - 2000 })

  ids.voided = await begin([['MAI-THEIERE-05', 1]], true)
  await payByCard(ids.voided, MASTERCARD_OK)
  await subject.value('orders.void', { orderId: ids.voided })

  ids.declinedThenPaid = await begin([['EPI-CHOC-100', 2]])
  expect(await payByCard(ids.declinedThenPaid, DECLINED_51)).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED' } })
  expect((await payByCard(ids.declinedThenPaid, VISA_OK)).ok).toBe(true)

  ids.abandoned = await begin([['EPI-THE-100', 1]])
  await subject.value('checkout.cancel', { orderId: ids.abandoned }, 'cashier')

  ids.declinedThenAbandoned = await begin([['EPI-MIEL-500', 2]])
  expect(await payByCard(ids.declinedThenAbandoned, DECLINED_05)).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED' } })
  await subject.value('checkout.cancel', { orderId: ids.declinedThenAbandoned }, 'cashier')

  // Last on this till: a new checkout would give it up.
  ids.declined = await begin([['MAI-THEIERE-05', 2]])
  expect(await payByCard(ids.declined, DECLINED_51)).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED' } })

  // A checkout left waiting at another till of the shop.
  secondTill = createApp({ dataDir: subject.dataDir, tillId: 'TILL-02', logger: createLogger(undefined, { quiet: true }) })
  const cashier = DEMO_USERS.find((user) => user.role === 'cashier')!
  const users = await call<Array<{ id: number; displayName: string }>>(secondTill, 'auth.listUsers', {}, 'till-2')
  await call(secondTill, 'auth.login', { userId: users.find((user) => user.displayName === cashier.displayName)!.id, pin: cashier.pin }, 'till-2')
  // Another till sells once its own cash session is open (the demo seed opened only the first's).
  await call(secondTill, 'cashSession.open', { count: [{ denomination: 1000, quantity: 5 }] }, 'till-2')
  const [teapot] = await call<Array<{ id: number }>>(secondTill, 'catalogue.search', { query: 'MAI-THEIERE-05', limit: 1 }, 'till-2')
  await call(secondTill, 'cart.addProduct', { productId: teapot!.id, quantity: 1 }, 'till-2')
  ids.pending = (await call<{ id: number }>(secondTill, 'checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'till-2')).id
}, 60_000)

afterAll(() => {
  secondTill?.close()
  subject?.dispose()
})

interface Row {
  id: number
  status: string
  tillId: string
  createdAt: string
  totalTtc: number
  refunded: number
  lastDeclineCode: string | null
}

function rows(): Row[] {
  return subject.app.db
    .prepare(
      `SELECT id, status, till_id AS tillId, created_at AS createdAt, total_ttc AS totalTtc, refunded_amount AS refunded,
         last_decline_code AS lastDeclineCode FROM orders ORDER BY id`,
    )
    .all() as Row[]
}

function vatRows(orderId: number): VatByRate[] {
  return subject.app.db
    .prepare('SELECT rate_basis_points AS rateBasisPoints, ht, vat, ttc FROM order_vat WHERE order_id = ? ORDER BY rate_basis_points DESC')
    .all(orderId) as VatByRate[]
}

function addTo(map: Map<number, VatByRate>, rate: VatByRate): void {
  const sum = map.get(rate.rateBasisPoints) ?? { rateBasisPoints: rate.rateBasisPoints, ht: 0, vat: 0, ttc: 0 }
  map.set(rate.rateBasisPoints, { ...sum, ht: sum.ht + rate.ht, vat: sum.vat + rate.vat, ttc: sum.ttc + rate.ttc })
}

const byRate = (map: Map<number, VatByRate>) => [...map.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)

/** The figures, summed here from the orders' own rows. */
function expected(selected: Row[]) {
  const sold = selected.filter((row) => SOLD.includes(row.status))
  const vat = new Map<number, VatByRate>()
  const refundVat = new Map<number, VatByRate>()
  for (const row of sold) {
    const rates = vatRows(row.id)
    for (const rate of rates) addTo(vat, rate)
    if (row.refunded === 0) continue
    // The refund over the rates in proportion to their TTC, then base and VAT in proportion to the order's.
    const parts = allocateByLargestRemainder(row.refunded, rates.map((rate) => rate.ttc))
    rates.forEach((rate, index) => {
      const [ht, tax] = allocateByLargestRemainder(parts[index]!, [rate.ht, rate.vat])
      addTo(refundVat, { rateBasisPoints: rate.rateBasisPoints, ht: ht!, vat: tax!, ttc: parts[index]! })
    })
  }
  const totalTtc = sold.reduce((sum, row) => sum + row.totalTtc, 0)
  const refundedTtc = sold.reduce((sum, row) => sum + row.refunded, 0)
  const netVat = new Map<number, VatByRate>()
  for (const rate of vat.values()) addTo(netVat, rate)
  for (const rate of refundVat.values()) addTo(netVat, { rateBasisPoints: rate.rateBasisPoints, ht: -rate.ht, vat: -rate.vat, ttc: -rate.ttc })
  return {
    count: selected.length,
    soldCount: sold.length,
    totalTtc,
    refundedTtc,
    netTtc: totalTtc - refundedTtc,
    vat: byRate(vat),
    refundVat: byRate(refundVat).filter((rate) => rate.ttc !== 0),
    netVat: byRate(netVat),
  }
}

const money = (figures: ReturnType<typeof expected>) => {
  const { count, ...rest } = figures
  void count
  return rest
}

async function listed(filters: OrderFilters): Promise<number[]> {
  const page = await subject.value('orders.search', { filters, limit: 200 })
  return page.rows.map((row) => row.id).sort((a, b) => a - b)
}

describe('figures an administrator reads count only what was sold', () => {
  it('every state was produced', () => {
    const status = Object.fromEntries(rows().map((row) => [row.id, row.status]))
    expect(Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, status[id]]))).toEqual({
      paidCash: 'delivered',
      authorizedCard: 'awaiting_shipment',
      shippedCaptured: 'shipped',
      partlyRefunded: 'delivered',
      fullyRefunded: 'refunded',
      voided: 'voided',
      declinedThenPaid: 'delivered',
      abandoned: 'abandoned',
      declinedThenAbandoned: 'abandoned',
      declined: 'declined',
      pending: 'pending_payment',
    })
    const all = rows()
    expect(all.find((row) => row.id === ids.partlyRefunded)!.refunded).toBe(1333)
    expect(all.find((row) => row.id === ids.shippedCaptured)!.refunded).toBe(777)
    expect(vatRows(ids.partlyRefunded!).length).toBe(2)
  })

  it('the order list counts every order but totals only the sales, refunds on their own line', async () => {
    const all = rows()
    const truth = expected(all)
    expect(truth.soldCount).toBe(6)
    expect(truth.refundedTtc).toBeGreaterThan(1333 + 777)
    expect(truth.refundVat.length).toBe(2)
    // The whole history, a whole day (the daily tables), the same day with another filter (the orders).
    for (const filters of [{}, { from: today, to: tomorrow }, { from: today, to: tomorrow, minTotal: 0 }]) {
      const summary = await subject.value('orders.summary', { filters })
      expect(summary, JSON.stringify(filters)).toMatchObject({ ...truth, currency: 'EUR' })
    }
    // A status filter, from the daily tables and from the orders.
    const some = all.filter((row) => ['delivered', 'refunded', 'voided'].includes(row.status))
    for (const extra of [{}, { minTotal: 0 }]) {
      const summary = await subject.value('orders.summary', { filters: { statuses: ['delivered', 'refunded', 'voided'], ...extra } })
      expect(summary).toMatchObject(expected(some))
    }
    const tillTwo = await subject.value('orders.summary', { filters: { tillId: 'TILL-02' } })
    expect(tillTwo).toMatchObject({ count: 1, soldCount: 0, totalTtc: 0, refundedTtc: 0, netTtc: 0, vat: [], refundVat: [] })
  })

  it('the dashboard of the day shows the same sales, refunds and net', async () => {
    const truth = money(expected(rows()))
    const dashboard = await subject.value('dashboard.period', { from: today, to: today })
    expect(dashboard).toMatchObject({ ...truth, orderCount: truth.soldCount })
    expect(dashboard.days).toEqual([
      { day: today, orders: truth.soldCount, totalTtc: truth.totalTtc, refundedTtc: truth.refundedTtc, netTtc: truth.netTtc },
    ])
  })

  it('the VAT report of the day has the same lines: sales, refunds and net per rate', async () => {
    const truth = expected(rows())
    const csv = parseCsv((await exportText(subject, { kind: 'vat', from: today, to: tomorrow, locale: 'fr', format: 'international' })).slice(1))
    const cents = (text: string) => Number(text.replace('.', ''))
    const amounts = (line: string[]) => ({ ht: cents(line[1]!), vat: cents(line[2]!), ttc: cents(line[3]!) })
    const total = (rates: VatByRate[], sign = 1) => ({
      ht: sign * rates.reduce((sum, rate) => sum + rate.ht, 0),
      vat: sign * rates.reduce((sum, rate) => sum + rate.vat, 0),
      ttc: sign * rates.reduce((sum, rate) => sum + rate.ttc, 0),
    })
    const net = truth.vat.map((rate) => {
      const refund = truth.refundVat.find((candidate) => candidate.rateBasisPoints === rate.rateBasisPoints)
      return { ht: rate.ht - (refund?.ht ?? 0), vat: rate.vat - (refund?.vat ?? 0), ttc: rate.ttc - (refund?.ttc ?? 0) }
    })
    const byLabel = new Map(csv.slice(1).map((line) => [line[0]!, amounts(line)]))
    expect(byLabel.get('20')).toEqual({ ht: truth.vat[0]!.ht, vat: truth.vat[0]!.vat, ttc: truth.vat[0]!.ttc })
    expect(byLabel.get('5.5')).toEqual({ ht: truth.vat[1]!.ht, vat: truth.vat[1]!.vat, ttc: truth.vat[1]!.ttc })
    expect(byLabel.get('Total des ventes')).toEqual(total(truth.vat))
    expect(total(truth.vat).ttc).toBe(truth.totalTtc)
    expect(byLabel.get('Remboursements à 20 %')).toEqual(total([truth.refundVat[0]!], -1))
    expect(byLabel.get('Remboursements à 5.5 %')).toEqual(total([truth.refundVat[1]!], -1))
    expect(byLabel.get('Total des remboursements')).toEqual(total(truth.refundVat, -1))
    expect(byLabel.get('Total des remboursements')!.ttc).toBe(-truth.refundedTtc)
    expect(byLabel.get('Net à 20 %')).toEqual(net[0])
    expect(byLabel.get('Net à 5.5 %')).toEqual(net[1])
    expect(byLabel.get('Total net')!.ttc).toBe(truth.netTtc)
  })

  it('"declined" finds the checkouts whose card was declined and that were never paid, whatever they became', async () => {
    expect(await listed({ statuses: ['declined'] })).toEqual([ids.declinedThenAbandoned!, ids.declined!].sort((a, b) => a - b))
    const page = await subject.value('orders.search', { filters: { statuses: ['declined'], declineCode: '05' } })
    expect(page.rows.map((row) => [row.id, row.status, row.lastDeclineCode])).toEqual([[ids.declinedThenAbandoned, 'abandoned', '05']])
    // By its code, a declined card is found whatever the order became, paid after a retry too.
    expect(await listed({ declineCode: '51' })).toEqual([ids.declinedThenPaid!, ids.declined!].sort((a, b) => a - b))
    expect(await listed({ statuses: ['abandoned'] })).toEqual([ids.abandoned!, ids.declinedThenAbandoned!].sort((a, b) => a - b))
    expect(await listed({ statuses: ['declined', 'abandoned'] })).toEqual(
      [ids.abandoned!, ids.declinedThenAbandoned!, ids.declined!].sort((a, b) => a - b),
    )
    // Counted the same way by the summary, from the orders or from the daily tables.
    const declined = await subject.value('orders.summary', { filters: { statuses: ['declined'], from: today, to: tomorrow } })
    expect(declined).toMatchObject({ count: 2, soldCount: 0, totalTtc: 0 })
    const both = await subject.value('orders.summary', { filters: { statuses: ['declined', 'abandoned'], from: today, to: tomorrow } })
    expect(both).toMatchObject({ count: 3, soldCount: 0, totalTtc: 0 })
    const options = await subject.value('orders.filterOptions', {})
    expect(options.declineCodes.map((entry) => entry.code)).toEqual(['05', '51'])
  })
})
