import type { CallInput, CallName, CallResult, ComptoirBridge, Result } from '@shared/contract'
import { createHttpTransport } from './http-transport'

export type CallFunction = <N extends CallName>(
  name: N,
  // `{} extends X` asks "may the input be omitted?": calls whose every field is optional.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  ...input: {} extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>]
) => Promise<CallResult<N>>

export interface BridgeClientOptions {
  /** The preload's bridge when running inside Electron. */
  bridge?: ComptoirBridge
  fetch: typeof fetch
  clientId: string
  /** Told about every failed answer, e.g. to send an expired session back to the login screen. */
  onError?: (name: CallName, result: Extract<Result<unknown>, { ok: false }>) => void
}

/**
 * The renderer's one way to reach main. The call names and their input and output types come
 * from the contract, so there is no per-call code here: Electron's preload bridge when present,
 * loopback HTTP otherwise.
 */
export function createBridgeClient(options: BridgeClientOptions): {
  call: CallFunction
  transport: 'electron' | 'http'
} {
  const bridge = options.bridge
  const http = bridge ? null : createHttpTransport(options)

  async function send(name: CallName, input: unknown): Promise<Result<unknown>> {
    if (bridge) {
      const fn = bridge[name] as (input: unknown) => Promise<Result<unknown>>
      try {
        return await fn(input ?? {})
      } catch (error) {
        return {
          ok: false,
          error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) },
        }
      }
    }
    return http!(name, input)
  }

  const call = (async (name: CallName, input?: unknown) => {
    const result = await send(name, input ?? {})
    if (!result.ok) options.onError?.(name, result)
    return result
  }) as CallFunction

  return { call, transport: bridge ? 'electron' : 'http' }
}
