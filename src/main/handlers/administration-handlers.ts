import { administrationCalls, err } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'

type AdministrationCalls = keyof typeof administrationCalls

/** Placeholder until the administration services land: every call answers NOT_IMPLEMENTED. */
export function administrationHandlers(): Pick<CallHandlers, AdministrationCalls> {
  const notYet = () => err('NOT_IMPLEMENTED', 'This administration call is not available yet')
  return Object.fromEntries(
    Object.keys(administrationCalls).map((name) => [name, notYet]),
  ) as unknown as Pick<CallHandlers, AdministrationCalls>
}
