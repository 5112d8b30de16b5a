import { z } from 'zod'
import { priceModeSchema } from '@shared/contract/pricing-schemas'
import {
  DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS,
  DEMO_DELIVERY_SETTINGS,
  type PricingSettings,
} from '../pricing'
import type { SettingsRepository } from './settings-repository'

const bandSchema = z.object({ upToGrams: z.number().int().positive(), fee: z.number().int().nonnegative() })
const zoneBandsSchema = z.object({ standard: z.array(bandSchema), express: z.array(bandSchema) })

export const storedPricingSettingsSchema = z.object({
  priceMode: priceModeSchema,
  delivery: z.object({
    bands: z.object({ FR: zoneBandsSchema, EU: zoneBandsSchema, WORLD: zoneBandsSchema }),
    freeStandardThresholdFr: z.number().int().nonnegative().nullable(),
  }),
  /** A cashier's line discount above this share of the line needs an administrator's PIN. */
  discountApprovalThresholdBasisPoints: z.number().int().min(0).max(10000),
})
export type StoredPricingSettings = z.infer<typeof storedPricingSettingsSchema>

export const DEFAULT_STORED_PRICING_SETTINGS: StoredPricingSettings = {
  priceMode: 'TTC',
  delivery: structuredClone(DEMO_DELIVERY_SETTINGS) as StoredPricingSettings['delivery'],
  discountApprovalThresholdBasisPoints: DEFAULT_DISCOUNT_APPROVAL_THRESHOLD_BASIS_POINTS,
}

const KEY = 'pricing'

export function readPricingSettings(settings: SettingsRepository): StoredPricingSettings {
  const stored = storedPricingSettingsSchema.safeParse(settings.get<unknown>(KEY, DEFAULT_STORED_PRICING_SETTINGS))
  return stored.success ? stored.data : DEFAULT_STORED_PRICING_SETTINGS
}

export function writePricingSettings(settings: SettingsRepository, value: StoredPricingSettings): void {
  settings.set(KEY, storedPricingSettingsSchema.parse(value))
}

export function toEngineSettings(stored: StoredPricingSettings, currency: string): PricingSettings {
  return { currency, priceMode: stored.priceMode, delivery: stored.delivery }
}
