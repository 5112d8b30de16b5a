import type { BrowserWindow as ElectronBrowserWindow, Session, WebContents } from 'electron'
import type { OriginCheck } from './app-origin'

/**
 * Sent on every response. No 'unsafe-eval' and no inline scripts: an injected string can never
 * become code. Inline styles stay allowed because Vue's style bindings write them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  // No page of another origin may frame the till (clickjacking), should one ever be loaded.
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

type BrowserWindowConstructor = typeof ElectronBrowserWindow
type ResponseHeaders = Record<string, string | string[]>

/**
 * Creates the till's window. The constructor is passed in so the settings can be checked with a
 * fake, and the options stay one literal so a static scanner (electronegativity) can read them.
 * DevTools are for development only: a packaged till passes `devTools: false`.
 */
export function createSecureWindow(
  BrowserWindow: BrowserWindowConstructor,
  preloadPath: string,
  { devTools }: { devTools: boolean } = { devTools: false },
): ElectronBrowserWindow {
  return new BrowserWindow({
    width: 1366,
    height: 840,
    minWidth: 1024,
    minHeight: 680,
    title: 'Comptoir',
    backgroundColor: '#0b3d3f',
    autoHideMenuBar: true,
    // Shown on 'ready-to-show' so the cashier never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise ask for a new window; none is ever wanted.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  })
}

/**
 * Keeps a web contents on the app's own pages: navigation and redirects to any other origin are
 * cancelled, new windows are refused and `<webview>` tags cannot attach. Nothing is handed to
 * `shell.openExternal`: a till has no reason to open a browser.
 */
export function hardenWebContents(contents: WebContents, isTrustedUrl: OriginCheck): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  // Every frame's navigation: the main frame stays on the app; a sub-frame may only show a
  // document the page wrote itself (the approval's sandboxed srcdoc frame), never load a URL.
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isTrustedUrl(event.url) : isInlineFrameDocument(event.url)
    if (!allowed) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** `about:srcdoc` and `about:blank`: a frame's own inline document, fetched from nowhere. */
function isInlineFrameDocument(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank'
}

/** A packaged till has no menu: no reload, no DevTools and no zoom shortcuts for the cashier. */
export function removeApplicationMenu(menu: { setApplicationMenu(menu: null): void }, isPackaged: boolean): void {
  if (isPackaged) menu.setApplicationMenu(null)
}

/**
 * Electron grants every permission by default; the till needs none (no camera, microphone,
 * notifications, geolocation, USB or HID from the page: the barcode scanner is a keyboard).
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Adds the app's policy to a response's headers; a policy the server already sent is kept too. */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): ResponseHeaders {
  const result: ResponseHeaders = {}
  const existing: string[] = []
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') existing.push(...[value].flat())
    else result[name] = value
  }
  // Several policies are all enforced, so keeping the server's can only make it stricter.
  result['Content-Security-Policy'] = [policy, ...existing.filter((value) => value !== policy)]
  return result
}

/** Attaches the policy to every response the session receives, including the dev server's. */
export function attachContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
}
