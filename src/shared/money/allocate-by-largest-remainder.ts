/** Below this, `amount × weight` and quotient × total stay exact in a double. */
const EXACT_LIMIT = 2 ** 52

/**
 * Splits `amount` minor units across `weights` in proportion to them, so that the parts always
 * sum to the whole: each part first gets the floor of its exact share, then the cents left over
 * go one each to the largest remainders. Ties go to the larger weight, then to the earlier index,
 * so the same input always gives the same cents.
 *
 * Weights are non-negative safe integers; when they are all zero the amount is split evenly. A
 * negative amount is split as its opposite, then negated.
 */
export function allocateByLargestRemainder(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`amount must be a safe integer, got ${amount}`)
  if (weights.length === 0) throw new RangeError('Cannot allocate across no weights')
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`weights must be non-negative safe integers, got ${weight}`)
    }
  }
  if (amount < 0)
    return allocateByLargestRemainder(-amount, weights).map((part) => (part === 0 ? 0 : -part))
  const effective = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights
  const total = effective.reduce((sum, weight) => sum + weight, 0)
  const { quotients, remainders } =
    Number.isSafeInteger(total) && amount * total < EXACT_LIMIT
      ? shareExactly(amount, effective, total)
      : shareWithBigInt(amount, effective)
  let leftover = amount - quotients.reduce((sum, part) => sum + part, 0)
  if (leftover === 0) return quotients
  const ranked = effective
    .map((_, index) => index)
    .sort(
      (a, b) =>
        compareDescending(remainders[a]!, remainders[b]!) || effective[b]! - effective[a]! || a - b,
    )
  for (const index of ranked) {
    if (leftover === 0) break
    quotients[index]! += 1
    leftover -= 1
  }
  return quotients
}

interface Shares {
  quotients: number[]
  remainders: number[] | bigint[]
}

function shareExactly(amount: number, weights: readonly number[], total: number): Shares {
  const quotients: number[] = []
  const remainders: number[] = []
  for (const weight of weights) {
    const product = amount * weight
    // The double quotient is only an estimate; the integer remainder below corrects it.
    let quotient = Math.floor(product / total)
    let remainder = product - quotient * total
    if (remainder < 0) {
      quotient -= 1
      remainder += total
    } else if (remainder >= total) {
      quotient += 1
      remainder -= total
    }
    quotients.push(quotient)
    remainders.push(remainder)
  }
  return { quotients, remainders }
}

function shareWithBigInt(amount: number, weights: readonly number[]): Shares {
  const big = BigInt(amount)
  const total = weights.reduce((sum, weight) => sum + BigInt(weight), 0n)
  const quotients: number[] = []
  const remainders: bigint[] = []
  for (const weight of weights) {
    const product = big * BigInt(weight)
    quotients.push(Number(product / total))
    remainders.push(product % total)
  }
  return { quotients, remainders }
}

function compareDescending(a: number | bigint, b: number | bigint): number {
  return a > b ? -1 : a < b ? 1 : 0
}
