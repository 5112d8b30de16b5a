import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError } from '@shared/contract'
import type { FiscalCheck, FiscalDayClosing, FiscalRecordKindName, FiscalRecordRow } from '@shared/contract/calls/fiscal-calls'
import { call } from '@renderer/bridge'
import { downloadUrl } from '@renderer/downloads/download-url'

/** What the journal's screen filters by: a kind, the shop's days (`YYYY-MM-DD`, '' for none). */
export interface FiscalJournalFilter {
  kind: FiscalRecordKindName | ''
  fromDay: string
  toDay: string
}

/** The fiscal journal, newest first, paged by keyset; and its last integrity check. */
export const useFiscalJournalStore = defineStore('fiscal-journal', () => {
  const records = ref<FiscalRecordRow[]>([])
  const nextCursor = ref<number | null>(null)
  const lastCheck = ref<FiscalCheck | null>(null)
  const loaded = ref(false)
  const loading = ref(false)
  const verifying = ref(false)
  const error = ref<AppError | null>(null)
  const filter = ref<FiscalJournalFilter>({ kind: '', fromDay: '', toDay: '' })

  async function load(more = false): Promise<void> {
    loading.value = true
    const { kind, fromDay, toDay } = filter.value
    const result = await call('fiscal.records', {
      kind: kind || undefined,
      fromDay: fromDay || undefined,
      toDay: toDay || undefined,
      cursor: more ? (nextCursor.value ?? undefined) : undefined,
      limit: 50,
    })
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    records.value = more ? [...records.value, ...result.value.records] : result.value.records
    nextCursor.value = result.value.nextCursor
    lastCheck.value = result.value.lastCheck
    loaded.value = true
  }

  async function verify(): Promise<void> {
    verifying.value = true
    const result = await call('fiscal.verify')
    verifying.value = false
    if (result.ok) lastCheck.value = result.value
    else error.value = result.error
  }

  /** The daily closing (Z) of yesterday and of earlier days left open; answers the days closed, or the refusal. */
  async function closeDay(): Promise<{ days: string[] } | { error: AppError }> {
    const result = await call('fiscal.closeDay', {})
    if (!result.ok) return { error: result.error }
    await load()
    return { days: result.value.days }
  }

  /** The daily closing (Z) shown on the screen, to read and print; null when none is open. */
  const closing = ref<FiscalDayClosing | null>(null)

  async function showClosing(id: number): Promise<void> {
    const result = await call('fiscal.closing', { id })
    if (result.ok) closing.value = result.value
    else error.value = result.error
  }

  /**
   * The fiscal archive of a closed period (`YYYY-MM`, `YYYY` or `closed`): main makes the signed ZIP
   * and answers a single-use address the browser's own download fetches.
   */
  async function archive(period: string): Promise<{ fileName: string; records: number } | { error: AppError }> {
    const result = await call('fiscal.archive', { period })
    if (!result.ok) return { error: result.error }
    downloadUrl(result.value.url, result.value.fileName)
    return { fileName: result.value.fileName, records: result.value.records }
  }

  /** The purge of a year's detail (and earlier years'), once six years past, archived and verified; the journal is read again. */
  async function purge(year: number): Promise<{ deleted: number; throughDay: string } | { error: AppError }> {
    const result = await call('fiscal.purge', { year })
    if (!result.ok) return { error: result.error }
    await load()
    return { deleted: result.value.deleted, throughDay: result.value.throughDay }
  }

  return { records, nextCursor, lastCheck, loaded, loading, verifying, error, filter, closing, load, verify, closeDay, showClosing, archive, purge }
})
