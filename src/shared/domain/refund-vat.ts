import { allocateByLargestRemainder } from '@shared/money'

/** One VAT rate's base, VAT and TTC, in minor units. */
export interface RateAmounts {
  rateBasisPoints: number
  ht: number
  vat: number
  ttc: number
}

/**
 * What an order's refunds (`refunded`, TTC, everything refunded so far) give back per VAT rate.
 * The refund is split across the order's rates in proportion to their TTC, then each rate's part
 * between base and VAT in proportion to the order's own base and VAT, both by largest remainder
 * (`allocateByLargestRemainder`), rates taken highest first. So the parts always add up to the
 * refund to the cent, the same refunds always give the same cents, and a full refund gives back
 * exactly the VAT the order charged at each rate. Computed from the total refunded, not refund
 * by refund: two partial refunds split like one refund of their sum.
 */
export function refundByRate(rates: readonly RateAmounts[], refunded: number): RateAmounts[] {
  if (rates.length === 0 || refunded <= 0) return []
  const ordered = [...rates].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)
  const parts = allocateByLargestRemainder(refunded, ordered.map((rate) => Math.max(0, rate.ttc)))
  return ordered.map((rate, index) => {
    const ttc = parts[index]!
    const [ht, vat] = allocateByLargestRemainder(ttc, [Math.max(0, rate.ht), Math.max(0, rate.vat)])
    return { rateBasisPoints: rate.rateBasisPoints, ht: ht!, vat: vat!, ttc }
  })
}
