/** The cash sessions feature's face: what the other features and the composition root may use. */
export { cashSessionHandlers } from './cash-session-handlers'
export { CashSessionRepository } from './cash-session-repository'
export { CashSessionService, DEFAULT_DIFFERENCE_APPROVAL_THRESHOLD } from './cash-session-service'
export type { CashJournal, CashJournalKind } from './cash-session-service'
export { expectedCash } from './cash-figures'
export { openDemoSession } from './demo-session'
