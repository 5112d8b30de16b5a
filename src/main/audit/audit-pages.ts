import type { AuditEntry } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { auditRepository } from './audit-log'

export interface AuditPage {
  entries: AuditEntry[]
  nextCursor: number | null
}

/** One page of the audit log, newest first; `cursor` is the last id of the previous page. */
export function auditPage(
  db: SqliteDatabase,
  cursor: number | null,
  limit: number,
  action: string | null,
): AuditPage {
  const rows = auditRepository(db).page(cursor, limit + 1, action)
  const entries = rows.slice(0, limit).map(({ detailsJson, ...row }) => ({
    ...row,
    details: JSON.parse(detailsJson) as unknown,
  }))
  const nextCursor = rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null
  return { entries, nextCursor }
}
