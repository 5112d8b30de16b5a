import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Result } from '@shared/contract'
import { fieldIssues } from '@renderer/administration/validation-issues'
import { useAdministrationError } from '@renderer/composables/useAdministrationError'

/**
 * The save cycle of one settings section: the errors found before sending (a field that is not a
 * number), then main's own VALIDATION_FAILED issues mapped back onto the fields by their path,
 * a general message for any other refusal, and a short-lived "saved" notice.
 */
export function useSectionSave() {
  const { t, te } = useI18n()
  const describe = useAdministrationError()
  const saving = ref(false)
  const saved = ref(false)
  const errors = ref<Record<string, string>>({})
  const failure = ref<string | null>(null)
  let savedTimer: ReturnType<typeof setTimeout> | undefined

  /** A localized sentence for a field main refused, by the field's last named path segment. */
  function fieldMessage(path: string, serverMessage: string): string {
    const name = path
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .at(-1)
    const key = `administration.settings.invalid.${name}`
    return name && te(key) ? t(key) : t('administration.settings.invalid.generic', { message: serverMessage })
  }

  async function save(clientErrors: Record<string, string>, run: () => Promise<Result<unknown>>): Promise<boolean> {
    saved.value = false
    failure.value = null
    errors.value = clientErrors
    if (Object.keys(clientErrors).length > 0) {
      failure.value = t('administration.settings.fixFields')
      return false
    }
    saving.value = true
    const result = await run()
    saving.value = false
    if (result.ok) {
      saved.value = true
      clearTimeout(savedTimer)
      savedTimer = setTimeout(() => (saved.value = false), 4000)
      return true
    }
    const issues = fieldIssues(result.error)
    errors.value = Object.fromEntries(
      Object.entries(issues).map(([path, message]) => [path, fieldMessage(path, message)]),
    )
    failure.value = Object.keys(issues).length > 0 ? t('administration.settings.fixFields') : describe(result.error)
    return false
  }

  function clear(): void {
    errors.value = {}
    failure.value = null
  }

  return { saving, saved, errors, failure, save, clear }
}
