import { err, ok, type Result } from '@shared/contract/result'
import { gatewayOver, type GatewayErrorCode, type IssuerGateway } from './issuer-gateway'
import type { IssuerSimulator } from '../../issuer'

function whenAborted(signal: AbortSignal | undefined): Promise<Result<unknown, GatewayErrorCode>> {
  return new Promise((resolve) => {
    if (!signal) return
    const onAbort = () => resolve(err('ISSUER_TIMEOUT', 'Gave up waiting for the issuer'))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * The issuer inside the main process (the default). Messages go through the same parsing and
 * fault injection as over HTTPS; a silent issuer leaves the call pending until the caller's
 * signal gives up, exactly like a lost network answer.
 */
export function createInProcessIssuerGateway(simulator: IssuerSimulator): IssuerGateway {
  return gatewayOver(
    'in-process',
    async (message, signal) => {
      const answer = simulator
        .handle(structuredClone(message))
        .then((outcome): Promise<Result<unknown, GatewayErrorCode>> | Result<unknown, GatewayErrorCode> => {
          if (outcome.kind === 'answer') return ok(outcome.response)
          if (outcome.kind === 'rejected')
            return err(outcome.rejection.code, outcome.rejection.message)
          return whenAborted(signal)
        })
      return Promise.race([answer, whenAborted(signal)])
    },
    async () => {},
  )
}
