import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, ReconciliationActionCode, ReconciliationList } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The "to reconcile" list, "Reconcile now", and the actions taken on its cases. */
export const useReconciliationStore = defineStore('reconciliation', () => {
  const list = ref<ReconciliationList | null>(null)
  const busy = ref(false)
  const error = ref<AppError | null>(null)

  async function settle(answer: Promise<{ ok: true; value: ReconciliationList } | { ok: false; error: AppError }>): Promise<boolean> {
    busy.value = true
    const result = await answer
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    list.value = result.value
    return true
  }

  const load = () => settle(call('reconciliation.list', {}))
  const reconcileNow = () => settle(call('reconciliation.run', {}))
  const resolve = (caseId: number, action: ReconciliationActionCode, note?: string) =>
    settle(call('reconciliation.resolve', { caseId, action, note }))

  return { list, busy, error, load, reconcileNow, resolve }
})
