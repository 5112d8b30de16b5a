import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VAT_RATES,
  DEMO_VAT_RATE_HISTORY,
  resolveVatRate,
  type VatRateEntry,
} from '../../../src/main/pricing'

describe('resolveVatRate', () => {
  it('has the four French rates as defaults', () => {
    expect(DEFAULT_VAT_RATES).toEqual({
      standard: 2000,
      intermediate: 1000,
      reduced: 550,
      special: 210,
    })
    const at = new Date('2025-01-01T12:00:00Z')
    expect(resolveVatRate('reduced', at, DEMO_VAT_RATE_HISTORY)).toEqual({ ok: true, value: 550 })
  })

  const history: VatRateEntry[] = [
    { category: 'standard', rateBasisPoints: 1960, effectiveFrom: '2000-04-01T00:00:00+02:00' },
    { category: 'standard', rateBasisPoints: 2000, effectiveFrom: '2014-01-01T00:00:00+01:00' },
    { category: 'reduced', rateBasisPoints: 550, effectiveFrom: '2000-01-01T00:00:00+01:00' },
  ]

  it('a rate change applies to carts priced from its effective date on', () => {
    expect(resolveVatRate('standard', new Date('2013-12-31T22:59:59Z'), history)).toEqual({
      ok: true,
      value: 1960,
    })
    expect(resolveVatRate('standard', new Date('2013-12-31T23:00:00Z'), history)).toEqual({
      ok: true,
      value: 2000,
    })
  })

  it('the list order does not matter, only the effective dates', () => {
    const at = new Date('2020-01-01T00:00:00Z')
    expect(resolveVatRate('standard', at, [...history].reverse())).toEqual({
      ok: true,
      value: 2000,
    })
  })

  it('of two entries from the same instant, the later one corrects the earlier', () => {
    const corrected = [
      ...history,
      {
        category: 'standard' as const,
        rateBasisPoints: 2100,
        effectiveFrom: '2014-01-01T00:00:00+01:00',
      },
    ]
    expect(resolveVatRate('standard', new Date('2020-01-01T00:00:00Z'), corrected)).toEqual({
      ok: true,
      value: 2100,
    })
  })

  it('a category without a rate at that date is an error', () => {
    const result = resolveVatRate('special', new Date('2020-01-01T00:00:00Z'), history)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VAT_RATE_UNKNOWN', details: { category: 'special' } },
    })
    expect(resolveVatRate('standard', new Date('1999-01-01T00:00:00Z'), history).ok).toBe(false)
  })
})
