import type { AppError } from '@shared/contract'

/** One zod issue as main sends it in VALIDATION_FAILED details. */
interface Issue {
  path: (string | number)[]
  message: string
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false
  const { path, message } = value as { path?: unknown; message?: unknown }
  return Array.isArray(path) && typeof message === 'string'
}

/**
 * The fields a VALIDATION_FAILED answer names, keyed by their dotted path
 * (`delivery.bands.FR.standard.2.fee`), first message per field. Empty for any other error, or
 * when main named no field.
 */
export function fieldIssues(error: (Omit<AppError, 'code'> & { code: string }) | null): Record<string, string> {
  if (!error || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {}
  const fields: Record<string, string> = {}
  for (const issue of error.details) {
    if (!isIssue(issue)) continue
    const key = issue.path.join('.')
    fields[key] ??= issue.message
  }
  return fields
}
