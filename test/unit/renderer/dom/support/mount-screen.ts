import { mount, type ComponentMountingOptions, type DOMWrapper } from '@vue/test-utils'
import { createTestingPinia, type TestingOptions } from '@pinia/testing'
import { vi } from 'vitest'
import type { Component } from 'vue'
import { i18n, LOCALES } from '@renderer/i18n'
import { backOfficeMessages } from '@renderer/i18n/back-office-messages'
import type { Locale } from '@shared/contract'

/**
 * Mounts a piece of the till as the app does: the real French and English words, a Pinia whose
 * stores call the fake main (`stubActions: false`) unless the test stubs them.
 */
// The app merges the back-office's messages when its routes load; screens mounted alone get them at once.
for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, backOfficeMessages[locale] as never)

export function mountScreen<C extends Component>(
  component: C,
  options: { locale?: Locale; pinia?: TestingOptions; mount?: ComponentMountingOptions<C> } = {},
) {
  i18n.global.locale.value = options.locale ?? 'fr'
  const pinia = createTestingPinia({ createSpy: vi.fn, stubActions: false, ...options.pinia })
  return mount(component, {
    attachTo: document.body,
    ...options.mount,
    global: { plugins: [i18n, pinia], ...options.mount?.global },
  } as ComponentMountingOptions<C>)
}

/** A text field as `wrapper.get` finds it. */
export type InputField = Omit<DOMWrapper<HTMLInputElement>, 'exists'>

/** Types into a field one key at a time, the caret at the end, as a cashier does. */
export async function typeInto(field: InputField, text: string): Promise<void> {
  const input = field.element
  for (const key of text) {
    input.value = input.value + key
    input.setSelectionRange(input.value.length, input.value.length)
    await field.trigger('input')
  }
}

/** Intl's French spaces (narrow and no-break) as plain spaces, so expectations stay readable. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim()
}
