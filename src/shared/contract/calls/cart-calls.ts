import { z } from 'zod'
import { defineCall } from '../define-call'
import { currencySchema, emptyInputSchema, idSchema, localizedTextSchema, minorUnitsSchema } from '../common-schemas'
import { productKindSchema, vatCategorySchema } from './catalogue-calls'

export const MAX_LINE_QUANTITY = 9999

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
  lineTotal: minorUnitsSchema,
})
export type CartLine = z.infer<typeof cartLineSchema>

export const cartSchema = z.object({
  tillId: z.string(),
  currency: currencySchema,
  lines: z.array(cartLineSchema),
  itemCount: z.number().int().nonnegative(),
  total: minorUnitsSchema,
})
export type Cart = z.infer<typeof cartSchema>

export const cartCalls = {
  'cart.get': defineCall({
    summary: 'The cart of this till',
    role: 'staff',
    input: emptyInputSchema,
    output: cartSchema,
  }),
  'cart.addProduct': defineCall({
    summary: 'Add a product (or more of it) to the cart',
    role: 'staff',
    input: z.object({ productId: idSchema, quantity: quantitySchema.default(1) }).strict(),
    output: cartSchema,
  }),
  'cart.scanBarcode': defineCall({
    summary: 'Add the product with this EAN-13 barcode, as a scanner does',
    role: 'staff',
    input: z.object({ barcode: z.string().regex(/^\d{8,14}$/, 'A barcode is 8 to 14 digits') }).strict(),
    output: cartSchema,
  }),
  'cart.setQuantity': defineCall({
    summary: 'Change the quantity of a line',
    role: 'staff',
    input: z.object({ lineId: idSchema, quantity: quantitySchema }).strict(),
    output: cartSchema,
  }),
  'cart.removeLine': defineCall({
    summary: 'Remove a line from the cart',
    role: 'staff',
    input: z.object({ lineId: idSchema }).strict(),
    output: cartSchema,
  }),
  'cart.clear': defineCall({
    summary: 'Empty the cart',
    role: 'staff',
    input: emptyInputSchema,
    output: cartSchema,
  }),
}
