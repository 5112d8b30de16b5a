import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNEL, ok } from '@shared/contract'
import type { AppOptions } from '../../../src/main/app/app-options'
import { startDesktopShell, type ShellServices } from '../../../src/main/electron/desktop-shell'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/window-security'
import {
  app,
  BrowserWindow,
  dialog,
  fakeNavigationEvent,
  ipcMain,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

function fakeServices() {
  const services = {
    router: { dispatch: vi.fn(() => Promise.resolve(ok({ lines: [] }))) },
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    sessions: { end: vi.fn() },
    close: vi.fn(),
  }
  const createApp = vi.fn((_options: AppOptions) => services as ShellServices)
  return { services, createApp }
}

/** Lets `app.whenReady().then(...)` run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

async function startShell(env: NodeJS.ProcessEnv = {}) {
  const { services, createApp } = fakeServices()
  startDesktopShell({ createApp, env })
  await settle()
  return { services, createApp }
}

function bridgeListener() {
  const call = ipcMain.handle.mock.calls.find(([channel]) => channel === BRIDGE_CHANNEL) as
    [string, (event: unknown, name: unknown, input: unknown) => Promise<unknown>] | undefined
  if (!call) throw new Error('no bridge handler was registered')
  return call[1]
}

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.instances).toHaveLength(1)
  const [window] = BrowserWindow.instances
  if (!window) throw new Error('no window')
  return window
}

beforeEach(() => resetFakeElectron())

describe('single instance', () => {
  it('a second instance quits at once, opening nothing and touching no data', async () => {
    app.hasLock = false
    const { createApp } = await startShell()
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    expect(app.quit).toHaveBeenCalledOnce()
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(createApp).not.toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
  })

  it('the first instance brings its window back when a second one is launched', async () => {
    await startShell()
    const window = onlyWindow()
    window.minimized = true
    app.emit('second-instance', {}, [], '/')
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    expect(app.quit).not.toHaveBeenCalled()
  })
})

describe('start-up', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', async () => {
    await startShell()
    const readyOrder = app.whenReady.mock.invocationCallOrder[0] ?? 0
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(readyOrder)
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      readyOrder,
    )
  })

  it("keeps the till's data in Electron's userData folder", async () => {
    const { createApp } = await startShell()
    expect(app.getPath).toHaveBeenCalledWith('userData')
    expect(createApp).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ dataDir: app.userDataPath }))
  })

  it("wraps the card vault's key with the operating system's secret store", async () => {
    const { createApp } = await startShell()
    const options = createApp.mock.calls[0]![0]
    expect(options.keyProvider?.constructor.name).toBe('SafeStorageKeyProvider')
  })

  it('opens one hardened window on the app:// page, with the built preload', async () => {
    await startShell()
    const window = onlyWindow()
    expect(window.loadedUrl).toBe('app://comptoir/index.html')
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/opt/comptoir/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
  })

  it('serves the built renderer through app://', async () => {
    await startShell()
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function))
  })

  it('shows the window only once it is ready', async () => {
    await startShell()
    const window = onlyWindow()
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('says why and exits when the services cannot start', async () => {
    const createApp = vi.fn(() => {
      throw new Error('database is locked')
    })
    startDesktopShell({ createApp, env: {} })
    await settle()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Comptoir could not start',
      'database is locked',
    )
    expect(app.exit).toHaveBeenCalledWith(1)
  })
})

describe('the session', () => {
  it('denies every permission request and check', async () => {
    await startShell()
    const callback = vi.fn()
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback, {})
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(
      session.defaultSession.permissionCheckHandler?.({}, 'notifications', 'app://comptoir', {}),
    ).toBe(false)
  })

  it('attaches the Content-Security-Policy to responses', async () => {
    await startShell()
    const callback = vi.fn()
    session.defaultSession.headersListener?.({ responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})

describe("the window's navigation", () => {
  it('is cancelled towards a foreign origin and allowed within the app', async () => {
    await startShell()
    const { webContents } = onlyWindow()
    const foreign = fakeNavigationEvent('https://evil.example/')
    const own = fakeNavigationEvent('app://comptoir/till')
    webContents.emit('will-navigate', foreign)
    webContents.emit('will-navigate', own)
    expect(foreign.prevented).toBe(true)
    expect(own.prevented).toBe(false)
  })

  it('never opens a new window', async () => {
    await startShell()
    expect(onlyWindow().webContents.windowOpenHandler?.({ url: 'app://comptoir/' })).toEqual({
      action: 'deny',
    })
  })
})

describe('a packaged till has no DevTools and no menu; development keeps both', () => {
  it('packaged: DevTools off in the window, the default menu (reload, DevTools shortcuts) removed', async () => {
    app.isPackaged = true
    await startShell()
    const window = onlyWindow()
    expect((window.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false)
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null)
  })

  it('npm run dev (not packaged): DevTools and the default menu stay', async () => {
    app.isPackaged = false
    await startShell({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' })
    const window = onlyWindow()
    expect((window.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true)
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled()
  })

  it('sub-frame navigation is denied in the window, the srcdoc approval frame excepted', async () => {
    await startShell()
    const { webContents } = onlyWindow()
    const foreign = fakeNavigationEvent('https://evil.example/', false)
    const srcdoc = fakeNavigationEvent('about:srcdoc', false)
    webContents.emit('will-frame-navigate', foreign)
    webContents.emit('will-frame-navigate', srcdoc)
    expect(foreign.prevented).toBe(true)
    expect(srcdoc.prevented).toBe(false)
  })

  it('the policy added to every response forbids framing the app', async () => {
    await startShell()
    let headers: Record<string, string | string[]> | undefined
    session.defaultSession.headersListener?.({ responseHeaders: {} }, (answer) => (headers = answer.responseHeaders))
    expect(String(headers?.['Content-Security-Policy'])).toContain("frame-ancestors 'none'")
  })
})

describe('IPC', () => {
  it('a call from the app frame reaches the router as that window', async () => {
    const { services } = await startShell()
    const { webContents } = onlyWindow()
    const answer = await bridgeListener()(
      { senderFrame: { url: 'app://comptoir/index.html' }, sender: { id: webContents.id } },
      'cart.get',
      {},
    )
    expect(answer).toEqual({ ok: true, value: { lines: [] } })
    expect(services.router.dispatch).toHaveBeenCalledWith(
      'cart.get',
      {},
      `window-${webContents.id}`,
    )
  })

  it('a call from a foreign frame is refused with FORBIDDEN', async () => {
    const { services } = await startShell()
    const answer = await bridgeListener()(
      { senderFrame: { url: 'https://evil.example/' }, sender: { id: 1 } },
      'user.list',
      {},
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(services.router.dispatch).not.toHaveBeenCalled()
  })
})

describe('closing', () => {
  it("ends the window's login when it closes, and closes the services when the app quits", async () => {
    const { services } = await startShell()
    const window = onlyWindow()
    window.emit('closed')
    expect(services.sessions.end).toHaveBeenCalledWith(`window-${window.webContents.id}`)
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalled()
    app.emit('will-quit')
    expect(services.close).toHaveBeenCalledOnce()
  })
})

describe('dev mode', () => {
  const devEnv = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

  it("loads electron-vite's dev server and trusts its origin", async () => {
    const { services } = await startShell(devEnv)
    const window = onlyWindow()
    expect(window.loadedUrl).toBe('http://localhost:5173')
    const navigation = fakeNavigationEvent('http://localhost:5173/#/till')
    window.webContents.emit('will-navigate', navigation)
    expect(navigation.prevented).toBe(false)
    await bridgeListener()(
      { senderFrame: { url: 'http://localhost:5173/' }, sender: { id: 1 } },
      'cart.get',
      {},
    )
    expect(services.router.dispatch).toHaveBeenCalledOnce()
  })

  it('ignores the variable in a packaged app', async () => {
    app.isPackaged = true
    const { services } = await startShell(devEnv)
    expect(onlyWindow().loadedUrl).toBe('app://comptoir/index.html')
    const answer = await bridgeListener()(
      { senderFrame: { url: 'http://localhost:5173/' }, sender: { id: 1 } },
      'cart.get',
      {},
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(services.router.dispatch).not.toHaveBeenCalled()
  })

  it('ignores a dev URL that is not http(s)', async () => {
    await startShell({ ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' })
    expect(onlyWindow().loadedUrl).toBe('app://comptoir/index.html')
  })
})
