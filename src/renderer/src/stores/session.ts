import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, Result, SessionInfo, UserSummary } from '@shared/contract'
import { call, onCallError } from '@renderer/bridge'
import { DEFAULT_TIME_ZONE } from '@shared/time/shop-time-zone'

/** Why the till last went back to the login screen, shown there. */
export type LockReason = 'inactivity' | 'expired' | null

export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo | null>(null)
  const loadError = ref<AppError | null>(null)
  const lockReason = ref<LockReason>(null)
  /** A one-off message for the next screen (e.g. a cashier refused an admin screen). */
  const notice = ref<'adminOnly' | null>(null)
  /** A logout waits for the cashier to confirm it: the cart has articles, which will be parked. */
  const logoutPending = ref(false)
  /** Set by a login, taken by the till: its first cart is the one that waited for this user. */
  const freshLogin = ref(false)
  let loading: Promise<void> | null = null

  const user = computed(() => info.value?.user ?? null)
  const isLoggedIn = computed(() => user.value !== null)
  const isAdmin = computed(() => user.value?.role === 'admin')
  const currency = computed(() => info.value?.currency ?? 'EUR')
  const shopName = computed(() => info.value?.shopName ?? '')
  const inactivityLockSeconds = computed(() => info.value?.inactivityLockSeconds ?? 300)
  /** The shop's IANA time zone: back-office dates are shown in it, whatever the browser's. */
  const timeZone = computed(() => info.value?.timeZone ?? DEFAULT_TIME_ZONE)

  async function load(): Promise<void> {
    const result = await call('session.current')
    if (result.ok) {
      info.value = result.value
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  /** Loads the session once; the router waits for it before its first decision. */
  function ensureLoaded(): Promise<void> {
    loading ??= load()
    return loading
  }

  /** The staff who may log in, for the login screen's tiles. */
  function listUsers(): Promise<Result<UserSummary[]>> {
    return call('auth.listUsers')
  }

  async function login(userId: number, pin: string): Promise<Result<SessionInfo>> {
    const result = await call('auth.login', { userId, pin })
    if (result.ok) {
      info.value = result.value
      lockReason.value = null
      freshLogin.value = true
    }
    return result
  }

  function takeFreshLogin(): boolean {
    const value = freshLogin.value
    freshLogin.value = false
    return value
  }

  function forgetUser(reason: LockReason): void {
    if (info.value) info.value = { ...info.value, user: null }
    lockReason.value = reason
  }

  async function logout(reason: LockReason = null): Promise<void> {
    forgetUser(reason)
    await call('auth.logout')
  }

  /** Main said the session is over (idle too long, or restarted): back to the login screen. */
  function expire(): void {
    if (isLoggedIn.value) forgetUser('expired')
  }

  /**
   * However a call finds out that the session is over, the session expires and `onExpired` runs
   * (the app sends the till back to the login screen). Returns the unsubscribe function.
   */
  function followExpiry(onExpired: () => void): () => void {
    return onCallError((_name, error) => {
      if (error.code !== 'UNAUTHENTICATED') return
      expire()
      onExpired()
    })
  }

  function takeNotice(): 'adminOnly' | null {
    const value = notice.value
    notice.value = null
    return value
  }

  return {
    info,
    loadError,
    lockReason,
    notice,
    logoutPending,
    user,
    isLoggedIn,
    isAdmin,
    currency,
    shopName,
    inactivityLockSeconds,
    timeZone,
    load,
    ensureLoaded,
    listUsers,
    login,
    logout,
    followExpiry,
    expire,
    takeNotice,
    takeFreshLogin,
  }
})
