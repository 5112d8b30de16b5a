import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { refundByRate, type RateAmounts } from '../../../src/shared/domain/refund-vat'

/** A rate's bucket as pricing writes it: VAT once per rate on its TTC. */
function bucket(rateBasisPoints: number, ttc: number): RateAmounts {
  const vat = Math.round((ttc * rateBasisPoints) / (10000 + rateBasisPoints))
  return { rateBasisPoints, ht: ttc - vat, vat, ttc }
}

const ordersArbitrary = fc
  .uniqueArray(fc.constantFrom(2000, 1000, 550, 210), { minLength: 1, maxLength: 4 })
  .chain((rates) => fc.tuple(...rates.map((rate) => fc.integer({ min: 1, max: 500_000 }).map((ttc) => bucket(rate, ttc)))))

describe('refunds split by VAT rate', () => {
  it('a partial refund is split across rates and between base and VAT to the cent, highest rate first', () => {
    fc.assert(
      fc.property(ordersArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (rates, share) => {
        const total = rates.reduce((sum, rate) => sum + rate.ttc, 0)
        const refunded = Math.max(1, Math.floor(total * share))
        const parts = refundByRate(rates, refunded)
        expect(parts.reduce((sum, part) => sum + part.ttc, 0)).toBe(refunded)
        for (const part of parts) {
          expect(part.ht + part.vat).toBe(part.ttc)
          const order = rates.find((rate) => rate.rateBasisPoints === part.rateBasisPoints)!
          expect(part.ttc).toBeLessThanOrEqual(order.ttc)
          expect(part.vat).toBeLessThanOrEqual(order.vat)
        }
        expect(parts.map((part) => part.rateBasisPoints)).toEqual([...parts.map((part) => part.rateBasisPoints)].sort((a, b) => b - a))
        expect(refundByRate([...rates].reverse(), refunded)).toEqual(parts)
      }),
      { numRuns: 500 },
    )
  })

  it('a full refund gives back exactly the VAT charged at each rate', () => {
    fc.assert(
      fc.property(ordersArbitrary, (rates) => {
        const total = rates.reduce((sum, rate) => sum + rate.ttc, 0)
        const byRate = (list: RateAmounts[]) => [...list].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)
        expect(refundByRate(rates, total)).toEqual(byRate(rates))
      }),
      { numRuns: 500 },
    )
  })

  it('a refund of 10.00 on 20 % and 5.5 % goods of 30.00 and 10.00 splits by largest remainder', () => {
    const parts = refundByRate([bucket(550, 1000), bucket(2000, 3000)], 1000)
    expect(parts).toEqual([
      { rateBasisPoints: 2000, ht: 625, vat: 125, ttc: 750 },
      { rateBasisPoints: 550, ht: 237, vat: 13, ttc: 250 },
    ])
    expect(refundByRate([bucket(2000, 3000)], 0)).toEqual([])
  })
})
