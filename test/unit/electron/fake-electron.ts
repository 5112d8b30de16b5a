import { vi } from 'vitest'

/**
 * A stand-in for the `electron` module: Electron's binary cannot run on these machines, so the
 * shell is checked against fakes that record what it asks of Electron. Tests wire it in with
 * `vi.mock('electron', () => import('./fake-electron'))`.
 */

type Listener = (...args: never[]) => unknown

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  once(name: string, listener: Listener): this {
    return this.on(name, listener)
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      ;(listener as (...values: unknown[]) => unknown)(...args)
    }
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
}

/** An event as Electron hands it to `will-navigate` and friends (`will-frame-navigate` says which frame). */
export function fakeNavigationEvent(
  url: string,
  isMainFrame = true,
): {
  url: string
  isMainFrame: boolean
  preventDefault: () => void
  prevented: boolean
} {
  const event = {
    url,
    isMainFrame,
    prevented: false,
    preventDefault: () => {
      event.prevented = true
    },
  }
  return event
}

let nextWebContentsId = 1

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'))
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | undefined
  minimized = false
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  readonly destroy = vi.fn()

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
    // Electron announces every new web contents on the app object.
    app.emit('web-contents-created', {}, this.webContents)
  }

  isMinimized(): boolean {
    return this.minimized
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false
  hasLock = true
  userDataPath = '/tmp/comptoir-fake-user-data'
  appPath = '/opt/comptoir'
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock)
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly enableSandbox = vi.fn()
  readonly whenReady = vi.fn(() => Promise.resolve())
  readonly getPath = vi.fn((_name: string) => this.userDataPath)
  readonly getAppPath = vi.fn(() => this.appPath)
}

export const app = new FakeApp()

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined
  headersListener: HeadersListener | undefined

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler
  }

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener
    },
  }
}

export const session = { defaultSession: new FakeSession() }

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}

export const ipcMain = {
  handle: vi.fn(),
  removeHandler: vi.fn(),
}

export const dialog = { showErrorBox: vi.fn() }

export const Menu = { setApplicationMenu: vi.fn() }

export const contextBridge = { exposeInMainWorld: vi.fn() }
export const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn() }

/** Puts every fake back as new, between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = []
  app.listeners.clear()
  app.isPackaged = false
  app.hasLock = true
  session.defaultSession = new FakeSession()
  vi.clearAllMocks()
}

/** Only constructed into a key provider at start-up; the vault opens it lazily. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text: string) => Buffer.from(text),
  decryptStringAsync: async (data: Buffer) => ({ shouldReEncrypt: false, result: data.toString() }),
}
