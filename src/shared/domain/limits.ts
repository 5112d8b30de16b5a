/** The most items one cart line holds. */
export const MAX_LINE_QUANTITY = 9999

/** 100 %, in basis points: rates and percentages run from 0 to this. */
export const MAX_BASIS_POINTS = 10_000

/** The largest amount in minor units that stays exact in a JavaScript number. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

/**
 * The largest goods amount a cart may reach, in minor units (10 000 000 000 EUR). Far above any
 * real till, and low enough that TTC in HT mode (at most twice the net) stays a safe integer.
 */
export const MAX_CART_AMOUNT = 10 ** 15

/** The largest total weight in grams a cart may reach (1 000 tonnes). */
export const MAX_CART_WEIGHT_GRAMS = 10 ** 12

/** A delivery fee above this (1 000 000 EUR) is a settings mistake, not a price. */
export const MAX_DELIVERY_FEE = 10 ** 8
