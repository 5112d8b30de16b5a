import { createRequire } from 'node:module'
import type { BrowserWindow as ElectronBrowserWindow, Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN, createOriginCheck } from '../../../src/main/electron/app-origin'
import {
  attachContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  createSecureWindow,
  denyAllPermissions,
  hardenWebContents,
  withContentSecurityPolicy,
} from '../../../src/main/electron/window-security'
import { fakeNavigationEvent, FakeSession, FakeWebContents } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

interface CspFinding {
  severity: number
  directive: string
  description: string
}
interface CspEvaluatorModule {
  CspParser: new (raw: string) => { csp: unknown }
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] }
  Version: { CSP3: unknown }
  severities: Record<string, number>
}
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule

function directive(name: string): string[] {
  const found = CONTENT_SECURITY_POLICY.split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name)
  return found?.slice(1) ?? []
}

function windowOptionsOf(preloadPath: string, devTools?: { devTools: boolean }): Record<string, unknown> {
  const constructed: Record<string, unknown>[] = []
  class RecordingWindow {
    constructor(options: Record<string, unknown>) {
      constructed.push(options)
    }
  }
  createSecureWindow(RecordingWindow as unknown as typeof ElectronBrowserWindow, preloadPath, devTools)
  expect(constructed).toHaveLength(1)
  return constructed[0] ?? {}
}

const isTrusted = createOriginCheck([APP_ORIGIN])

describe('every window is isolated from Node', () => {
  const options = windowOptionsOf('/opt/comptoir/out/preload/index.js')
  const preferences = options['webPreferences'] as Record<string, unknown>

  it('runs the page with context isolation, in the sandbox, without Node', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    })
  })

  it('keeps web security on and turns no experimental or Blink feature on', () => {
    expect(preferences['webSecurity']).toBe(true)
    expect(preferences['allowRunningInsecureContent']).toBe(false)
    expect(preferences['experimentalFeatures']).toBe(false)
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('loads only the bridge preload', () => {
    expect(preferences['preload']).toBe('/opt/comptoir/out/preload/index.js')
  })

  it('stays hidden until the page is ready to show', () => {
    expect(options['show']).toBe(false)
  })

  it('has no DevTools unless asked for (development only)', () => {
    expect(preferences['devTools']).toBe(false)
    const packaged = windowOptionsOf('/p.js', { devTools: false })['webPreferences'] as Record<string, unknown>
    const development = windowOptionsOf('/p.js', { devTools: true })['webPreferences'] as Record<string, unknown>
    expect(packaged['devTools']).toBe(false)
    expect(development['devTools']).toBe(true)
  })
})

describe('the Content-Security-Policy', () => {
  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directive('script-src')).toEqual(["'self'"])
    expect(directive('default-src')).toEqual(["'self'"])
  })

  it('lets no page frame the app', () => {
    expect(directive('frame-ancestors')).toEqual(["'none'"])
  })

  it('forbids plugins, base rewriting and form posts', () => {
    expect(directive('object-src')).toEqual(["'none'"])
    expect(directive('base-uri')).toEqual(["'none'"])
    expect(directive('form-action')).toEqual(["'none'"])
  })

  it("passes Google's CSP evaluator with no high or medium finding", () => {
    const { CspParser, CspEvaluator, Version, severities } = cspEvaluator
    const findings = new CspEvaluator(
      new CspParser(CONTENT_SECURITY_POLICY).csp,
      Version.CSP3,
    ).evaluate()
    const serious = findings.filter(
      (finding) =>
        finding.severity === severities['HIGH'] ||
        finding.severity === severities['SYNTAX'] ||
        finding.severity === severities['MEDIUM'] ||
        finding.severity === severities['HIGH_MAYBE'],
    )
    expect(serious).toEqual([])
  })

  it('is added to every response the session receives, keeping the other headers', () => {
    const session = new FakeSession()
    attachContentSecurityPolicy(session as unknown as Session)
    let answered: Record<string, string | string[]> | undefined
    session.headersListener?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (answered = response.responseHeaders),
    )
    expect(answered).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })

  it('keeps a policy the server sent, since every policy is enforced and it can only add limits', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["img-src 'none'"] })
    expect(headers).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY, "img-src 'none'"],
    })
  })

  it('is added to a response that came with no headers at all', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })
})

describe('navigation stays on the app', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents, isTrusted)
    return contents
  }

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://comptoir.evil.example/index.html',
    'app://comptoir@evil.example/index.html',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('a navigation to %s is cancelled', (url) => {
    const contents = hardened()
    const event = fakeNavigationEvent(url)
    contents.emit('will-navigate', event, url)
    expect(event.prevented).toBe(true)
  })

  it.each(['app://comptoir/index.html', 'app://comptoir/till', 'APP://COMPTOIR/index.html'])(
    'a navigation within the app (%s) goes ahead',
    (url) => {
      const contents = hardened()
      const event = fakeNavigationEvent(url)
      contents.emit('will-navigate', event, url)
      expect(event.prevented).toBe(false)
    },
  )

  it('a redirect to a foreign origin is cancelled, and one within the app is not', () => {
    const contents = hardened()
    const foreign = fakeNavigationEvent('https://evil.example/')
    const own = fakeNavigationEvent('app://comptoir/index.html')
    contents.emit('will-redirect', foreign)
    contents.emit('will-redirect', own)
    expect(foreign.prevented).toBe(true)
    expect(own.prevented).toBe(false)
  })

  it('window.open is denied, even for the app itself', () => {
    const contents = hardened()
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'app://comptoir/index.html' })).toEqual({
      action: 'deny',
    })
  })

  it.each(['https://evil.example/', 'app://comptoir/index.html', 'data:text/html,x', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'a sub-frame navigation to %s is denied',
    (url) => {
      const contents = hardened()
      const event = fakeNavigationEvent(url, false)
      contents.emit('will-frame-navigate', event)
      expect(event.prevented).toBe(true)
    },
  )

  it("a sub-frame may show the page's own inline document (the approval's srcdoc frame)", () => {
    const contents = hardened()
    for (const url of ['about:srcdoc', 'about:blank']) {
      const event = fakeNavigationEvent(url, false)
      contents.emit('will-frame-navigate', event)
      expect(event.prevented).toBe(false)
    }
  })

  it('will-frame-navigate keeps the main frame on the app too', () => {
    const contents = hardened()
    const foreign = fakeNavigationEvent('https://evil.example/', true)
    const own = fakeNavigationEvent('app://comptoir/till', true)
    contents.emit('will-frame-navigate', foreign)
    contents.emit('will-frame-navigate', own)
    expect(foreign.prevented).toBe(true)
    expect(own.prevented).toBe(false)
    const mainToSrcdoc = fakeNavigationEvent('about:srcdoc', true)
    contents.emit('will-frame-navigate', mainToSrcdoc)
    expect(mainToSrcdoc.prevented).toBe(true)
  })

  it('a <webview> cannot attach', () => {
    const contents = hardened()
    const event = fakeNavigationEvent('')
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.prevented).toBe(true)
  })
})

describe('permissions', () => {
  const session = new FakeSession()
  denyAllPermissions(session as unknown as Session)

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'usb',
  ])('a request for %s is refused', (permission) => {
    const callback = vi.fn()
    session.permissionRequestHandler?.({}, permission, callback, {})
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
  })

  it('every permission check and device request answers no', () => {
    expect(session.permissionCheckHandler?.({}, 'media', APP_ORIGIN, {})).toBe(false)
    expect(session.permissionCheckHandler?.({}, 'fullscreen', APP_ORIGIN, {})).toBe(false)
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  })
})
