import { describe, expect, it } from 'vitest'
import { orderReference } from '@shared/orders/order-reference'
import { formatOrderNumber, tillSeries } from '../../../src/main/orders/order-number'

describe('sale numbers', () => {
  it('name the till series after the till id: TILL-01 is T01, any other id its letters and digits', () => {
    expect(tillSeries('TILL-01')).toBe('T01')
    expect(tillSeries('TILL-3')).toBe('T03')
    expect(tillSeries('till-12')).toBe('T12')
    expect(tillSeries('caisse-nord')).toBe('CAISSENORD')
    expect(tillSeries('Caisse Été')).toBe('CAISSEETE')
    expect(tillSeries('---')).toBe('T00')
  })

  it('read series, year and a sequence of at least six digits, the sequence after the last hyphen', () => {
    expect(formatOrderNumber('T01', 2026, 123)).toBe('T01-2026-000123')
    expect(formatOrderNumber('T01', 2026, 1_234_567)).toBe('T01-2026-1234567')
  })

  it('an order without a number is named by its internal reference', () => {
    expect(orderReference({ id: 1234, number: null })).toBe('#1234')
    expect(orderReference({ id: 1234, number: 'T01-2026-000007' })).toBe('T01-2026-000007')
  })
})
