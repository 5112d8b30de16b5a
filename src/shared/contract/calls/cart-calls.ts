import { z } from 'zod'
import { MAX_LINE_QUANTITY } from '../../domain/limits'
import { defineCall } from '../define-call'
import { PRICING_ERROR_CODES } from '../errors'
import { currencySchema, emptyInputSchema, idSchema, localizedTextSchema, minorUnitsSchema } from '../common-schemas'
import { productKindSchema, vatCategorySchema } from './catalogue-calls'
import { pinSchema } from './auth-calls'
import { deliverySelectionSchema, lineDiscountSchema, priceQuoteSchema, quoteDeliverySchema } from '../pricing-schemas'

export { MAX_LINE_QUANTITY } from '../../domain/limits'

export const quantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY)

export const cartLineSchema = z.object({
  lineId: idSchema,
  productId: idSchema,
  sku: z.string(),
  ean: z.string(),
  name: localizedTextSchema,
  kind: productKindSchema,
  vatCategory: vatCategorySchema,
  unitPrice: minorUnitsSchema,
  quantity: quantitySchema,
  discount: lineDiscountSchema.nullable(),
  /** After the line discount and its share of the promotion, from the quote. */
  lineTotal: minorUnitsSchema,
})
export type CartLine = z.infer<typeof cartLineSchema>

/**
 * One delivery the cart could have, priced by main's engine for this very cart (weight band,
 * free-delivery threshold, promotion): `quote` null when the cart cannot have it (too heavy for
 * the zone, say).
 */
export const deliveryChoiceSchema = z.object({
  delivery: deliverySelectionSchema,
  quote: quoteDeliverySchema.nullable(),
})
export type DeliveryChoice = z.infer<typeof deliveryChoiceSchema>

export const cartSchema = z.object({
  tillId: z.string(),
  currency: currencySchema,
  lines: z.array(cartLineSchema),
  itemCount: z.number().int().nonnegative(),
  /** What the customer pays, tax-inclusive, delivery included: the quote's total TTC. */
  total: minorUnitsSchema,
  promotionCode: z.string().nullable(),
  delivery: deliverySelectionSchema,
  /** The priced cart: lines, VAT per rate, delivery, discounts and totals, all integers. */
  quote: priceQuoteSchema,
  /** Set when something stored no longer applies (an expired code, say) and was left out. */
  notice: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Every delivery choice of the till's picker with its price for this cart. */
  deliveryChoices: z.array(deliveryChoiceSchema).optional(),
})
export type Cart = z.infer<typeof cartSchema>

/** A cart parked at this till, priced at today's catalogue prices. */
export const parkedCartSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** Whose cart it is (who parked it, or whose cart was left at a logout); null when unknown. */
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  /** ISO 8601 instant. */
  parkedAt: z.string(),
  lineCount: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  total: minorUnitsSchema,
  currency: currencySchema,
  /** Parked longer than the setting allows (24 h by default): listed for clean-up. */
  stale: z.boolean(),
})
export type ParkedCart = z.infer<typeof parkedCartSchema>

/** A line of a cart taken back whose catalogue price changed while it was parked. */
export const priceChangeSchema = z.object({
  lineId: idSchema,
  sku: z.string(),
  name: localizedTextSchema,
  before: minorUnitsSchema,
  after: minorUnitsSchema,
})
export type PriceChange = z.infer<typeof priceChangeSchema>

export const cartCalls = {
  'cart.get': defineCall({
    summary: 'The cart of this till',
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: cartSchema,
  }),
  'cart.addProduct': defineCall({
    summary: 'Add a product (or more of it) to the cart',
    role: 'staff',
    errors: ['NOT_FOUND', 'PRODUCT_INACTIVE', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ productId: idSchema, quantity: quantitySchema.default(1) }).strict(),
    output: cartSchema,
  }),
  'cart.scanBarcode': defineCall({
    summary: 'Add the product with this EAN-13 barcode, as a scanner does',
    role: 'staff',
    errors: ['INVALID_BARCODE', 'UNKNOWN_BARCODE', 'PRODUCT_INACTIVE', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ barcode: z.string().regex(/^\d{8,14}$/, 'A barcode is 8 to 14 digits') }).strict(),
    output: cartSchema,
  }),
  'cart.setQuantity': defineCall({
    summary: 'Change the quantity of a line',
    role: 'staff',
    errors: ['LINE_NOT_FOUND', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ lineId: idSchema, quantity: quantitySchema }).strict(),
    output: cartSchema,
  }),
  'cart.removeLine': defineCall({
    summary: 'Remove a line from the cart',
    role: 'staff',
    errors: ['LINE_NOT_FOUND', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ lineId: idSchema }).strict(),
    output: cartSchema,
  }),
  'cart.setLineDiscount': defineCall({
    summary: 'Give or remove a discount on a line; above the threshold an administrator approves with their PIN',
    role: 'staff',
    errors: ['LINE_NOT_FOUND', 'APPROVAL_REQUIRED', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z
      .object({
        lineId: idSchema,
        discount: lineDiscountSchema.nullable(),
        approval: z.object({ userId: idSchema, pin: pinSchema }).strict().optional(),
      })
      .strict(),
    output: cartSchema,
  }),
  'cart.applyPromotion': defineCall({
    summary: 'Apply a promotion code to the cart (one per cart)',
    role: 'staff',
    errors: [...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ code: z.string().trim().min(1).max(40) }).strict(),
    output: cartSchema,
  }),
  'cart.removePromotion': defineCall({
    summary: 'Take the promotion code off the cart',
    role: 'staff',
    errors: [...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: emptyInputSchema,
    output: cartSchema,
  }),
  'cart.setDelivery': defineCall({
    summary: 'Choose store pickup, or standard or express delivery to a zone',
    role: 'staff',
    errors: [...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED'],
    input: z.object({ delivery: deliverySelectionSchema }).strict(),
    output: cartSchema,
  }),
  'cart.clear': defineCall({
    summary: 'Empty the cart',
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: cartSchema,
  }),
  'cart.park': defineCall({
    summary: "Park the till's cart under a name (typed, or the customer's); the till's cart is then empty",
    role: 'staff',
    errors: ['CART_EMPTY'],
    input: z.object({ name: z.string().trim().min(1).max(60) }).strict(),
    output: cartSchema,
  }),
  'cart.parkedList': defineCall({
    summary: "The till's parked carts, oldest first, whoever owns them",
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: z.array(parkedCartSchema),
  }),
  'cart.takeBack': defineCall({
    summary: "Take a parked cart back into the till's empty cart, prices re-computed; says which changed",
    role: 'staff',
    errors: ['NOT_FOUND', 'CART_NOT_EMPTY'],
    input: z.object({ parkedId: idSchema }).strict(),
    output: z.object({ cart: cartSchema, priceChanges: z.array(priceChangeSchema) }),
  }),
  'cart.discardParked': defineCall({
    summary: 'Discard a parked cart (an administrator; audited)',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ parkedId: idSchema }).strict(),
    output: z.array(parkedCartSchema),
  }),
}
