import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron'
import type { AppOptions } from '../app/app-options'
import type { Logger } from '../../platform/logging/logger'
import type { Router } from '../rpc/router'
import type { DownloadTickets } from '../rpc/download-tickets'
import { SafeStorageKeyProvider } from '../payments'
import { downloadServerSettings, startDownloadServer, type DownloadLinks, type DownloadServer } from '../fulfilment'
import { preparePrivateFolder } from '../../platform/files/private-folder'
import { createPdfPrinter } from './pdf-printer'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createOriginCheck, originOf } from './app-origin'
import { createAppProtocolHandler, registerAppScheme } from './app-protocol'
import { clientIdForWebContents, createBridgeHandler, registerBridge } from './ipc-bridge'
import {
  attachContentSecurityPolicy,
  createSecureWindow,
  denyAllPermissions,
  hardenWebContents,
  removeApplicationMenu,
} from './window-security'

/** What the shell needs from `createApp`; the real `ComptoirApp` has more. */
export interface ShellServices {
  router: Router
  logger: Logger
  sessions?: { end(clientId: string): unknown }
  /** The single-use addresses of the streamed files (the CSV exports), served on app://comptoir/downloads/. */
  downloads?: Pick<DownloadTickets, 'redeem'>
  /** Settles checkouts a previous run left half-done, before the till takes payments. */
  start?(): Promise<unknown>
  /** The customers' download links and files, served on the shop's network (see startDownloadServer). */
  downloadLinks?: DownloadLinks
  downloadsDir?: string
  close(): void
}

export interface DesktopShellOptions {
  createApp: (options: AppOptions) => ShellServices
  env?: NodeJS.ProcessEnv
}

/**
 * electron-vite's dev server URL, trusted only in an unpackaged app and only over http(s): a
 * packaged till must never load a page named by an environment variable.
 */
export function devServerUrlOf(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  const candidate = env['ELECTRON_RENDERER_URL']
  if (isPackaged || candidate === undefined || candidate === '') return undefined
  const origin = originOf(candidate)
  return origin?.startsWith('http://') || origin?.startsWith('https://') ? candidate : undefined
}

/**
 * The same small server as browser mode's for the customers' downloads (QR codes on approvals),
 * set by COMPTOIR_DOWNLOADS_HOST, _PORT and _URL; the till's own window never goes through it.
 */
async function startCustomerDownloads(services: ShellServices, env: NodeJS.ProcessEnv): Promise<DownloadServer | null> {
  if (!services.downloadLinks || !services.downloadsDir) return null
  try {
    const settings = downloadServerSettings({
      host: env['COMPTOIR_DOWNLOADS_HOST'],
      port: env['COMPTOIR_DOWNLOADS_PORT'],
      url: env['COMPTOIR_DOWNLOADS_URL'],
    })
    return await startDownloadServer({ links: services.downloadLinks, downloadsDir: services.downloadsDir, ...settings, logger: services.logger })
  } catch (error) {
    services.logger.warn('The customers\' download server could not start: approvals print no download link', String(error))
    return null
  }
}

/**
 * Composes the desktop app: one instance per user, services on the userData folder, the
 * renderer from app://, a locked-down session and one IPC channel into the router.
 */
export function startDesktopShell(options: DesktopShellOptions): void {
  // Both must happen before 'ready'.
  app.enableSandbox()
  registerAppScheme(protocol)

  // Two tills on one database would fight over the cart: a second launch hands over and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const devServerUrl = devServerUrlOf(options.env ?? process.env, app.isPackaged)
  const isTrustedUrl = createOriginCheck(devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN])
  const entryUrl = devServerUrl ?? APP_ENTRY_URL
  const preloadPath = join(app.getAppPath(), 'out', 'preload', 'index.js')
  let services: ShellServices | undefined
  let downloads: DownloadServer | null = null
  let mainWindow: BrowserWindow | undefined

  const openMainWindow = (): BrowserWindow => {
    // DevTools and the default menu (reload, DevTools shortcuts) only in development.
    const window = createSecureWindow(BrowserWindow, preloadPath, { devTools: !app.isPackaged })
    const clientId = clientIdForWebContents(window.webContents.id)
    window.once('ready-to-show', () => window.show())
    // A closed window's login must not carry over to the next one.
    window.on('closed', () => {
      services?.sessions?.end(clientId)
      if (mainWindow === window) mainWindow = undefined
    })
    window.loadURL(entryUrl).catch((error: unknown) => {
      services?.logger.error('The till page did not load', error)
    })
    return window
  }

  // Every web contents, including any created later, gets the navigation and popup rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl))
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // A till has one window: closing it ends the app on every platform, macOS included.
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    void downloads?.close()
    downloads = null
    services?.close()
    services = undefined
  })

  app
    .whenReady()
    .then(async () => {
      const dataDir = app.getPath('userData')
      // Known once the customers' download server listens; a sale before that prints no link.
      let downloadBaseUrl: string | null = null
      // Private before the PIN pepper's wrapped key is written there (createApp checks it again).
      preparePrivateFolder(dataDir)
      services = options.createApp({
        dataDir,
        // The card vault's data key is wrapped by the operating system's secret store.
        keyProvider: new SafeStorageKeyProvider(safeStorage, join(dataDir, 'keys', 'card-vault.key.enc')),
        // So is the PIN pepper, a separate key: a copied database and folder without the OS
        // account's secret store cannot be brute-forced over the PIN space.
        pinPepper: await new SafeStorageKeyProvider(safeStorage, join(dataDir, 'keys', 'pin-pepper.key.enc')).loadDataKey(),
        // And the till's fiscal signing key: whoever copies the folder cannot sign a journal record.
        fiscalSigningKey: await new SafeStorageKeyProvider(safeStorage, join(dataDir, 'keys', 'fiscal-signing.key.enc')).loadDataKey(),
        documentPrinter: createPdfPrinter(),
        downloadBaseUrl: () => downloadBaseUrl,
      })
      // Before start-up recovery: a sale it completes prints its download links too.
      downloads = await startCustomerDownloads(services, options.env ?? process.env)
      downloadBaseUrl = downloads?.publicUrl ?? null
      await services.start?.()
      removeApplicationMenu(Menu, app.isPackaged)
      const appSession = session.defaultSession
      denyAllPermissions(appSession)
      attachContentSecurityPolicy(appSession)
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({ rendererRoot: join(app.getAppPath(), 'out', 'renderer'), downloads: services.downloads }),
      )
      registerBridge(
        ipcMain,
        createBridgeHandler({ router: services.router, isTrustedUrl, logger: services.logger }),
      )
      mainWindow = openMainWindow()
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox('Comptoir could not start', message)
      app.exit(1)
    })
}
