import { ok, type ErrorCode, type Result } from '@shared/contract'
import type { CheckedCallHandlers } from '../rpc/router'
import type { SettingsAdministration } from './settings-administration'

type SettingsCalls =
  | 'settings.get'
  | 'settings.updateShop'
  | 'settings.updateIdentity'
  | 'settings.updatePricing'
  | 'settings.addVatRate'
  | 'settings.savePromotion'
  | 'settings.deactivatePromotion'

/** The settings screen's calls: each change answers the whole settings view as it now stands. */
export function settingsHandlers(settings: SettingsAdministration): Pick<CheckedCallHandlers, SettingsCalls> {
  const thenView = async <C extends ErrorCode>(result: Result<void, C>) => (result.ok ? ok(await settings.view()) : result)
  return {
    'settings.get': async () => ok(await settings.view()),
    'settings.updateShop': (patch, { session }) => thenView(settings.updateShop(session.userId, patch)),
    'settings.updateIdentity': (patch, { session }) => thenView(settings.updateIdentity(session.userId, patch)),
    'settings.updatePricing': (patch, { session }) => thenView(settings.updatePricing(session.userId, patch)),
    'settings.addVatRate': ({ category, rateBasisPoints, effectiveFrom }, { session }) =>
      thenView(settings.addVatRate(session.userId, category, rateBasisPoints, effectiveFrom)),
    'settings.savePromotion': (promotion, { session }) => thenView(settings.savePromotion(session.userId, promotion)),
    'settings.deactivatePromotion': ({ code }, { session }) => thenView(settings.deactivatePromotion(session.userId, code)),
  }
}
