import { z } from 'zod'

/** An amount of money in the currency's minor units (cents for EUR). Never a float. */
export const minorUnitsSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const localizedTextSchema = z.object({ fr: z.string(), en: z.string() })
export type LocalizedText = z.infer<typeof localizedTextSchema>

export const localeSchema = z.enum(['fr', 'en'])
export type Locale = z.infer<typeof localeSchema>

export const roleSchema = z.enum(['cashier', 'admin'])
export type UserRole = z.infer<typeof roleSchema>

/** ISO 4217 code, e.g. EUR. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/)

export const emptyInputSchema = z.object({}).strict()
export const emptyOutputSchema = z.object({}).strict()
