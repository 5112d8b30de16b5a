import { z } from 'zod'
import type { SettingsRepository } from './settings-repository'

/** Who the shop is on its documents: a French receipt names the seller, its SIRET and VAT number. */
export const shopIdentitySchema = z.object({
  name: z.string().min(1).max(80),
  addressLine: z.string().min(1).max(120),
  postcode: z.string().min(1).max(10),
  city: z.string().min(1).max(80),
  siret: z.string().regex(/^\d{3} ?\d{3} ?\d{3} ?\d{5}$/),
  vatNumber: z.string().regex(/^FR[0-9A-Z]{2} ?\d{9}$/),
  merchantId: z.string().regex(/^[0-9A-Z]{8,15}$/),
  merchantCategoryCode: z.string().regex(/^\d{4}$/),
})
export type ShopIdentity = z.infer<typeof shopIdentitySchema>

export const DEMO_SHOP_IDENTITY: ShopIdentity = {
  name: 'Comptoir du Canal',
  addressLine: '12 quai de Valmy',
  postcode: '75010',
  city: 'Paris',
  siret: '123 456 789 00012',
  vatNumber: 'FR32 123456789',
  merchantId: 'COMPTOIR0001',
  merchantCategoryCode: '5999',
}

const KEY = 'shopIdentity'

export function readShopIdentity(settings: SettingsRepository): ShopIdentity {
  const stored = shopIdentitySchema.safeParse(settings.get<unknown>(KEY, DEMO_SHOP_IDENTITY))
  return stored.success ? stored.data : DEMO_SHOP_IDENTITY
}

export function writeShopIdentity(settings: SettingsRepository, identity: ShopIdentity): void {
  settings.set(KEY, shopIdentitySchema.parse(identity))
}
