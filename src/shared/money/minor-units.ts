/**
 * True when `value` can hold money: a safe integer count of minor units. A float or an integer
 * beyond 2^53 would silently lose cents.
 */
export function isMinorUnits(value: unknown): value is number {
  return Number.isSafeInteger(value)
}

/** Throws a RangeError unless `value` is a safe integer; returns it for use in expressions. */
export function assertMinorUnits(value: number, label = 'amount'): number {
  if (!isMinorUnits(value)) {
    throw new RangeError(`${label} must be a safe integer in minor units, got ${String(value)}`)
  }
  return value
}
