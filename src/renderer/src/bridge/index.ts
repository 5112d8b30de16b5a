import type { AppError, CallName } from '@shared/contract'
import { createBridgeClient } from './bridge-client'

export type { CallFunction } from './bridge-client'

type ErrorListener = (name: CallName, error: AppError) => void
const errorListeners = new Set<ErrorListener>()

/** Subscribes to every failed call; returns the unsubscribe function. */
export function onCallError(listener: ErrorListener): () => void {
  errorListeners.add(listener)
  return () => errorListeners.delete(listener)
}

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

const client = createBridgeClient({
  bridge: window.comptoir,
  fetch: (input, init) => window.fetch(input, init),
  // Once per page load: the server keeps one session per client, so a reload logs out.
  clientId: newClientId(),
  onError: (name, result) => {
    for (const listener of errorListeners) listener(name, result.error)
  },
})

/** `call('cart.addProduct', { productId })`: typed from the contract, never throws. */
export const call = client.call
export const transport = client.transport
