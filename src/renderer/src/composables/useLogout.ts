import { useRouter } from 'vue-router'
import { useSessionStore, type LockReason } from '@renderer/stores/session'
import { useCartStore } from '@renderer/stores/cart'
import { useCatalogueStore } from '@renderer/stores/catalogue'

/**
 * Ends the session and forgets what the screens held, so the next user starts clean. Asked by
 * the cashier (Ctrl+L, the header's button) with articles in the cart, it first asks them to
 * confirm (`session.logoutPending`, answered by the logout dialog; Ctrl+L again confirms): main
 * then parks the cart under their name until they log in again. The inactivity lock does not ask.
 */
export function useLogout(): (reason?: LockReason, options?: { confirmed?: boolean }) => Promise<void> {
  const router = useRouter()
  const session = useSessionStore()
  const cart = useCartStore()
  const catalogue = useCatalogueStore()
  return async (reason = null, options = {}) => {
    if (!session.isLoggedIn) return
    const confirmed = options.confirmed === true || session.logoutPending
    if (reason === null && !confirmed && cart.itemCount > 0) {
      session.logoutPending = true
      return
    }
    session.logoutPending = false
    const done = session.logout(reason)
    cart.reset()
    catalogue.reset()
    await router.replace({ name: 'login' })
    await done
  }
}
