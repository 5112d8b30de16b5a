import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, AuditEntry, AuditVerification } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The audit log, newest first, paged by keyset; and the last check of its hash chain. */
export const useAuditLogStore = defineStore('audit-log', () => {
  const entries = ref<AuditEntry[]>([])
  const nextCursor = ref<number | null>(null)
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const verification = ref<AuditVerification | null>(null)
  const verifying = ref(false)

  async function load(more = false): Promise<void> {
    loading.value = true
    const cursor = more ? (nextCursor.value ?? undefined) : undefined
    const result = await call('audit.list', { cursor, limit: 50 })
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    entries.value = more ? [...entries.value, ...result.value.entries] : result.value.entries
    nextCursor.value = result.value.nextCursor
    loaded.value = true
  }

  async function verify(): Promise<void> {
    verifying.value = true
    verification.value = null
    const result = await call('audit.verify')
    verifying.value = false
    if (result.ok) verification.value = result.value
    else error.value = result.error
  }

  return { entries, nextCursor, loaded, loading, error, verification, verifying, load, verify }
})
