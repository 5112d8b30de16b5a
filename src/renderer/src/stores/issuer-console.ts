import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, CallInput, CallOutput, IssuerAccountView, IssuerFaultsView, Result } from '@shared/contract'
import { call } from '@renderer/bridge'

type JournalEntry = CallOutput<'issuer.journal'>['entries'][number]
type AccountChange = Omit<CallInput<'issuer.updateAccount'>, 'accountId'>

/**
 * The simulated issuer's side, kept apart from the shop's stores: its cardholder accounts, the
 * journal of the one selected, and its fault injection.
 */
export const useIssuerConsoleStore = defineStore('issuer-console', () => {
  const accounts = ref<IssuerAccountView[] | null>(null)
  const loadError = ref<AppError | null>(null)
  const selectedId = ref<number | null>(null)
  const journal = ref<JournalEntry[]>([])
  const journalCursor = ref<number | null>(null)
  const journalLoading = ref(false)
  const journalError = ref<AppError | null>(null)
  const faults = ref<IssuerFaultsView | null>(null)

  const selected = computed(() => accounts.value?.find((account) => account.id === selectedId.value) ?? null)

  async function load(): Promise<void> {
    const [list, currentFaults] = await Promise.all([call('issuer.accounts'), call('issuer.faults')])
    if (list.ok) {
      accounts.value = list.value
      loadError.value = null
    } else {
      loadError.value = list.error
    }
    if (currentFaults.ok) faults.value = currentFaults.value
    else loadError.value ??= currentFaults.error
  }

  function replaceAccount(account: IssuerAccountView): void {
    accounts.value = accounts.value?.map((each) => (each.id === account.id ? account : each)) ?? [account]
  }

  async function loadJournal(more = false): Promise<void> {
    const accountId = selectedId.value
    if (accountId === null) return
    journalLoading.value = true
    const cursor = more ? (journalCursor.value ?? undefined) : undefined
    const result = await call('issuer.journal', { accountId, cursor, limit: 25 })
    journalLoading.value = false
    if (selectedId.value !== accountId) return
    if (!result.ok) {
      journalError.value = result.error
      return
    }
    journalError.value = null
    replaceAccount(result.value.account)
    journal.value = more ? [...journal.value, ...result.value.entries] : result.value.entries
    journalCursor.value = result.value.nextCursor
  }

  async function select(accountId: number): Promise<void> {
    selectedId.value = accountId
    journal.value = []
    journalCursor.value = null
    await loadJournal()
  }

  async function updateAccount(change: AccountChange): Promise<Result<IssuerAccountView>> {
    const accountId = selectedId.value
    if (accountId === null) return { ok: false, error: { code: 'NOT_FOUND', message: 'No account selected' } }
    const result = await call('issuer.updateAccount', { accountId, ...change })
    if (result.ok) {
      replaceAccount(result.value)
      await loadJournal()
    }
    return result
  }

  async function setFaults(next: IssuerFaultsView): Promise<Result<IssuerFaultsView>> {
    const result = await call('issuer.setFaults', next)
    if (result.ok) faults.value = result.value
    return result
  }

  return {
    accounts,
    loadError,
    selectedId,
    selected,
    journal,
    journalCursor,
    journalLoading,
    journalError,
    faults,
    load,
    select,
    loadJournal,
    updateAccount,
    setFaults,
  }
})
