import { err, ok } from '@shared/contract'
import { shopDay } from '@shared/time/shop-time-zone'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { CallHandlers } from '../rpc/router'
import type { FiscalRegister } from './fiscal-register'
import { FiscalPurgeRefusedError, purgeFiscalDetail } from './fiscal-purge'
import { localTimeWithOffset } from './fiscal-time'

export interface FiscalPurgeHandlerDependencies {
  db: SqliteDatabase
  tillId: string
  fiscal: FiscalRegister
  timeZone: () => string
  now: () => Date
  appVersion?: string
}

/** 'fiscal.purge', administrators only (the contract's role); each refusal its own code, nothing deleted. */
export function fiscalPurgeHandlers(deps: FiscalPurgeHandlerDependencies): Pick<CallHandlers, 'fiscal.purge'> {
  return {
    'fiscal.purge': ({ year }, { session }) => {
      const now = deps.now()
      try {
        const result = purgeFiscalDetail({
          db: deps.db,
          tillId: deps.tillId,
          year,
          today: shopDay(now, deps.timeZone()),
          signer: deps.fiscal.signer,
          events: deps.fiscal.events,
          operator: { id: session.userId },
          createdAt: localTimeWithOffset(now, deps.timeZone()),
          appVersion: deps.appVersion ?? null,
        })
        return ok({
          year: result.year,
          throughDay: result.throughDay,
          deleted: result.deleted,
          chains: result.chains.map(({ chain, throughSequence, deleted }) => ({ chain, throughSequence, deleted })),
        })
      } catch (error) {
        if (error instanceof FiscalPurgeRefusedError) return err(error.code, error.message, error.details)
        throw error
      }
    },
  }
}
