/**
 * Whether the cashier has put the focus in a field of their own: a screen that gives the focus
 * late (after an answer from main, say) must then leave it where it is. Pressing F12 then F6 at
 * once, the card number field had the focus and the checkout, ready 50 ms later, moved it to the
 * customer search, which received the whole card number.
 */
export function focusTakenByUser(): boolean {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || active === document.body) return false
  return (
    active instanceof HTMLInputElement ||
    active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement ||
    active.isContentEditable ||
    active.closest('[role="dialog"]') !== null
  )
}
