import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, CallInput, Result, SettingsView } from '@shared/contract'
import { call } from '@renderer/bridge'
import { useSessionStore } from './session'

/**
 * The shop's settings as the administration screen shows them. Every change answers the whole
 * view, which simply replaces what is shown; the session is reloaded after a shop change so the
 * header's name and the inactivity lock follow at once.
 */
export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null)
  const loadError = ref<AppError | null>(null)

  async function load(): Promise<void> {
    const result = await call('settings.get')
    if (result.ok) {
      view.value = result.value
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  function keep(result: Result<SettingsView>): Result<SettingsView> {
    if (result.ok) view.value = result.value
    return result
  }

  async function updateShop(patch: CallInput<'settings.updateShop'>): Promise<Result<SettingsView>> {
    const result = keep(await call('settings.updateShop', patch))
    if (result.ok) await useSessionStore().load()
    return result
  }

  return {
    view,
    loadError,
    load,
    updateShop,
    updateIdentity: async (patch: CallInput<'settings.updateIdentity'>) =>
      keep(await call('settings.updateIdentity', patch)),
    updatePricing: async (patch: CallInput<'settings.updatePricing'>) =>
      keep(await call('settings.updatePricing', patch)),
    addVatRate: async (input: CallInput<'settings.addVatRate'>) => keep(await call('settings.addVatRate', input)),
    savePromotion: async (input: CallInput<'settings.savePromotion'>) =>
      keep(await call('settings.savePromotion', input)),
    deactivatePromotion: async (code: string) => keep(await call('settings.deactivatePromotion', { code })),
  }
})
