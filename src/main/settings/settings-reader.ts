import { readPricingSettings, type StoredPricingSettings } from './pricing-settings'
import type { SettingsRepository } from './settings-repository'
import { readShopIdentity, type ShopIdentity } from './shop-identity'
import { readShopSettings, type ShopSettings } from './shop-settings'

/**
 * The settings as the other features read them, each time they need them, so a change applies to
 * the next cart, login or payment without a restart.
 */
export class SettingsReader {
  constructor(private readonly settings: SettingsRepository) {}

  /** The shop's settings, falling back field by field to the defaults. */
  shop(): ShopSettings {
    return readShopSettings(this.settings)
  }

  /** Who the shop is on its documents and to the issuer. */
  identity(): ShopIdentity {
    return readShopIdentity(this.settings)
  }

  /** The pricing settings as stored: price mode, delivery bands, discount approval threshold. */
  pricing(): StoredPricingSettings {
    return readPricingSettings(this.settings)
  }
}
