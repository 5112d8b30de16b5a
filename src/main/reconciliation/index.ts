/** The reconciliation feature's face: what the composition root uses of it. */
export { reconciliationHandlers } from './reconciliation-handlers'
export { ReconciliationService } from './reconciliation-service'
