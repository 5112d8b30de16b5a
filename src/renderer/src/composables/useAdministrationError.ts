import { useI18n } from 'vue-i18n'
import type { AppError } from '@shared/contract'
import { useErrorMessage } from '@renderer/composables/useErrorMessage'
import { administrationFr } from '@renderer/i18n/administration-fr'

type AdministrationCode = keyof typeof administrationFr.errors

function isAdministrationCode(code: string): code is AdministrationCode {
  return Object.hasOwn(administrationFr.errors, code)
}

/** The administration's own refusals (last administrator, name taken…) in words, then the common ones. */
export function useAdministrationError(): (error: AppError) => string {
  const { t } = useI18n()
  const common = useErrorMessage()
  return (error) =>
    isAdministrationCode(error.code) ? t(`administration.errors.${error.code}`) : common(error)
}
