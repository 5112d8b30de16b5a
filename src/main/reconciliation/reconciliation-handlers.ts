import { ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { ReconciliationService } from './reconciliation-service'
import { reconciliationList, type ReconciliationViewSources } from './reconciliation-view'

export type ReconciliationCalls = 'reconciliation.list' | 'reconciliation.run' | 'reconciliation.resolve'

/** The "to reconcile" list, "Reconcile now", and the administrator's audited actions on a case. */
export function reconciliationHandlers(
  reconciliation: ReconciliationService,
  sources: ReconciliationViewSources,
): Pick<CallHandlers, ReconciliationCalls> {
  const list = () => ok(reconciliationList(reconciliation, sources))
  return {
    'reconciliation.list': list,
    'reconciliation.run': async () => {
      await reconciliation.reconcile()
      return list()
    },
    'reconciliation.resolve': async ({ caseId, action, note }, { session }) => {
      const done = await reconciliation.resolve(caseId, action, session.userId, note)
      return done.ok ? list() : done
    },
  }
}
