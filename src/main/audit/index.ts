/** The audit feature's face: what the other features and the composition root may use. */
export { onAuditEntry, recordAudit, verifyAuditChain } from './audit-log'
export type { AuditEntryInput, AuditListener } from './audit-log'
export { auditPage } from './audit-pages'
export { auditHandlers } from './audit-handlers'
