import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CARD_ENTRY_ATTRIBUTE,
  cardNumberRefusals,
  guardFieldsAgainstCardNumbers,
} from '@renderer/card-guard/card-number-guard'

/** Types `text` into `field` as the browser does: the value changes, then an input event. */
function type(field: HTMLInputElement, text: string): void {
  for (const character of text) {
    const event = new InputEvent('beforeinput', { data: character, inputType: 'insertText', bubbles: true, cancelable: true })
    if (!field.dispatchEvent(event)) continue
    field.value += character
    field.dispatchEvent(new InputEvent('input', { data: character, inputType: 'insertText', bubbles: true }))
  }
}

describe('no text field of the till keeps a card number', () => {
  let stop: () => void
  let field: HTMLInputElement
  let seenByTheField: string[]

  beforeEach(() => {
    stop = guardFieldsAgainstCardNumbers()
    field = document.createElement('input')
    document.body.append(field)
    seenByTheField = []
    // The field's own handler (v-model, a search) runs after the guard, which listens in capture.
    field.addEventListener('input', () => seenByTheField.push(field.value))
  })
  afterEach(() => {
    stop()
    field.remove()
  })

  it('clears a card number as its last digit is typed, before the field\'s own handler reads it', () => {
    const refusals = cardNumberRefusals.value
    type(field, '4242 4242 4242 4242')
    expect(field.value).toBe('')
    expect(seenByTheField.some((value) => value.replace(/\D/g, '').length >= 16)).toBe(false)
    expect(cardNumberRefusals.value).toBeGreaterThan(refusals)
  })

  it('keeps the rest of a number typed after the refusal out of the field, and lets words back in', () => {
    // The Luhn check passes at 13 digits here: the last three must not land in the field.
    type(field, '4222222222222')
    expect(field.value).toBe('')
    type(field, '222')
    expect(field.value).toBe('')
    type(field, 'plaid')
    expect(field.value).toBe('plaid')
  })

  it('leaves a pasted barcode, a phone number and the card form\'s own field alone', () => {
    // The demo Expresso's barcode passes Luhn too: as a valid EAN-13 typed plain, it is a barcode.
    field.value = '3760123450195'
    field.dispatchEvent(new Event('input', { bubbles: true }))
    expect(field.value).toBe('3760123450195')
    field.value = '06 12 34 56 78'
    field.dispatchEvent(new Event('input', { bubbles: true }))
    expect(field.value).toBe('06 12 34 56 78')

    const cardField = document.createElement('input')
    cardField.setAttribute(CARD_ENTRY_ATTRIBUTE, '')
    document.body.append(cardField)
    cardField.value = '4242 4242 4242 4242'
    cardField.dispatchEvent(new Event('input', { bubbles: true }))
    expect(cardField.value).toBe('4242 4242 4242 4242')
    cardField.remove()
  })

  it('clears a pasted card number grouped with dashes', () => {
    field.value = 'client 5555-5555-5555-4444'
    field.dispatchEvent(new Event('input', { bubbles: true }))
    expect(field.value).toBe('')
    expect(seenByTheField).toEqual([''])
  })
})
