import { scaleAmount } from '@shared/money'
import type { PriceMode } from './pricing-types'

export interface BucketVat {
  ht: number
  vat: number
  ttc: number
}

/**
 * The VAT of one rate bucket, computed once on the bucket's total so that `TTC = HT + VAT` holds
 * exactly and per-line roundings never drift. With TTC prices the bucket is gross:
 * `VAT = round(G × r / (10000 + r))`, `HT = G − VAT`. With HT prices it is net:
 * `VAT = round(N × r / 10000)`, `TTC = N + VAT`.
 */
export function bucketVat(
  amount: number,
  rateBasisPoints: number,
  priceMode: PriceMode,
): BucketVat {
  if (priceMode === 'TTC') {
    const vat = scaleAmount(amount, rateBasisPoints, 10000 + rateBasisPoints)
    return { ht: amount - vat, vat, ttc: amount }
  }
  const vat = scaleAmount(amount, rateBasisPoints, 10000)
  return { ht: amount, vat, ttc: amount + vat }
}

/**
 * A unit price both with and without VAT, for the invoice line. Display only: the document's
 * totals come from the rate buckets.
 */
export function unitPrices(
  unitPrice: number,
  rateBasisPoints: number,
  priceMode: PriceMode,
): { ht: number; ttc: number } {
  if (priceMode === 'TTC') {
    return { ht: scaleAmount(unitPrice, 10000, 10000 + rateBasisPoints), ttc: unitPrice }
  }
  return { ht: unitPrice, ttc: scaleAmount(unitPrice, 10000 + rateBasisPoints, 10000) }
}

/**
 * Adds `amount` to the bucket of `rate` in a map of per-rate totals, the form every step of the
 * pipeline uses before sorting the rates from the highest down.
 */
export function addToRate(totals: Map<number, number>, rate: number, amount: number): void {
  totals.set(rate, (totals.get(rate) ?? 0) + amount)
}

/** Rates of a per-rate map, highest first: the order of the breakdown and of every tie-break. */
export function ratesHighestFirst(totals: ReadonlyMap<number, number>): number[] {
  return [...totals.keys()].sort((a, b) => b - a)
}

/**
 * The goods amount TTC of per-rate price-mode amounts: their sum with TTC prices, or each rate's
 * net plus its bucket VAT with HT prices. Free delivery and minimum baskets are judged on it.
 */
export function goodsTtc(amountsByRate: ReadonlyMap<number, number>, priceMode: PriceMode): number {
  let total = 0
  for (const [rate, amount] of amountsByRate) total += bucketVat(amount, rate, priceMode).ttc
  return total
}
