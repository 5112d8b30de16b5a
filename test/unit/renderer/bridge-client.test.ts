import { describe, expect, it, vi } from 'vitest'
import type { ComptoirBridge } from '@shared/contract'
import { createBridgeClient } from '@renderer/bridge/bridge-client'

const emptyCart = { tillId: 'till-1', currency: 'EUR', lines: [], itemCount: 0, total: 0 }

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

describe('bridge client', () => {
  it('calls the Electron preload by name when it is there, and never fetches', async () => {
    const get = vi.fn(async () => ({ ok: true as const, value: emptyCart }))
    const fetch = vi.fn()
    const { call, transport } = createBridgeClient({
      bridge: { 'cart.get': get } as unknown as ComptoirBridge,
      fetch,
      clientId: 'c',
    })
    expect(transport).toBe('electron')
    await expect(call('cart.get')).resolves.toEqual({ ok: true, value: emptyCart })
    expect(get).toHaveBeenCalledWith({})
    expect(fetch).not.toHaveBeenCalled()
  })

  it('in browser mode posts JSON to /api/<name> with the client id and the session cookie (never a secret the page can read)', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse({ ok: true, value: emptyCart }))
    const { call, transport } = createBridgeClient({
      fetch: fetch as unknown as typeof globalThis.fetch,
      clientId: 'client-42',
    })
    expect(transport).toBe('http')
    await call('cart.addProduct', { productId: 7, quantity: 2 })
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/api/cart.addProduct')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Comptoir-Client': 'client-42',
    })
    expect(init?.credentials).toBe('same-origin')
    expect(JSON.parse(String(init?.body))).toEqual({ productId: 7, quantity: 2 })
  })

  it('passes on the Result body of a refused request (HTTP 403) as it is', async () => {
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'This action needs an administrator' } }
    const onError = vi.fn()
    const { call } = createBridgeClient({
      fetch: (async () => jsonResponse(refused, 403)) as typeof globalThis.fetch,
      clientId: 'c',
      onError,
    })
    await expect(call('users.list')).resolves.toEqual(refused)
    expect(onError).toHaveBeenCalledWith('users.list', refused)
  })

  it('turns a network failure into a NETWORK error instead of throwing', async () => {
    const { call } = createBridgeClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch')
      }) as typeof globalThis.fetch,
      clientId: 'c',
    })
    await expect(call('session.current')).resolves.toEqual({
      ok: false,
      error: { code: 'NETWORK', message: 'Failed to fetch' },
    })
  })

  it('treats an answer that is not a Result as a NETWORK error', async () => {
    const { call } = createBridgeClient({
      fetch: (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as typeof globalThis.fetch,
      clientId: 'c',
    })
    const result = await call('session.current')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('NETWORK')
  })
})
