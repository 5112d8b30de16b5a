/** The settings feature's face: what the other features and the composition root may use. */
export { readPricingSettings, toEngineSettings } from './pricing-settings'
export type { StoredPricingSettings } from './pricing-settings'
export { SettingsAdministration } from './settings-administration'
export { SettingsRepository } from './settings-repository'
export { readShopIdentity } from './shop-identity'
export type { ShopIdentity } from './shop-identity'
export { readShopSettings } from './shop-settings'
export { settingsHandlers } from './settings-handlers'
