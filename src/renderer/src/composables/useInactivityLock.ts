import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Calls `lock` after `seconds` without keyboard, mouse or touch activity, while `active` is true.
 * Main drops idle sessions too; this makes the screen follow without waiting for a call.
 */
export function useInactivityLock(
  seconds: Ref<number>,
  active: Ref<boolean>,
  lock: () => void,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastRestart = 0

  function restart(): void {
    clearTimeout(timer)
    if (!active.value) return
    timer = setTimeout(lock, seconds.value * 1000)
  }

  // Pointer moves come by the hundred; restarting the timer once a second is plenty.
  function onActivity(): void {
    const now = Date.now()
    if (now - lastRestart < 1000) return
    lastRestart = now
    restart()
  }

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { capture: true, passive: true })
    }
    restart()
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
  })
  watch([seconds, active], () => {
    lastRestart = Date.now()
    restart()
  })
}
