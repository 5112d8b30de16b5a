import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from './back-office-kit'

/**
 * Issue 12: the back-office counts the shop's days (Europe/Paris by default, a setting), not UTC
 * days. Sales are made at the till, then dated at chosen instants.
 */
let subject: TempApp
const sales: Record<string, { id: number; ttc: number }> = {}

function dateSale(id: number, instant: string): void {
  subject.app.db.prepare('UPDATE orders SET created_at = ? WHERE id = ?').run(instant, id)
}

beforeAll(async () => {
  subject = await backOfficeApp()
  const at = {
    // 23:30 UTC on 7 December is 00:30 on 8 December in Paris.
    lateEvening: '2026-12-07T23:30:00.000Z',
    morning: '2026-12-08T09:15:00.000Z',
    // 29 March 2026 (23 hours in Paris): 22:30 UTC is 00:30 on 30 March.
    springNight: '2026-03-29T22:30:00.000Z',
    springDay: '2026-03-29T21:59:00.000Z',
    // 25 October 2026 (25 hours): 23:30 UTC on the 24th is 01:30 on the 25th, 22:30 UTC on the 25th is 23:30.
    autumnEarly: '2026-10-24T22:30:00.000Z',
    autumnLate: '2026-10-25T22:30:00.000Z',
  }
  for (const [name, instant] of Object.entries(at)) {
    const order = await sellAtTill(subject, { cash: true })
    dateSale(order.id, instant)
    sales[name] = { id: order.id, ttc: order.quote.totals.ttc }
  }
})
afterAll(() => subject?.dispose())

const idsOf = async (filters: { from?: string; to?: string }) =>
  (await subject.value('orders.search', { filters, limit: 100 })).rows.map((row) => row.id).sort((a, b) => a - b)

describe('the shop’s days in Europe/Paris', () => {
  it('a sale at 23:30 UTC on 7 December is found, and counted, on 8 December', async () => {
    expect(await idsOf({ from: '2026-12-08', to: '2026-12-09' })).toEqual([sales.lateEvening!.id, sales.morning!.id].sort((a, b) => a - b))
    expect(await idsOf({ from: '2026-12-07', to: '2026-12-08' })).toEqual([])
    const dashboard = await subject.value('dashboard.period', { from: '2026-12-08', to: '2026-12-08' })
    expect(dashboard.timeZone).toBe('Europe/Paris')
    expect(dashboard.orderCount).toBe(2)
    expect(dashboard.days).toEqual([
      { day: '2026-12-08', orders: 2, totalTtc: sales.lateEvening!.ttc + sales.morning!.ttc, refundedTtc: 0, netTtc: sales.lateEvening!.ttc + sales.morning!.ttc },
    ])
    // By the shop's wall clock: one sale at 0 h, one at 10 h.
    expect(dashboard.hours.filter((hour) => hour.orders > 0).map((hour) => hour.hour)).toEqual([0, 10])
    const summary = await subject.value('orders.summary', { filters: { from: '2026-12-08', to: '2026-12-09' } })
    expect(summary.soldCount).toBe(2)
  })

  it('the spring-forward day has 23 hours: 21:59 UTC is still the 29th, 22:30 UTC is the 30th', async () => {
    expect(await idsOf({ from: '2026-03-29', to: '2026-03-30' })).toEqual([sales.springDay!.id])
    expect(await idsOf({ from: '2026-03-30', to: '2026-03-31' })).toEqual([sales.springNight!.id])
    const dashboard = await subject.value('dashboard.period', { from: '2026-03-29', to: '2026-03-30' })
    expect(dashboard.days.map((day) => [day.day, day.orders])).toEqual([
      ['2026-03-29', 1],
      ['2026-03-30', 1],
    ])
    expect(dashboard.hours.filter((hour) => hour.orders > 0).map((hour) => hour.hour)).toEqual([0, 23])
  })

  it('the fall-back day has 25 hours: both sales are on the 25th', async () => {
    expect(await idsOf({ from: '2026-10-25', to: '2026-10-26' })).toEqual([sales.autumnEarly!.id, sales.autumnLate!.id].sort((a, b) => a - b))
    const dashboard = await subject.value('dashboard.period', { from: '2026-10-25', to: '2026-10-25' })
    expect(dashboard.days.map((day) => [day.day, day.orders])).toEqual([['2026-10-25', 2]])
    expect(dashboard.hours.filter((hour) => hour.orders > 0).map((hour) => hour.hour)).toEqual([0, 23])
  })

  it('another zone is a setting: in UTC the late sale is on 7 December', async () => {
    await subject.value('settings.updateShop', { timeZone: 'UTC' })
    try {
      expect(await idsOf({ from: '2026-12-07', to: '2026-12-08' })).toEqual([sales.lateEvening!.id])
      const dashboard = await subject.value('dashboard.period', { from: '2026-12-07', to: '2026-12-07' })
      expect(dashboard.days.map((day) => day.day)).toEqual(['2026-12-07'])
      expect(dashboard.timeZone).toBe('UTC')
    } finally {
      await subject.value('settings.updateShop', { timeZone: 'Europe/Paris' })
    }
  })

  it('refuses a time zone that is not an IANA name', async () => {
    for (const timeZone of ['Europe/Pariss', '+01:00', 'heure de Paris']) {
      const answer = await subject.call('settings.updateShop', { timeZone })
      expect(answer.ok).toBe(false)
      if (!answer.ok) expect(answer.error.code).toBe('VALIDATION_FAILED')
    }
    expect((await subject.value('settings.get', {})).shop.timeZone).toBe('Europe/Paris')
  })
})
