import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { fr, type MessageSchema } from './fr'
import { en } from './en'

const STORAGE_KEY = 'comptoir.locale'
export const LOCALES: readonly Locale[] = ['fr', 'en']

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en'
}

/** French unless the cashier chose English on this till before. */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : 'fr'
  } catch {
    return 'fr'
  }
}

/**
 * French counts 0 and 1 as singular ("0 article", "1 ligne"): with two forms, below 2 is the
 * first; with three (zero | one | many), as vue-i18n's default.
 */
export function frenchPlural(choice: number, choicesLength: number): number {
  const count = Math.abs(choice)
  if (choicesLength === 3) return count === 0 ? 0 : count === 1 ? 1 : 2
  return count < 2 ? 0 : 1
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'fr',
  messages: { fr, en },
  pluralRules: { fr: frenchPlural },
})

let backOfficeLoading: Promise<void> | null = null

/**
 * Merges the back-office's and the administration's messages in, once: they live in their own
 * chunk, fetched when a /admin route is first entered, so the till's first load goes without.
 */
export function loadBackOfficeMessages(): Promise<void> {
  backOfficeLoading ??= import('./back-office-messages').then(
    ({ backOfficeMessages }) => {
      for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, backOfficeMessages[locale] as never)
    },
    (error: unknown) => {
      // A chunk that could not be fetched (a new build, a blip): the next visit tries again.
      backOfficeLoading = null
      throw error
    },
  )
  return backOfficeLoading
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode or a full disk: the choice lasts until the page is reloaded.
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}
