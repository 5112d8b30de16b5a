import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceQuoteSchema, type PriceQuote } from '@shared/contract/pricing-schemas'
import { priceCart, type PricingInput, type PricingLine } from '../../../src/main/pricing'
import { cartLines, delivery, priceMode, promotion } from './pricing-arbitraries'
import { PRICED_AT, settingsWithoutWeightLimit } from './pricing-test-support'

const RUNS = { numRuns: 1000 }

const pricingCase = fc.record({ lines: cartLines, promotion, delivery, priceMode })
type PricingCase = typeof pricingCase extends fc.Arbitrary<infer T> ? T : never

function price(lines: readonly PricingLine[], rest: Omit<PricingCase, 'lines'>): PriceQuote {
  const input: PricingInput = {
    lines,
    promotion: rest.promotion,
    delivery: rest.delivery,
    pricedAt: PRICED_AT,
  }
  const result = priceCart(input, settingsWithoutWeightLimit(rest.priceMode))
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** VAT inside a tax-inclusive amount, rounded half away from zero, on BigInt only. */
function exactRound(gross: number, rate: number): number {
  const numerator = BigInt(gross) * BigInt(rate)
  const denominator = BigInt(10000 + rate)
  return Number((2n * numerator + denominator) / (2n * denominator))
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)

/** The document total in the shop's price mode: TTC for TTC prices, HT for HT prices. */
const priceModeTotal = (quote: PriceQuote) =>
  quote.priceMode === 'TTC' ? quote.totals.ttc : quote.totals.ht

function everyNumber(
  value: unknown,
  visit: (n: number, path: string) => void,
  path = 'quote',
): void {
  if (typeof value === 'number') visit(value, path)
  else if (Array.isArray(value))
    value.forEach((item, index) => everyNumber(item, visit, `${path}[${index}]`))
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) everyNumber(item, visit, `${path}.${key}`)
  }
}

