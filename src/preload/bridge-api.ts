import { CALL_NAMES, type CallName, type ComptoirBridge } from '@shared/contract'

export type { ComptoirBridge }

/** The name the bridge has on the page: `window.comptoir`. */
export const BRIDGE_GLOBAL_NAME = 'comptoir'

/** Sends one call over the bridge channel; in the preload it is `ipcRenderer.invoke`. */
export type BridgeInvoke = (name: CallName, input: unknown) => Promise<unknown>

/**
 * One named function per call of the contract, and nothing else: the page can make the calls
 * the contract declares, but never reaches `ipcRenderer` or picks a channel.
 */
export function createBridgeApi(invoke: BridgeInvoke): ComptoirBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const name of CALL_NAMES) {
    // The computed key gives each function the call's name, which shows in stack traces.
    const named = { [name]: (input: unknown) => invoke(name, input) }
    const call = named[name]
    if (call) api[name] = call
  }
  return Object.freeze(api) as ComptoirBridge
}
