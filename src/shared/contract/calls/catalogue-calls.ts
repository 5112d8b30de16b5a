import { z } from 'zod'
import { PRODUCT_KINDS, VAT_CATEGORIES } from '../../domain/catalogue'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema, localeSchema, localizedTextSchema, minorUnitsSchema } from '../common-schemas'

export const vatCategorySchema = z.enum(VAT_CATEGORIES)
export type { VatCategory } from '../../domain/catalogue'

export const productKindSchema = z.enum(PRODUCT_KINDS)
export type { ProductKind } from '../../domain/catalogue'

export const productSchema = z.object({
  id: idSchema,
  sku: z.string(),
  ean: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema,
  categoryId: idSchema,
  /** Tax-inclusive unless the shop is set to tax-exclusive prices. */
  unitPrice: minorUnitsSchema,
  vatCategory: vatCategorySchema,
  weightGrams: z.number().int().nonnegative(),
  kind: productKindSchema,
  active: z.boolean(),
})
export type Product = z.infer<typeof productSchema>

export const categorySchema = z.object({
  id: idSchema,
  code: z.string(),
  name: localizedTextSchema,
  productCount: z.number().int().nonnegative(),
})
export type Category = z.infer<typeof categorySchema>

export const catalogueCalls = {
  'catalogue.search': defineCall({
    summary: 'Products whose name, SKU or barcode match what the cashier typed',
    role: 'staff',
    errors: [],
    input: z
      .object({
        query: z.string().max(100),
        categoryId: idSchema.optional(),
        limit: z.number().int().min(1).max(200).default(40),
        /** The names the grid shows, and so the collation it is sorted by (French by default). */
        locale: localeSchema.optional(),
      })
      .strict(),
    output: z.array(productSchema),
  }),
  'catalogue.categories': defineCall({
    summary: 'Categories of active products, for the till grid',
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: z.array(categorySchema),
  }),
}
