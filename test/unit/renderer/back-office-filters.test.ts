import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { amountToText, parseAmountText } from '@renderer/back-office/amount-text'
import { emptyFilterForm, nextDay, toOrderFilters } from '@renderer/back-office/order-filter-form'
import { periodOf, presetOf } from '@renderer/back-office/period-presets'

describe('amounts typed in the history filters and the refund dialog', () => {
  it('reads French and English decimals as integer cents', () => {
    expect(parseAmountText('12,50')).toBe(1250)
    expect(parseAmountText('12.5')).toBe(1250)
    expect(parseAmountText('12')).toBe(1200)
    expect(parseAmountText('0,07')).toBe(7)
    expect(parseAmountText('1 234,56 €')).toBe(123456)
    expect(parseAmountText('  ')).toBeNull()
  })

  it('refuses what is not an amount rather than guessing', () => {
    for (const text of ['12,505', '-3', '1,2,3', 'abc', '12,', ',50', '1e3']) expect(parseAmountText(text)).toBe('invalid')
  })

  it('gives back the cents it was shown, for every amount (no float on the way)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('fr', 'en'), (cents, locale) => {
        expect(parseAmountText(amountToText(cents, locale))).toBe(cents)
      }),
    )
  })
})

describe('the history filters sent to main', () => {
  it('combines every field into the contract filters', () => {
    const form = {
      ...emptyFilterForm(),
      statuses: ['declined' as const, 'voided' as const],
      from: '2025-03-01',
      to: '2025-03-31',
      cashierId: '3',
      tillId: 'TILL-01',
      payment: 'brand:visa',
      minAmount: '10',
      maxAmount: '99,99',
      declineCode: '51',
      text: '  9995 ',
    }
    expect(toOrderFilters(form)).toEqual({
      filters: {
        statuses: ['declined', 'voided'],
        from: '2025-03-01',
        to: '2025-04-01',
        cashierId: 3,
        tillId: 'TILL-01',
        cardBrand: 'visa',
        minTotal: 1000,
        maxTotal: 9999,
        declineCode: '51',
        text: '9995',
      },
      errors: {},
    })
  })

  it('sends nothing for empty fields, and a payment method as such', () => {
    expect(toOrderFilters(emptyFilterForm()).filters).toEqual({})
    expect(toOrderFilters({ ...emptyFilterForm(), payment: 'cash' }).filters).toEqual({ paymentMethod: 'cash' })
  })

  it('names the field that stops the search', () => {
    expect(toOrderFilters({ ...emptyFilterForm(), minAmount: '12,505' }).errors).toEqual({ minAmount: 'amountInvalid' })
    expect(toOrderFilters({ ...emptyFilterForm(), minAmount: '50', maxAmount: '10' }).errors).toEqual({ maxAmount: 'amountOrder' })
    expect(toOrderFilters({ ...emptyFilterForm(), from: '2025-03-10', to: '2025-03-01' }).errors).toEqual({ to: 'dateOrder' })
  })

  it('an inclusive end day becomes the exclusive start of the next one, across months and leap days', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29')
    expect(nextDay('2024-02-29')).toBe('2024-03-01')
    expect(nextDay('2025-12-31')).toBe('2026-01-01')
  })
})

describe('dashboard periods', () => {
  const now = new Date('2025-03-14T09:26:53Z')

  it('offers today, the last seven days, this month and last month, both ends inclusive', () => {
    expect(periodOf('today', now)).toEqual({ from: '2025-03-14', to: '2025-03-14' })
    expect(periodOf('last7', now)).toEqual({ from: '2025-03-08', to: '2025-03-14' })
    expect(periodOf('thisMonth', now)).toEqual({ from: '2025-03-01', to: '2025-03-14' })
    expect(periodOf('lastMonth', now)).toEqual({ from: '2025-02-01', to: '2025-02-28' })
    expect(periodOf('lastMonth', new Date('2025-01-05T00:00:00Z'))).toEqual({ from: '2024-12-01', to: '2024-12-31' })
  })

  it('counts the shop’s days: at 23:30 UTC on 31 March it is already 1 April in Paris', () => {
    const lateEvening = new Date('2025-03-31T23:30:00Z')
    expect(periodOf('today', lateEvening)).toEqual({ from: '2025-04-01', to: '2025-04-01' })
    expect(periodOf('thisMonth', lateEvening)).toEqual({ from: '2025-04-01', to: '2025-04-01' })
    expect(periodOf('lastMonth', lateEvening)).toEqual({ from: '2025-03-01', to: '2025-03-31' })
    expect(periodOf('today', lateEvening, 'UTC')).toEqual({ from: '2025-03-31', to: '2025-03-31' })
  })

  it('recognises a preset from its days, and nothing for a custom period', () => {
    expect(presetOf({ from: '2025-03-01', to: '2025-03-14' }, now)).toBe('thisMonth')
    expect(presetOf({ from: '2025-03-02', to: '2025-03-14' }, now)).toBeNull()
  })
})
