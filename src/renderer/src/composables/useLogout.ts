import { useRouter } from 'vue-router'
import { useSessionStore, type LockReason } from '@renderer/stores/session'
import { useCartStore } from '@renderer/stores/cart'
import { useCatalogueStore } from '@renderer/stores/catalogue'

/** Ends the session and forgets what the screens held, so the next user starts clean. */
export function useLogout(): (reason?: LockReason) => Promise<void> {
  const router = useRouter()
  const session = useSessionStore()
  const cart = useCartStore()
  const catalogue = useCatalogueStore()
  return async (reason = null) => {
    if (!session.isLoggedIn) return
    const done = session.logout(reason)
    cart.reset()
    catalogue.reset()
    await router.replace({ name: 'login' })
    await done
  }
}
