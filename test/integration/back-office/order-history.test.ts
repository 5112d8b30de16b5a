import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderFilters, OrderListRow, OrderSort } from '@shared/contract'
import type { TempApp } from '../../support/temp-app'
import { startOfShopDay } from '@shared/time/shop-time-zone'
import { backOfficeApp, exportText, parseCsv } from './back-office-kit'

let subject: TempApp
let all: Array<OrderListRow & { cashierId: number; vatRows: number }>

beforeAll(async () => {
  subject = await backOfficeApp(3000)
  all = subject.app.db
    .prepare(
      `SELECT o.id, o.number, o.created_at AS createdAt, o.status, o.customer_name AS customerName, u.display_name AS cashierName,
         o.till_id AS tillId, o.payment_method AS paymentMethod, o.card_brand AS cardBrand, o.card_last_four AS cardLastFour,
         o.authorization_code AS authorizationCode, o.last_decline_code AS lastDeclineCode, o.total_ttc AS totalTtc,
         o.currency, o.cashier_id AS cashierId, 0 AS vatRows FROM orders o JOIN users u ON u.id = o.cashier_id`,
    )
    .all() as typeof all
}, 60_000)
afterAll(() => subject.dispose())

/** The same filters, written naively over every order in memory: the reference. */
const parisDay = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? startOfShopDay(day, 'Europe/Paris') : day)

function matches(row: (typeof all)[number], filters: OrderFilters): boolean {
  return (
    (!filters.statuses?.length ||
      filters.statuses.includes(row.status) ||
      // "Declined" also finds a checkout given up after its card was declined.
      (filters.statuses.includes('declined') && row.status === 'abandoned' && row.lastDeclineCode !== null)) &&
    // Bare days are the shop's days (Europe/Paris by default), not UTC days.
    (filters.from === undefined || row.createdAt >= parisDay(filters.from)) &&
    (filters.to === undefined || row.createdAt < parisDay(filters.to)) &&
    (filters.cashierId === undefined || row.cashierId === filters.cashierId) &&
    (filters.tillId === undefined || row.tillId === filters.tillId) &&
    (filters.paymentMethod === undefined || row.paymentMethod === filters.paymentMethod) &&
    (filters.cardBrand === undefined || row.cardBrand === filters.cardBrand) &&
    (filters.minTotal === undefined || row.totalTtc >= filters.minTotal) &&
    (filters.maxTotal === undefined || row.totalTtc <= filters.maxTotal) &&
    (filters.declineCode === undefined || row.lastDeclineCode === filters.declineCode)
  )
}

const COMPARE: Record<OrderSort, (a: OrderListRow, b: OrderListRow) => number> = {
  date_desc: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id),
  amount_desc: (a, b) => b.totalTtc - a.totalTtc || b.id - a.id,
  amount_asc: (a, b) => a.totalTtc - b.totalTtc || a.id - b.id,
}

async function everyPage(filters: OrderFilters, sort: OrderSort, limit: number): Promise<number[]> {
  const ids: number[] = []
  let cursor: string | null = null
  for (let guard = 0; guard < 10_000; guard++) {
    const page: { rows: OrderListRow[]; nextCursor: string | null } = await subject.value('orders.search', { filters, sort, limit, cursor })
    ids.push(...page.rows.map((row) => row.id))
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return ids
}

const SOME_STATUSES = ['delivered', 'completed', 'declined', 'shipped', 'awaiting_shipment', 'voided', 'refunded'] as const
const DAY_MS = 86_400_000

/**
 * Filters drawn around one generated order, so that every draw selects it and usually many more:
 * filters drawn blind select nothing most of the time, and an empty history pages trivially.
 * A present filter admits the anchor order.
 */
function filtersAroundAnOrder(): fc.Arbitrary<{ anchorId: number; filters: OrderFilters }> {
  return fc.integer({ min: 0, max: all.length - 1 }).chain((index) => {
    const row = all[index]!
    const at = Date.parse(row.createdAt)
    const candidates: Record<string, fc.Arbitrary<unknown>> = {
      statuses: fc.subarray([...SOME_STATUSES]).map((others) => [...new Set([row.status, ...others])]),
      from: fc.integer({ min: 0, max: 120 }).map((days) => new Date(at - days * DAY_MS).toISOString()),
      to: fc.integer({ min: 1, max: 120 }).map((days) => new Date(at + days * DAY_MS).toISOString()),
      cashierId: fc.constant(row.cashierId),
      minTotal: fc.integer({ min: 0, max: row.totalTtc }),
      maxTotal: fc.integer({ min: row.totalTtc, max: row.totalTtc + 20_000 }),
    }
    if (row.tillId) candidates.tillId = fc.constant(row.tillId)
    if (row.paymentMethod) candidates.paymentMethod = fc.constant(row.paymentMethod)
    if (row.cardBrand) candidates.cardBrand = fc.constant(row.cardBrand)
    if (row.lastDeclineCode) candidates.declineCode = fc.constant(row.lastDeclineCode)
    // Each filter in one draw out of four: most draws then select enough orders to page.
    const sometimes = Object.fromEntries(
      Object.entries(candidates).map(([key, value]) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value })]),
    )
    return fc.record(sometimes).map((drawn) => ({
      anchorId: row.id,
      filters: Object.fromEntries(Object.entries(drawn).filter(([, value]) => value !== undefined)) as OrderFilters,
    }))
  })
}

