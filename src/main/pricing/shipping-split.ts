import { allocateByLargestRemainder } from '@shared/money'
import { ratesHighestFirst } from './vat-buckets'

export interface ShippingPart {
  rateBasisPoints: number
  amount: number
}

/**
 * Splits the delivery fee across the VAT rates of the shipped goods in proportion to their net
 * amounts, by largest remainder, so shipping is taxed like the goods it carries and the parts
 * sum to the fee. Rates come highest first, which is also the order that wins a tie. A
 * single-rate cart puts the whole fee at that rate.
 */
export function splitShippingFee(
  fee: number,
  shippedNetByRate: ReadonlyMap<number, number>,
): ShippingPart[] {
  const rates = ratesHighestFirst(shippedNetByRate)
  if (rates.length === 0) return []
  const parts = allocateByLargestRemainder(
    fee,
    rates.map((rate) => shippedNetByRate.get(rate)!),
  )
  return rates.map((rate, index) => ({ rateBasisPoints: rate, amount: parts[index]! }))
}
