import { describe, expect, it } from 'vitest'
import { administrationEn } from '@renderer/i18n/administration-en'
import { administrationFr } from '@renderer/i18n/administration-fr'
import { en } from '@renderer/i18n/en'
import { fr } from '@renderer/i18n/fr'
import { ERRORS, errorMessages, isErrorCode } from '@shared/contract'

describe('the screens read error sentences from the registry', () => {
  it('the general sentence of every code is the registry’s, in French and in English', () => {
    expect(fr.errors.codes).toEqual(errorMessages('fr'))
    expect(en.errors.codes).toEqual(errorMessages('en'))
  })

  it('the cart and administration lists keep only codes of the registry, each saying more than its sentence', () => {
    const lists = [
      [fr.cart.errors, 'fr'],
      [en.cart.errors, 'en'],
      [administrationFr.errors, 'fr'],
      [administrationEn.errors, 'en'],
    ] as const
    for (const [list, locale] of lists) {
      for (const [code, sentence] of Object.entries(list)) {
        expect(isErrorCode(code), code).toBe(true)
        // A copy of the registry's sentence would be a second list: only the administration's
        // own codes are picked from the registry there, for its screens' lookup.
        if (sentence === ERRORS[code as keyof typeof ERRORS][locale]) {
          expect(['LAST_ADMINISTRATOR', 'USER_NAME_TAKEN', 'EFFECTIVE_DATE_IN_PAST', 'ACCOUNT_CHANGE_REFUSED'], code).toContain(code)
        }
      }
    }
  })

  it('the login and checkout sentences for a code are the registry’s', () => {
    expect(fr.login.wrongPin).toBe(ERRORS.INVALID_CREDENTIALS.fr)
    expect(en.login.tooManyAttempts).toBe(ERRORS.TOO_MANY_ATTEMPTS.en)
    expect(fr.checkout.failure.cartEmpty).toBe(ERRORS.CART_EMPTY.fr)
    expect(en.checkout.failure.declined).toBe(ERRORS.CARD_DECLINED.en)
  })
})