describe('order history at a few thousand generated orders', () => {
  it('keyset pages never repeat nor skip a row, whatever the filters, sort and page size', async () => {
    let severalPages = 0
    const runs = 40
    await fc.assert(
      fc.asyncProperty(filtersAroundAnOrder(), fc.constantFrom<OrderSort>('date_desc', 'amount_desc', 'amount_asc'), fc.integer({ min: 7, max: 200 }), async ({ anchorId, filters }, sort, limit) => {
        const expected = all.filter((row) => matches(row, filters)).sort(COMPARE[sort]).map((row) => row.id)
        expect(expected).toContain(anchorId)
        if (expected.length > limit) severalPages++
        expect(await everyPage(filters, sort, limit)).toEqual(expected)
      }),
      { numRuns: runs },
    )
    // Most draws must page: a property over one-page answers proves nothing about cursors.
    expect(severalPages).toBeGreaterThan(runs / 2)
  }, 120_000)

  it('the summary counts the orders the filters select, and totals only the sales among them, VAT per rate included', async () => {
    const vatOf = subject.app.db.prepare<[number], { rate: number; ht: number; vat: number; ttc: number }>(
      'SELECT rate_basis_points AS rate, ht, vat, ttc FROM order_vat WHERE order_id = ?',
    )
    for (const filters of [{}, { statuses: ['declined' as const] }, { from: '2025-03-01', to: '2025-04-01', statuses: ['delivered' as const, 'completed' as const] }, { paymentMethod: 'cash' as const, minTotal: 1000 }]) {
      const selected = all.filter((row) => matches(row, filters))
      const summary = await subject.value('orders.summary', { filters })
      expect(summary.count).toBe(selected.length)
      const sold = selected.filter((row) => !['declined', 'abandoned', 'voided', 'pending_payment'].includes(row.status))
      expect(summary.soldCount).toBe(sold.length)
      expect(summary.totalTtc).toBe(sold.reduce((sum, row) => sum + row.totalTtc, 0))
      const byRate = new Map<number, number>()
      for (const row of sold) for (const vat of vatOf.all(row.id)) byRate.set(vat.rate, (byRate.get(vat.rate) ?? 0) + vat.vat)
      expect(Object.fromEntries(summary.vat.map((rate) => [rate.rateBasisPoints, rate.vat]))).toEqual(Object.fromEntries(byRate))
    }
  })

  it('a search by the last four digits or by the authorization code finds the order', async () => {
    const sequenceOf = (number: string): number => Number(number.split('-').at(-1))
    const target = all.find((row) => row.authorizationCode && row.cardLastFour && row.number && sequenceOf(row.number) > 300)!
    const byLastFour = await subject.value('orders.search', { filters: { text: target.cardLastFour! }, limit: 200 })
    expect(byLastFour.rows.map((row) => row.id)).toContain(target.id)
    const byCode = await subject.value('orders.search', { filters: { text: target.authorizationCode!.toLowerCase() } })
    expect(byCode.rows.map((row) => row.id)).toContain(target.id)
    const byNumber = await subject.value('orders.search', { filters: { text: target.number! } })
    expect(byNumber.rows.map((row) => row.id)).toEqual([target.id])
    const sequence = String(sequenceOf(target.number!))
    const bySequence = await subject.value('orders.search', { filters: { text: sequence }, limit: 200 })
    expect(bySequence.rows.map((row) => row.id)).toContain(target.id)
  })

  it('a customer is found by a prefix of their name, accents ignored, and text combines with other filters', async () => {
    const target = all.find((row) => row.customerName?.includes('é'))!
    const word = target.customerName!.split(' ').find((part) => part.includes('é'))!
    const prefix = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').slice(0, 4)
    const page = await subject.value('orders.search', { filters: { text: prefix, statuses: [target.status] }, limit: 200 })
    expect(page.rows.every((row) => row.status === target.status)).toBe(true)
    expect(page.rows.map((row) => row.id)).toContain(target.id)
  })

  it('the CSV export holds the same rows as the search with the same filters, amounts in decimal', async () => {
    const filters: OrderFilters = { statuses: ['delivered', 'refunded'], paymentMethod: 'card' }
    const expected = await (async () => {
      const rows: OrderListRow[] = []
      let cursor: string | null = null
      do {
        const page: { rows: OrderListRow[]; nextCursor: string | null } = await subject.value('orders.search', { filters, limit: 200, cursor })
        rows.push(...page.rows)
        cursor = page.nextCursor
      } while (cursor)
      return rows
    })()
    const text = await exportText(subject, { kind: 'orders', filters, locale: 'en' })
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header![0]).toBe('Number')
    expect(rows.map((row) => row[0])).toEqual(expected.map((row) => row.number))
    for (const [index, row] of rows.entries()) {
      const order = expected[index]!
      expect(row[13]).toBe(`${Math.floor(order.totalTtc / 100)}.${String(order.totalTtc % 100).padStart(2, '0')}`)
      expect(row[8]).toBe(order.cardLastFour ?? '')
    }
    const french = await exportText(subject, { kind: 'orders', filters: { statuses: ['voided'] }, locale: 'fr' })
    expect(parseCsv(french.slice(1), ';')[0]![0]).toBe('Numéro')
  })

  it('an order never paid has no number: listed, exported and found by its internal reference #id', async () => {
    const abandoned = all.filter((row) => row.status === 'abandoned')
    expect(abandoned.length).toBeGreaterThan(0)
    expect(abandoned.every((row) => row.number === null)).toBe(true)
    const text = await exportText(subject, { kind: 'orders', filters: { statuses: ['abandoned'] }, locale: 'en' })
    const [, ...rows] = parseCsv(text.slice(1))
    expect(rows.map((row) => row[0]).sort()).toEqual(abandoned.map((row) => `#${row.id}`).sort())
    const target = abandoned[abandoned.length - 1]!
    const found = await subject.value('orders.search', { filters: { text: `#${target.id}` }, limit: 200 })
    expect(found.rows.find((row) => row.id === target.id)).toMatchObject({ number: null })
  })

  it("the VAT report's lines sum to the VAT of the period's sold orders", async () => {
    const text = await exportText(subject, { kind: 'vat', from: '2025-01-01', to: '2026-01-01', locale: 'fr', format: 'international' })
    const rows = parseCsv(text.slice(1))
    const expected = subject.app.db
      .prepare(
        `SELECT v.rate_basis_points AS rate, sum(v.ht) AS ht, sum(v.vat) AS vat, sum(v.ttc) AS ttc FROM order_vat v JOIN orders o ON o.id = v.order_id
          WHERE o.created_at >= '${parisDay('2025-01-01')}' AND o.created_at < '${parisDay('2026-01-01')}'
            AND o.status NOT IN ('declined', 'abandoned', 'voided', 'pending_payment')
          GROUP BY v.rate_basis_points ORDER BY v.rate_basis_points DESC`,
      )
      .all() as Array<{ rate: number; ht: number; vat: number; ttc: number }>
    const cents = (value: string) => Math.round(Number(value.replace('.', '')))
    const rateRows = rows.slice(1, 1 + expected.length)
    expect(rateRows.map((row) => [cents(row[1]!), cents(row[2]!), cents(row[3]!)])).toEqual(expected.map((rate) => [rate.ht, rate.vat, rate.ttc]))
    const total = rows[1 + expected.length]!
    expect(cents(total[2]!)).toBe(expected.reduce((sum, rate) => sum + rate.vat, 0))
  })

  it('the dashboard of a month adds up with the orders of that month', async () => {
    const dashboard = await subject.value('dashboard.period', { from: '2025-05-01', to: '2025-05-31' })
    const sold = all.filter(
      (row) => row.createdAt >= parisDay('2025-05-01') && row.createdAt < parisDay('2025-06-01') && !['declined', 'abandoned', 'voided', 'pending_payment'].includes(row.status),
    )
    expect(dashboard.orderCount).toBe(sold.length)
    expect(dashboard.totalTtc).toBe(sold.reduce((sum, row) => sum + row.totalTtc, 0))
    expect(dashboard.days.reduce((sum, day) => sum + day.orders, 0)).toBe(sold.length)
    expect(dashboard.topProducts.length).toBeLessThanOrEqual(10)
    expect(dashboard.attempts.declined).toBeGreaterThan(0)
    expect(dashboard.declineReasons.reduce((sum, reason) => sum + reason.count, 0)).toBe(dashboard.attempts.declined)
  })
})
