import { nextTick } from 'vue'
import type { Router } from 'vue-router'

/** Keys a cashier presses for the next screen before it is there: its shortcuts, and text. */
const SHORTCUTS = new Set(['F2', 'F6', 'F7', 'F8', 'Escape'])
const LONGEST_HOLD_MS = 3000

function isText(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey
}

/**
 * Holds the keys pressed while the router moves to the next screen (F12 then F6 at once: the
 * checkout is still loading) and gives them to that screen once it is mounted: its shortcuts as
 * key presses on the window, then the text typed meanwhile into the field they focused. The
 * screen being left never sees them, so an F6 meant for the checkout's card form no longer opens
 * the till's promotion field, and the card number typed after it is not lost in between.
 */
export function holdKeysForNextScreen(router: Router): void {
  const shortcuts: string[] = []
  let text = ''
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.isTrusted === false) return
    if (SHORTCUTS.has(event.key)) shortcuts.push(event.key)
    else if (isText(event)) text += event.key
    else return
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  const release = (): void => {
    window.removeEventListener('keydown', onKeydown, { capture: true })
    clearTimeout(timer)
    stopWatching()
  }
  const timer = setTimeout(release, LONGEST_HOLD_MS)
  const stopWatching = router.afterEach(async (_to, _from, failure) => {
    stopWatching()
    if (failure) {
      release()
      return
    }
    // The new screen is mounted after the next render; its own focus moves follow a tick later.
    await nextTick()
    for (const key of shortcuts) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    await nextTick()
    release()
    const field = document.activeElement
    if (text && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
      // As if typed: the field's own input handling (formatting, the card-number guard) runs.
      document.execCommand('insertText', false, text)
    }
  })
  window.addEventListener('keydown', onKeydown, { capture: true })
}
