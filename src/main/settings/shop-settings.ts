import { z } from 'zod'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@shared/time/shop-time-zone'
import type { SettingsRepository } from './settings-repository'

export const shopSettingsSchema = z.object({
  shopName: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The till locks itself after this long without activity. */
  inactivityLockSeconds: z.number().int().min(30).max(86_400),
  /** Wrong PINs in a row before the user is locked out. */
  maxFailedPins: z.number().int().min(1).max(20),
  pinLockMinutes: z.number().int().min(1).max(1440),
  /** How long the payment software waits for the issuer before reversing. */
  issuerTimeoutSeconds: z.number().int().min(1).max(60),
  /** The shop's IANA time zone: its days and hours in the back-office, its dates in the exports. */
  timeZone: z.string().refine(isTimeZone, 'An IANA time zone name, such as Europe/Paris'),
  /** A parked cart waiting longer than this is listed for clean-up at the till. */
  parkedCartStaleHours: z.number().int().min(1).max(720),
})
export type ShopSettings = z.infer<typeof shopSettingsSchema>

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  shopName: 'Comptoir',
  currency: 'EUR',
  inactivityLockSeconds: 300,
  maxFailedPins: 5,
  pinLockMinutes: 5,
  issuerTimeoutSeconds: 10,
  timeZone: DEFAULT_TIME_ZONE,
  parkedCartStaleHours: 24,
}

const KEY = 'shop'

/** Reads the shop settings, falling back field by field to the defaults. */
export function readShopSettings(settings: SettingsRepository): ShopSettings {
  const stored = settings.get<Partial<ShopSettings>>(KEY, {})
  const merged = shopSettingsSchema.safeParse({ ...DEFAULT_SHOP_SETTINGS, ...stored })
  return merged.success ? merged.data : DEFAULT_SHOP_SETTINGS
}

export function writeShopSettings(settings: SettingsRepository, value: ShopSettings): void {
  settings.set(KEY, shopSettingsSchema.parse(value))
}
