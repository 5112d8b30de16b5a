import { ref } from 'vue'
import { containsCardNumber } from '@shared/cards'

/** The one attribute that marks a field made to take a card number (the card payment form's). */
export const CARD_ENTRY_ATTRIBUTE = 'data-card-entry'

/** Changes at every refusal, so the notice is shown (and announced) again each time. */
export const cardNumberRefusals = ref(0)

export function refuseCardNumber(): void {
  cardNumberRefusals.value++
}

type TextField = HTMLInputElement | HTMLTextAreaElement

function isTextField(target: EventTarget | null): target is TextField {
  if (target instanceof HTMLTextAreaElement) return true
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'password'].includes(target.type)
}

/**
 * Empties a field that was given a card number, before any handler of the field reads it: so it
 * is never kept, searched for or sent. Answers whether it did. Fields made for card numbers are
 * left alone.
 */
export function clearCardNumber(target: EventTarget | null): boolean {
  if (!isTextField(target) || target.hasAttribute(CARD_ENTRY_ATTRIBUTE)) return false
  if (!containsCardNumber(target.value)) return false
  target.value = ''
  lastRefusal = { field: target, atMs: performance.now() }
  refuseCardNumber()
  return true
}

/** The rest of a card number still being typed after the refusal stays out of the field too. */
const TAIL_MS = 1500
let lastRefusal: { field: TextField; atMs: number } | null = null

function swallowsTail(event: InputEvent): boolean {
  if (!lastRefusal || event.target !== lastRefusal.field) return false
  if (performance.now() - lastRefusal.atMs > TAIL_MS || !event.data || !/^[\d -]+$/.test(event.data)) return false
  lastRefusal.atMs = performance.now()
  return true
}

/**
 * Guards every text field of the screen: listens to input on the whole window in the capture
 * phase, which runs before the field's own handlers and v-model, so they only ever see an empty
 * field. Returns the function that stops it.
 */
export function guardFieldsAgainstCardNumbers(): () => void {
  const onInput = (event: Event): void => {
    clearCardNumber(event.target)
  }
  const onBeforeInput = (event: InputEvent): void => {
    if (swallowsTail(event)) event.preventDefault()
  }
  window.addEventListener('beforeinput', onBeforeInput, { capture: true })
  window.addEventListener('input', onInput, { capture: true })
  return () => {
    window.removeEventListener('beforeinput', onBeforeInput, { capture: true })
    window.removeEventListener('input', onInput, { capture: true })
    lastRefusal = null
  }
}
