import { useI18n } from 'vue-i18n'
import type { AppError } from '@shared/contract'
import { fr } from '@renderer/i18n/fr'

type KnownCode = keyof typeof fr.errors.codes

function isKnown(code: string): code is KnownCode {
  return Object.hasOwn(fr.errors.codes, code)
}

/** A cashier-readable sentence for an error, in the screen's language; main's text as a last resort. */
export function useErrorMessage(): (error: AppError) => string {
  const { t } = useI18n()
  return (error) =>
    isKnown(error.code)
      ? t(`errors.codes.${error.code}`)
      : t('errors.generic', { message: error.message })
}
