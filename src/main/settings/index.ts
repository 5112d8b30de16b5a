/**
 * The settings feature's face: the composition root builds the repository, the other features read
 * the settings through the reader.
 */
export { toEngineSettings } from './pricing-settings'
export type { StoredPricingSettings } from './pricing-settings'
export { SettingsAdministration } from './settings-administration'
export { SettingsReader } from './settings-reader'
export { SettingsRepository } from './settings-repository'
export type { ShopIdentity } from './shop-identity'
export type { ShopSettings } from './shop-settings'
export { settingsHandlers } from './settings-handlers'
