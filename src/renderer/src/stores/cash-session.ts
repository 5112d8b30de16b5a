import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { CallInput, CallOutput, CashSession, CashSessionSettings, Result, UserSummary, XReport } from '@shared/contract'
import type { DenominationCount } from '@shared/domain/euro-denominations'
import { call } from '@renderer/bridge'

/**
 * The till's cash session as the screens see it: whether the till may sell (an open session),
 * the banner of a session left open from an earlier day, and the steps of the day: opening with
 * the float, cash in and out, the X report, the blind closing count and its confirmation.
 */
export const useCashSessionStore = defineStore('cash-session', () => {
  const session = ref<CashSession | null>(null)
  const loaded = ref(false)

  const isOpen = computed(() => session.value?.status === 'open')
  /** Loaded and not open: the till shows "Ouvrir la caisse" first. */
  const blocksSales = computed(() => loaded.value && !isOpen.value)
  const leftOpen = computed(() => session.value?.leftOpenFromEarlierDay === true)

  function keep<T extends CashSession>(result: Result<T>): Result<T> {
    if (result.ok) session.value = result.value
    return result
  }

  async function load(): Promise<void> {
    const result = await call('cashSession.current')
    if (result.ok) {
      session.value = result.value.session
      loaded.value = true
    }
  }

  async function open(count: DenominationCount[]): Promise<Result<CashSession>> {
    return keep(await call('cashSession.open', { count }))
  }

  function moveCash(request: CallInput<'cashSession.moveCash'>): Promise<Result<CallOutput<'cashSession.moveCash'>>> {
    return call('cashSession.moveCash', request)
  }

  function xReport(): Promise<Result<XReport>> {
    return call('cashSession.xReport')
  }

  async function submitCount(count: DenominationCount[]): Promise<Result<CashSession>> {
    return keep(await call('cashSession.submitCount', { count }))
  }

  async function confirmClose(approval?: { userId: number; pin: string }): Promise<Result<CashSession>> {
    const result = await call('cashSession.confirmClose', approval ? { approval } : {})
    // A closed session is no longer the till's: the till asks to open a new one.
    if (result.ok) session.value = null
    return result
  }

  function settings(): Promise<Result<CashSessionSettings>> {
    return call('cashSession.settings')
  }

  function saveSettings(next: CashSessionSettings): Promise<Result<CashSessionSettings>> {
    return call('cashSession.saveSettings', next)
  }

  /** The administrators who may confirm a large difference, for the PIN prompt. */
  async function administrators(): Promise<UserSummary[]> {
    const listed = await call('auth.listUsers')
    return listed.ok ? listed.value.filter((user) => user.role === 'admin') : []
  }

  return { session, loaded, isOpen, blocksSales, leftOpen, load, open, moveCash, xReport, submitCount, confirmClose, settings, saveSettings, administrators }
})
