import { EUR, type Currency } from './currency'
import { assertMinorUnits } from './minor-units'

/** An amount in a currency's minor units (cents for EUR), never a float. */
export interface Money {
  readonly amount: number
  readonly currency: Currency
}

/**
 * Builds a money value. Rejects non-integers and unsafe integers at the door so that no later
 * computation has to wonder whether it holds a fraction of a cent.
 */
export function createMoney(amount: number, currency: Currency = EUR): Money {
  assertMinorUnits(amount)
  if (!Number.isInteger(currency.exponent) || currency.exponent < 0 || currency.exponent > 20) {
    throw new RangeError(`A currency exponent is an integer from 0 to 20, got ${currency.exponent}`)
  }
  return Object.freeze({ amount, currency })
}
