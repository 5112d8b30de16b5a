import { roundHalfAwayFromZero } from './round-half-away-from-zero'

/**
 * `amount × numerator / denominator`, rounded once with {@link roundHalfAwayFromZero}: the VAT
 * of a rate bucket, a percentage discount, a unit price without VAT. The product is exact: it
 * moves to BigInt when it would leave the range where doubles hold every integer.
 */
export function scaleAmount(amount: number, numerator: number, denominator: number): number {
  for (const value of [amount, numerator, denominator]) {
    if (!Number.isSafeInteger(value))
      throw new RangeError(`scaleAmount needs safe integers, got ${value}`)
  }
  const product = amount * numerator
  if (Number.isSafeInteger(product)) return roundHalfAwayFromZero(product, denominator)
  return roundHalfAwayFromZero(BigInt(amount) * BigInt(numerator), BigInt(denominator))
}
