import { describe, expect, it } from 'vitest'
import { addDays, isTimeZone, shopDay, shopDaysRange, startOfShopDay } from '@shared/time/shop-time-zone'

const PARIS = 'Europe/Paris'

describe('the shop’s days in its time zone', () => {
  it('a sale at 23:30 UTC on 7 December is on 8 December in Paris', () => {
    expect(shopDay('2026-12-07T23:30:00.000Z', PARIS)).toBe('2026-12-08')
    expect(shopDay('2026-12-07T22:59:59.999Z', PARIS)).toBe('2026-12-07')
    expect(shopDay('2026-12-07T23:30:00.000Z', 'UTC')).toBe('2026-12-07')
  })

  it('a winter day in Paris starts at 23:00 UTC the day before and lasts 24 hours', () => {
    const { start, end } = shopDaysRange('2026-12-08', '2026-12-08', PARIS)
    expect(start).toBe('2026-12-07T23:00:00.000Z')
    expect(end).toBe('2026-12-08T23:00:00.000Z')
  })

  it('the spring-forward day (29 March 2026) lasts 23 hours, the fall-back day (25 October 2026) 25', () => {
    const spring = shopDaysRange('2026-03-29', '2026-03-29', PARIS)
    expect(spring).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' })
    const autumn = shopDaysRange('2026-10-25', '2026-10-25', PARIS)
    expect(autumn).toEqual({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' })
    const hours = (range: { start: string; end: string }) => (Date.parse(range.end) - Date.parse(range.start)) / 3_600_000
    expect(hours(spring)).toBe(23)
    expect(hours(autumn)).toBe(25)
  })

  it('an instant in the repeated hour of the fall-back night is on that day', () => {
    expect(shopDay('2026-10-25T00:30:00.000Z', PARIS)).toBe('2026-10-25')
    expect(shopDay('2026-10-25T01:30:00.000Z', PARIS)).toBe('2026-10-25')
  })

  it('a zone whose clock skips midnight starts the day at the first instant that exists', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2022-09-11.
    expect(startOfShopDay('2022-09-11', 'America/Santiago')).toBe('2022-09-11T04:00:00.000Z')
    expect(shopDay('2022-09-11T04:00:00.000Z', 'America/Santiago')).toBe('2022-09-11')
  })

  it('half-hour zones and UTC', () => {
    expect(startOfShopDay('2026-12-08', 'Asia/Kolkata')).toBe('2026-12-07T18:30:00.000Z')
    expect(startOfShopDay('2026-12-08', 'UTC')).toBe('2026-12-08T00:00:00.000Z')
  })

  it('accepts IANA names only', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    for (const name of ['Europe/Pariss', '+01:00', '', 'Paris/Europe', 'CET ', '../etc']) expect(isTimeZone(name)).toBe(false)
  })

  it('counts calendar days across the turn of a month and a year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})
