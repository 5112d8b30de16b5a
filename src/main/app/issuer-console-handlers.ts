import { ok } from '@shared/contract'
import type { IssuerConsole } from '../../issuer'
import type { CheckedCallHandlers } from '../rpc/router'

type IssuerConsoleCalls = 'issuer.accounts' | 'issuer.journal' | 'issuer.updateAccount' | 'issuer.faults' | 'issuer.setFaults'

/**
 * The simulated issuer's own screens. They belong to the issuer, not to the shop: the merchant app
 * only carries the calls to the in-process simulator's console.
 */
export function issuerConsoleHandlers(console: IssuerConsole): Pick<CheckedCallHandlers, IssuerConsoleCalls> {
  return {
    'issuer.accounts': () => ok(console.accounts()),
    'issuer.journal': ({ accountId, cursor, limit }) => console.journal(accountId, cursor ?? null, limit),
    'issuer.updateAccount': (update) => console.updateAccount(update),
    'issuer.faults': () => ok(console.faults()),
    'issuer.setFaults': (faults) => ok(console.setFaults(faults)),
  }
}