describe('pricing properties on random carts', () => {
  it('TTC = HT + VAT holds exactly for every rate and overall', () => {
    fc.assert(
      fc.property(pricingCase, ({ lines, ...rest }) => {
        const quote = price(lines, rest)
        for (const rate of quote.rates) expect(rate.ttc).toBe(rate.ht + rate.vat)
        expect(quote.totals.ttc).toBe(quote.totals.ht + quote.totals.vat)
        expect(quote.totals.ht).toBe(sum(quote.rates.map((rate) => rate.ht)))
        expect(quote.totals.vat).toBe(sum(quote.rates.map((rate) => rate.vat)))
      }),
      RUNS,
    )
  })

  it('the lines, the delivery and the discounts add up to the total', () => {
    fc.assert(
      fc.property(pricingCase, ({ lines, ...rest }) => {
        const quote = price(lines, rest)
        const fee = quote.delivery?.fee ?? 0
        const lineTotals = sum(quote.lines.map((l) => l.lineTotal))
        expect(lineTotals + fee).toBe(priceModeTotal(quote))
        expect(quote.totals.goods - quote.totals.discounts + quote.totals.delivery).toBe(
          priceModeTotal(quote),
        )
        expect(quote.totals.goods).toBe(sum(quote.lines.map((l) => l.grossAmount)))
        expect(quote.totals.delivery).toBe(fee)
        expect(quote.discounts.lineDiscounts).toBe(sum(quote.lines.map((l) => l.lineDiscount)))
        expect(quote.discounts.promotion?.goodsDiscount ?? 0).toBe(
          sum(quote.lines.map((l) => l.promotionDiscount)),
        )
        for (const l of quote.lines)
          expect(l.lineTotal).toBe(l.grossAmount - l.lineDiscount - l.promotionDiscount)
        expect(sum(quote.rates.map((rate) => rate.goods))).toBe(lineTotals)
        expect(sum(quote.rates.map((rate) => rate.shipping))).toBe(fee)
        expect(sum((quote.delivery?.split ?? []).map((part) => part.amount))).toBe(fee)
      }),
      RUNS,
    )
  })

  it("each rate's VAT is within half a cent of the exact rational value", () => {
    fc.assert(
      fc.property(pricingCase, ({ lines, ...rest }) => {
        const quote = price(lines, rest)
        for (const rate of quote.rates) {
          const r = BigInt(rate.rateBasisPoints)
          const base = BigInt(rate.goods + rate.shipping)
          // exact VAT = base × r / d, and |VAT − exact| ≤ 1/2  <=>  2 × |VAT × d − base × r| ≤ d
          const denominator = quote.priceMode === 'TTC' ? 10000n + r : 10000n
          const gap = BigInt(rate.vat) * denominator - base * r
          expect(2n * (gap < 0n ? -gap : gap) <= denominator).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('the shipping fee follows the shipped goods’ net amounts, within a cent per rate', () => {
    fc.assert(
      fc.property(pricingCase, ({ lines, ...rest }) => {
        const quote = price(lines, rest)
        const split = quote.delivery?.split ?? []
        const shippedRates = new Set(
          quote.lines.filter((l) => l.kind === 'physical').map((l) => l.vatRateBasisPoints),
        )
        expect(split.map((part) => part.rateBasisPoints)).toEqual(
          [...shippedRates].sort((a, b) => b - a),
        )
        if (quote.lines.every((l) => l.kind === 'digital')) expect(quote.delivery).toBeNull()
        const netByRate = new Map<number, bigint>()
        for (const rate of shippedRates) {
          const shipped = sum(
            quote.lines
              .filter((l) => l.kind === 'physical' && l.vatRateBasisPoints === rate)
              .map((l) => l.lineTotal),
          )
          netByRate.set(
            rate,
            BigInt(quote.priceMode === 'TTC' ? shipped - exactRound(shipped, rate) : shipped),
          )
        }
        const totalNet = [...netByRate.values()].reduce((total, net) => total + net, 0n)
        if (totalNet === 0n) return
        const fee = BigInt(quote.delivery?.fee ?? 0)
        for (const part of split) {
          // |part − fee × net / totalNet| < 1
          const gap = BigInt(part.amount) * totalNet - fee * netByRate.get(part.rateBasisPoints)!
          expect((gap < 0n ? -gap : gap) < totalNet).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('reordering the lines changes no rate, no delivery, no discount and no total', () => {
    const reordered = pricingCase.chain((value) =>
      fc.tuple(
        fc.constant(value),
        fc.shuffledSubarray(value.lines, {
          minLength: value.lines.length,
          maxLength: value.lines.length,
        }),
      ),
    )
    // A tied cent of cart discount goes to the earlier line, so it may change hands, but only
    // between lines of the same rate, kind and amount: their multiset cannot change.
    const signature = (quote: PriceQuote) =>
      quote.lines
        .map((l) =>
          [l.vatRateBasisPoints, l.kind, l.grossAmount - l.lineDiscount, l.promotionDiscount].join(
            ':',
          ),
        )
        .sort()
    fc.assert(
      fc.property(reordered, ([{ lines, ...rest }, shuffled]) => {
        const original = price(lines, rest)
        const other = price(shuffled, rest)
        expect(other.rates).toEqual(original.rates)
        expect(other.delivery).toEqual(original.delivery)
        expect(other.discounts).toEqual(original.discounts)
        expect(other.totals).toEqual(original.totals)
        expect(signature(other)).toEqual(signature(original))
        for (const l of other.lines) {
          const same = original.lines.find((candidate) => candidate.lineId === l.lineId)!
          expect([l.unitPriceHt, l.unitPriceTtc, l.grossAmount, l.lineDiscount]).toEqual([
            same.unitPriceHt,
            same.unitPriceTtc,
            same.grossAmount,
            same.lineDiscount,
          ])
          expect(Math.abs(l.promotionDiscount - same.promotionDiscount)).toBeLessThanOrEqual(1)
        }
      }),
      RUNS,
    )
  })

  it('no amount is ever fractional or negative, and the quote matches its bridge schema', () => {
    fc.assert(
      fc.property(pricingCase, ({ lines, ...rest }) => {
        const quote = price(lines, rest)
        everyNumber(quote, (n, path) => {
          if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${path} = ${n}`)
        })
        expect(priceQuoteSchema.safeParse(quote).success).toBe(true)
      }),
      RUNS,
    )
  })
})
