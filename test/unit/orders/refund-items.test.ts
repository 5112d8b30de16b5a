import { describe, expect, it } from 'vitest'
import { freeRefund, namedRefundWeights, priceRefundItems, type RefundableQuote, type RefundRecord } from '@shared/orders/refund-items'

const QUOTE: RefundableQuote = {
  priceMode: 'TTC',
  lines: [
    { lineId: 1, name: { fr: 'Torchon', en: 'Towel' }, quantity: 3, vatRateBasisPoints: 2000, lineTotal: 1000 },
    { lineId: 2, name: { fr: 'Thé', en: 'Tea' }, quantity: 1, vatRateBasisPoints: 550, lineTotal: 790 },
  ],
  rates: [
    { rateBasisPoints: 2000, shipping: 490, ht: 1242, vat: 248, ttc: 1490 },
    { rateBasisPoints: 550, shipping: 0, ht: 749, vat: 41, ttc: 790 },
  ],
}
const record = (priced: Omit<RefundRecord, 'method' | 'reason'>): RefundRecord => ({ ...priced, method: 'cash', reason: null })

describe('refunds by name', () => {
  it('a line refunded unit by unit gives back exactly its total (3 × 3,33 € is 10,00 €, not 9,99 €)', () => {
    const earlier: RefundRecord[] = []
    const parts: number[] = []
    for (let unit = 0; unit < 3; unit++) {
      const priced = priceRefundItems(QUOTE, { lines: [{ lineId: 1, quantity: 1 }], delivery: false }, earlier)
      if (!priced.ok) throw new Error(priced.error.problem)
      parts.push(priced.value.amount)
      earlier.push(record(priced.value))
    }
    expect(parts).toEqual([333, 334, 333])
    expect(priceRefundItems(QUOTE, { lines: [{ lineId: 1, quantity: 1 }], delivery: false }, earlier)).toEqual({
      ok: false,
      error: { problem: 'too-many', lineId: 1, left: 0 },
    })
  })

  it('in HT price mode a line gives back its TTC', () => {
    const priced = priceRefundItems({ ...QUOTE, priceMode: 'HT' }, { lines: [{ lineId: 2, quantity: 1 }], delivery: false }, [])
    expect(priced).toMatchObject({ ok: true, value: { amount: 833, byRate: [{ rateBasisPoints: 550, ttc: 833 }] } })
  })

  it('the delivery once, at its rates; nothing chosen is refused', () => {
    const priced = priceRefundItems(QUOTE, { lines: [], delivery: true }, [])
    expect(priced).toMatchObject({ ok: true, value: { amount: 490, delivery: 490, byRate: [{ rateBasisPoints: 2000, ttc: 490 }] } })
    if (!priced.ok) return
    expect(priceRefundItems(QUOTE, { lines: [], delivery: true }, [record(priced.value)])).toMatchObject({ ok: false, error: { problem: 'delivery-refunded' } })
    expect(priceRefundItems(QUOTE, { lines: [{ lineId: 2, quantity: 0 }], delivery: false }, [])).toMatchObject({ ok: false, error: { problem: 'empty' } })
  })

  it('the VAT weights follow what was named; free amounts and unrecorded refunds are spread pro rata as one sum', () => {
    const tea = priceRefundItems(QUOTE, { lines: [{ lineId: 2, quantity: 1 }], delivery: false }, [])
    if (!tea.ok) throw new Error('tea')
    const weights = namedRefundWeights(QUOTE.rates, [record(tea.value)], 790)
    expect(weights.map((rate) => [rate.rateBasisPoints, rate.ttc])).toEqual([
      [2000, 0],
      [550, 790],
    ])
    const free = record(freeRefund(QUOTE, 228))
    const mixed = namedRefundWeights(QUOTE.rates, [record(tea.value), free], 790 + 228)
    expect(mixed.map((rate) => rate.ttc)).toEqual([149, 790 + 79])
  })
})
