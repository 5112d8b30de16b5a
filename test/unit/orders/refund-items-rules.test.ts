import { describe, expect, it } from 'vitest'
import {
  freeRefund,
  namedRefundWeights,
  parseRefundNote,
  priceRefundItems,
  refundNote,
  type RefundableQuote,
  type RefundRecord,
} from '@shared/orders/refund-items'

// Issue 20: the refund rules the mutation run of refund-items.ts found untested (each test seen
// failing against its mutant, then the source restored).

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
const record = (priced: Omit<RefundRecord, 'method' | 'reason'>): RefundRecord => ({ ...priced, method: 'card', reason: null })
function priced(request: Parameters<typeof priceRefundItems>[1], earlier: RefundRecord[] = []) {
  const result = priceRefundItems(QUOTE, request, earlier)
  if (!result.ok) throw new Error(result.error.problem)
  return result.value
}

describe('refunds by name: what may still go back', () => {
  it('a refund of goods alone leaves the delivery refundable', () => {
    const towel = record(priced({ lines: [{ lineId: 1, quantity: 1 }], delivery: false }))
    expect(priced({ lines: [], delivery: true }, [towel])).toMatchObject({ amount: 490, delivery: 490 })
  })

  it('a line asked with no unit is left out of the refund, even one not on the order', () => {
    const value = priced({ lines: [{ lineId: 1, quantity: 0 }, { lineId: 99, quantity: 0 }, { lineId: 2, quantity: 1 }], delivery: false })
    expect(value.lines.map((line) => line.lineId)).toEqual([2])
  })

  it('the delivery of an order without one is refused as no delivery, not as an empty refund', () => {
    const collected: RefundableQuote = { ...QUOTE, rates: QUOTE.rates.map((rate) => ({ ...rate, shipping: 0 })) }
    expect(priceRefundItems(collected, { lines: [], delivery: true }, [])).toEqual({ ok: false, error: { problem: 'no-delivery' } })
  })

  it('the refund per rate lists the highest rate first, whatever order the lines were asked in', () => {
    const value = priced({ lines: [{ lineId: 2, quantity: 1 }, { lineId: 1, quantity: 3 }], delivery: false })
    expect(value.byRate).toEqual([
      { rateBasisPoints: 2000, ttc: 1000 },
      { rateBasisPoints: 550, ttc: 790 },
    ])
  })
})

describe('the refund kept in the order history', () => {
  it('reads back as written, and only from a note that starts with its marker', () => {
    const tea = record(priced({ lines: [{ lineId: 2, quantity: 1 }], delivery: false }))
    const note = refundNote(tea)
    expect(note.startsWith('refund:')).toBe(true)
    expect(parseRefundNote(note)).toEqual(tea)
    expect(parseRefundNote(`Partial refund 20.50 EUR ${note}`)).toBeNull()
    expect(parseRefundNote(null)).toBeNull()
  })

  it('a damaged note or one missing the amount, lines or rates reads as no record', () => {
    const tea = record(priced({ lines: [{ lineId: 2, quantity: 1 }], delivery: false }))
    expect(parseRefundNote('refund:{"amount":')).toBeNull()
    expect(parseRefundNote(refundNote({ ...tea, amount: '790' as unknown as number }))).toBeNull()
    expect(parseRefundNote(`refund:${JSON.stringify({ ...tea, lines: undefined })}`)).toBeNull()
    expect(parseRefundNote(`refund:${JSON.stringify({ ...tea, byRate: undefined })}`)).toBeNull()
  })
})

describe('the VAT weights of what was refunded', () => {
  it('two free refunds are spread as their sum, not each rounded on its own', () => {
    const cent = record(freeRefund(QUOTE, 1))
    expect(cent.byRate).toEqual([
      { rateBasisPoints: 2000, ttc: 1 },
      { rateBasisPoints: 550, ttc: 0 },
    ])
    const weights = namedRefundWeights(QUOTE.rates, [cent, cent], 2)
    expect(weights.map((rate) => rate.ttc)).toEqual([1, 1])
  })
})
