import { ok } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { CheckedCallHandlers } from '../rpc/router'
import { verifyAuditChain } from './audit-log'
import { auditPage } from './audit-pages'

/** The audit log's pages and its chain check, for administrators. */
export function auditHandlers(db: SqliteDatabase): Pick<CheckedCallHandlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': ({ cursor, limit, action }) => ok(auditPage(db, cursor ?? null, limit, action ?? null)),
    'audit.verify': () => ok(verifyAuditChain(db)),
  }
}
