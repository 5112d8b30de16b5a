/** Below this, a quotient times its divisor stays exact in a double, so no BigInt is needed. */
const EXACT_LIMIT = 2 ** 52

/**
 * Rounds the rational `numerator / denominator` to the nearest integer, halves away from zero
 * (2.5 -> 3, -2.5 -> -3), the rounding French invoices and tax authorities expect.
 *
 * This is the one rounding function of the money module: every amount computed from a rate or a
 * proportion goes through it, exactly once. Pass the exact numerator and denominator (as BigInt
 * when a product could exceed 2^53); the division never goes through a float that could land on
 * the wrong side of a half.
 */
export function roundHalfAwayFromZero(
  numerator: number | bigint,
  denominator: number | bigint,
): number {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    checkSafeInteger(numerator, 'numerator')
    checkSafeInteger(denominator, 'denominator')
    if (Math.abs(numerator) < EXACT_LIMIT && Math.abs(denominator) < EXACT_LIMIT) {
      return roundSmall(numerator, denominator)
    }
  }
  return roundBig(toBigInt(numerator, 'numerator'), toBigInt(denominator, 'denominator'))
}

function roundSmall(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('Cannot round a rational with a zero denominator')
  const negative = numerator < 0 !== denominator < 0
  const dividend = Math.abs(numerator)
  const divisor = Math.abs(denominator)
  // The double quotient is only an estimate; the integer remainder below corrects it.
  let quotient = Math.floor(dividend / divisor)
  let remainder = dividend - quotient * divisor
  if (remainder < 0) {
    quotient -= 1
    remainder += divisor
  } else if (remainder >= divisor) {
    quotient += 1
    remainder -= divisor
  }
  if (2 * remainder >= divisor) quotient += 1
  return negative && quotient !== 0 ? -quotient : quotient
}

function roundBig(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('Cannot round a rational with a zero denominator')
  const negative = numerator < 0n !== denominator < 0n
  const dividend = numerator < 0n ? -numerator : numerator
  const divisor = denominator < 0n ? -denominator : denominator
  let quotient = dividend / divisor
  if (2n * (dividend % divisor) >= divisor) quotient += 1n
  const result = Number(negative ? -quotient : quotient)
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(
      `Rounded amount ${String(negative ? -quotient : quotient)} is not a safe integer`,
    )
  }
  return result === 0 ? 0 : result
}

function checkSafeInteger(value: number, label: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${label} must be a safe integer, got ${value}`)
}

function toBigInt(value: number | bigint, label: string): bigint {
  if (typeof value === 'bigint') return value
  checkSafeInteger(value, label)
  return BigInt(value)
}
