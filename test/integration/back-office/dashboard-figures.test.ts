import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOfShopDay } from '@shared/time/shop-time-zone'
import { DashboardRepository } from '../../../src/main/orders/dashboard-repository'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp } from './back-office-kit'

/**
 * Issue 12: the dashboard's new figures checked against sums this test makes itself from the
 * orders of a generated year: sales by day and by hour of the Paris clock, by cashier, refunds
 * deducted, and the period of the same length just before.
 */
let subject: TempApp
const SOLD = ['authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded']
let rows: Array<{ createdAt: string; status: string; totalTtc: number; refunded: number; cashierId: number; cashierName: string }>

beforeAll(async () => {
  subject = await backOfficeApp(2000)
  rows = subject.app.db
    .prepare(
      `SELECT o.created_at AS createdAt, o.status, o.total_ttc AS totalTtc, o.refunded_amount AS refunded, o.cashier_id AS cashierId,
              u.display_name AS cashierName FROM orders o JOIN users u ON u.id = o.cashier_id`,
    )
    .all() as typeof rows
})
afterAll(() => subject?.dispose())

const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
function parisClock(instant: string): { day: string; hour: number } {
  const parts = Object.fromEntries(paris.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

function soldBetween(from: string, to: string) {
  const start = startOfShopDay(from, 'Europe/Paris')
  const end = startOfShopDay(to, 'Europe/Paris')
  return rows.filter((row) => SOLD.includes(row.status) && row.createdAt >= start && row.createdAt < end)
}

const sum = (list: typeof rows, pick: (row: (typeof rows)[number]) => number) => list.reduce((total, row) => total + pick(row), 0)

describe('the dashboard of October 2025 (the month summer time ends)', () => {
  it('adds up by Paris day and by Paris hour, refunds deducted', async () => {
    const dashboard = await subject.value('dashboard.period', { from: '2025-10-01', to: '2025-10-31' })
    const sold = soldBetween('2025-10-01', '2025-11-01')
    expect(sold.length).toBeGreaterThan(50)
    expect(dashboard.soldCount).toBe(sold.length)
    expect(dashboard.totalTtc).toBe(sum(sold, (row) => row.totalTtc))
    expect(dashboard.refundedTtc).toBe(sum(sold, (row) => row.refunded))
    expect(dashboard.netTtc).toBe(sum(sold, (row) => row.totalTtc - row.refunded))

    const byDay = new Map<string, { orders: number; totalTtc: number; refundedTtc: number }>()
    const byHour = Array.from({ length: 24 }, () => ({ orders: 0, totalTtc: 0, refundedTtc: 0 }))
    for (const row of sold) {
      const { day, hour } = parisClock(row.createdAt)
      const entry = byDay.get(day) ?? { orders: 0, totalTtc: 0, refundedTtc: 0 }
      entry.orders++
      entry.totalTtc += row.totalTtc
      entry.refundedTtc += row.refunded
      byDay.set(day, entry)
      byHour[hour]!.orders++
      byHour[hour]!.totalTtc += row.totalTtc
      byHour[hour]!.refundedTtc += row.refunded
    }
    expect(dashboard.days).toEqual(
      [...byDay]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, entry]) => ({ day, ...entry, netTtc: entry.totalTtc - entry.refundedTtc })),
    )
    expect(dashboard.hours).toEqual(byHour.map((entry, hour) => ({ hour, ...entry, netTtc: entry.totalTtc - entry.refundedTtc })))
  })

  it('adds up by cashier, and compares with September (the 31 days just before)', async () => {
    const dashboard = await subject.value('dashboard.period', { from: '2025-10-01', to: '2025-10-31' })
    const sold = soldBetween('2025-10-01', '2025-11-01')
    const cashiers = new Map<number, { name: string; orders: number; totalTtc: number; refundedTtc: number }>()
    for (const row of sold) {
      const entry = cashiers.get(row.cashierId) ?? { name: row.cashierName, orders: 0, totalTtc: 0, refundedTtc: 0 }
      entry.orders++
      entry.totalTtc += row.totalTtc
      entry.refundedTtc += row.refunded
      cashiers.set(row.cashierId, entry)
    }
    expect(dashboard.cashiers.length).toBe(cashiers.size)
    for (const cashier of dashboard.cashiers) {
      const entry = cashiers.get(cashier.cashierId)!
      expect(cashier).toEqual({ cashierId: cashier.cashierId, ...entry, netTtc: entry.totalTtc - entry.refundedTtc })
    }
    expect(dashboard.cashiers.map((cashier) => cashier.netTtc)).toEqual([...dashboard.cashiers.map((cashier) => cashier.netTtc)].sort((a, b) => b - a))

    // 31 days before 1 October: from 31 August to 30 September.
    const before = soldBetween('2025-08-31', '2025-10-01')
    expect(dashboard.previous).toEqual({
      from: '2025-08-31',
      to: '2025-09-30',
      soldCount: before.length,
      totalTtc: sum(before, (row) => row.totalTtc),
      refundedTtc: sum(before, (row) => row.refunded),
      netTtc: sum(before, (row) => row.totalTtc - row.refunded),
      averageBasket: Math.round(sum(before, (row) => row.totalTtc) / before.length),
    })
  })
})

describe('the dashboard reads its period from totals, never from every order', () => {
  it('counts and totals are one range of migration 018’s quarter-hour table; VAT and products read whole UTC days from the daily tables and only the edges from 017’s index', () => {
    // 1 October to 1 November in Paris: 30 September 22:00 UTC to 31 October 23:00 UTC.
    const plans = new DashboardRepository(subject.app.db).plans({ start: '2025-09-30T22:00:00.000Z', end: '2025-10-31T23:00:00.000Z' })
    for (const plan of [plans.quarters, plans.totals]) {
      expect(plan.join(' | ')).toMatch(/SEARCH q USING PRIMARY KEY \(quarter>\? AND quarter<\?\)/)
      expect(plan.join(' | ')).not.toMatch(/\borders\b|SCAN o\b/)
    }
    for (const plan of [plans.vat, plans.topProducts]) {
      expect(plan.join(' | ')).toMatch(/SEARCH d USING PRIMARY KEY \(day>\? AND day<\?\)/)
      expect(plan.join(' | ')).toMatch(/USING COVERING INDEX orders_by_created_sales \(created_at>\? AND created_at<\?\)/)
    }
  })
})
