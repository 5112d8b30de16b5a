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

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'fr',
  messages: { fr, en },
})

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
