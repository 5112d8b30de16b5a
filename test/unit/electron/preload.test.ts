import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNEL, CALL_NAMES } from '@shared/contract'
import { createBridgeApi } from '../../../src/preload/bridge-api'
import { contextBridge, ipcRenderer } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

/** What the preload put on `window`, as the page would see it. */
let exposed: Record<string, unknown> = {}
let exposedName: unknown

beforeAll(async () => {
  await import('../../../src/preload/index')
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [
    string,
    Record<string, unknown>,
  ]
  exposedName = name
  exposed = api
})

describe('the preload', () => {
  it('exposes the bridge as window.comptoir, and nothing else', () => {
    expect(exposedName).toBe('comptoir')
  })

  it('exposes exactly one function per call of the contract', () => {
    expect(Object.keys(exposed).sort()).toEqual([...CALL_NAMES].sort())
    for (const name of CALL_NAMES) expect(typeof exposed[name]).toBe('function')
  })

  it('exposes nothing that reaches IPC directly', () => {
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'postMessage']) {
      expect(exposed).not.toHaveProperty(forbidden)
    }
    for (const value of Object.values(exposed)) expect(value).not.toBe(ipcRenderer)
  })

  it('sends each call on the bridge channel with its own name', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { lines: [] } })
    const call = exposed['cart.get'] as (input: unknown) => Promise<unknown>
    await expect(call({})).resolves.toEqual({ ok: true, value: { lines: [] } })
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(BRIDGE_CHANNEL, 'cart.get', {})
  })
})

describe('createBridgeApi', () => {
  it('names each function after its call and cannot be changed by the page', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true, value: null }))
    const api = createBridgeApi(invoke)
    for (const name of CALL_NAMES) expect(api[name].name).toBe(name)
    expect(Object.isFrozen(api)).toBe(true)
    const first = CALL_NAMES[0]
    if (first === undefined) throw new Error('the contract has no call')
    await api[first]({} as never)
    expect(invoke).toHaveBeenCalledExactlyOnceWith(first, {})
  })
})
