import type { IpcMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNEL, ok, type Result } from '@shared/contract'
import { APP_ORIGIN, createOriginCheck } from '../../../src/main/electron/app-origin'
import {
  createBridgeHandler,
  registerBridge,
  type BridgeEvent,
} from '../../../src/main/electron/ipc-bridge'

function fakeRouter(
  answer: () => Promise<Result<unknown>> = () => Promise.resolve(ok({ items: [] })),
) {
  return { dispatch: vi.fn((_name: string, _input: unknown, _clientId: string) => answer()) }
}

function eventFrom(url: string | null, webContentsId = 7): BridgeEvent {
  return { senderFrame: url === null ? null : { url }, sender: { id: webContentsId } }
}

const isTrustedUrl = createOriginCheck([APP_ORIGIN])

describe('the IPC bridge', () => {
  it('forwards a call from the app frame to the router, as that window', async () => {
    const router = fakeRouter()
    const handle = createBridgeHandler({ router, isTrustedUrl })
    const answer = await handle(eventFrom('app://comptoir/index.html', 7), 'cart.get', {})
    expect(answer).toEqual({ ok: true, value: { items: [] } })
    expect(router.dispatch).toHaveBeenCalledExactlyOnceWith('cart.get', {}, 'window-7')
  })

  it.each([
    'https://evil.example/',
    'app://comptoir.evil/index.html',
    'file:///tmp/page.html',
    'about:blank',
  ])(
    'refuses a call from a frame at %s with FORBIDDEN, without reaching the router',
    async (url) => {
      const router = fakeRouter()
      const warn = vi.fn()
      const handle = createBridgeHandler({ router, isTrustedUrl, logger: { warn, error: vi.fn() } })
      const answer = await handle(eventFrom(url), 'user.list', {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(router.dispatch).not.toHaveBeenCalled()
      expect(warn).toHaveBeenCalledOnce()
    },
  )

  it('refuses a call whose frame is already gone', async () => {
    const router = fakeRouter()
    const answer = await createBridgeHandler({ router, isTrustedUrl })(
      eventFrom(null),
      'cart.get',
      {},
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(router.dispatch).not.toHaveBeenCalled()
  })

  it('answers UNKNOWN_CALL for a name that is not a string', async () => {
    const router = fakeRouter()
    const handle = createBridgeHandler({ router, isTrustedUrl })
    const answer = await handle(eventFrom('app://comptoir/'), { toString: () => 'cart.get' }, {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } })
  })

  it('answers INTERNAL as a value if the router ever throws: nothing is thrown across IPC', async () => {
    const router = fakeRouter(() => Promise.reject(new Error('disk on fire')))
    const error = vi.fn()
    const handle = createBridgeHandler({ router, isTrustedUrl, logger: { warn: vi.fn(), error } })
    const answer = await handle(eventFrom('app://comptoir/'), 'cart.get', {})
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong; the action was not completed' },
    })
    expect(JSON.stringify(answer)).not.toContain('disk on fire')
    expect(error).toHaveBeenCalledOnce()
  })

  it('listens on the one bridge channel and can stop', async () => {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() }
    const router = fakeRouter()
    const stop = registerBridge(
      ipcMain as unknown as IpcMain,
      createBridgeHandler({ router, isTrustedUrl }),
    )
    expect(ipcMain.handle).toHaveBeenCalledOnce()
    const [channel, listener] = ipcMain.handle.mock.calls[0] as [
      string,
      (...args: unknown[]) => Promise<unknown>,
    ]
    expect(channel).toBe(BRIDGE_CHANNEL)
    await listener(eventFrom('app://comptoir/', 3), 'catalogue.search', { query: 'pain' })
    expect(router.dispatch).toHaveBeenCalledWith('catalogue.search', { query: 'pain' }, 'window-3')
    stop()
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(BRIDGE_CHANNEL)
  })
})
