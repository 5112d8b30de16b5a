import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, Dashboard } from '@shared/contract'
import { call } from '@renderer/bridge'
import { periodOf, type Period } from '@renderer/back-office/period-presets'
import { useSessionStore } from './session'

/** The dashboard's period (this month unless chosen otherwise) and its figures. */
export const useDashboardStore = defineStore('dashboard', () => {
  const period = ref<Period>(periodOf('thisMonth', new Date(), useSessionStore().timeZone))
  const data = ref<Dashboard | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  let generation = 0

  async function load(): Promise<void> {
    const current = ++generation
    loading.value = true
    error.value = null
    const result = await call('dashboard.period', { ...period.value })
    if (current !== generation) return
    loading.value = false
    if (result.ok) data.value = result.value
    else error.value = result.error
  }

  async function choose(next: Period): Promise<void> {
    if (!next.from || !next.to) return
    period.value = next.from <= next.to ? next : { from: next.to, to: next.from }
    await load()
  }

  return { period, data, loading, error, load, choose }
})
