import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, describe, expect, it, vi } from 'vitest'
import {
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppFile,
} from '../../../src/main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/window-security'

const base = mkdtempSync(join(tmpdir(), 'comptoir-protocol-'))
const rendererRoot = join(base, 'renderer')
mkdirSync(join(rendererRoot, 'assets'), { recursive: true })
writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Comptoir</title>')
writeFileSync(join(rendererRoot, 'assets', 'index-abc123.js'), 'console.log("till")')
// A file next to the renderer folder that no app:// URL may reach.
writeFileSync(join(base, 'secret.txt'), 'the shop key')

afterAll(() => rmSync(base, { recursive: true, force: true }))

const handler = createAppProtocolHandler({ rendererRoot })
const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// maps URLs to files of the built renderer', () => {
  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveAppFile(rendererRoot, 'app://comptoir/')).toEqual({
      kind: 'file',
      path: join(rendererRoot, 'index.html'),
    })
    expect(resolveAppFile(rendererRoot, 'app://comptoir/till')).toEqual({
      kind: 'file',
      path: join(rendererRoot, 'index.html'),
    })
  })

  it('serves assets from their folder', () => {
    expect(resolveAppFile(rendererRoot, 'app://comptoir/assets/index-abc123.js')).toEqual({
      kind: 'file',
      path: join(rendererRoot, 'assets', 'index-abc123.js'),
    })
  })

  it.each([
    'app://comptoir/..%2Fsecret.txt',
    'app://comptoir/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://comptoir/assets/..%2F..%2Fsecret.txt',
    'app://comptoir/..%5Csecret.txt',
    'app://comptoir/%2e%2e%2fsecret.txt',
    'app://comptoir/index.html%00.png',
    'app://comptoir/%E0%A4%A',
    'app://evil/index.html',
    'app://comptoir.evil/index.html',
    'https://comptoir/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererRoot, url).kind).toBe('refused')
  })

  it('keeps a plain ../ inside the folder, because URL parsing already removed it', () => {
    // new URL() resolves "/../secret.txt" to "/secret.txt" before the handler ever sees it.
    expect(resolveAppFile(rendererRoot, 'app://comptoir/../secret.txt')).toEqual({
      kind: 'file',
      path: join(rendererRoot, 'secret.txt'),
    })
  })
})

describe('the app:// handler', () => {
  it('answers the page with its type and the Content-Security-Policy', async () => {
    const response = await get('app://comptoir/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Comptoir</title>')
  })

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://comptoir/assets/index-abc123.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('refuses path traversal with 403 and never returns the file outside', async () => {
    for (const url of [
      'app://comptoir/..%2Fsecret.txt',
      'app://comptoir/assets/..%2F..%2Fsecret.txt',
    ]) {
      const response = await get(url)
      expect(response.status).toBe(403)
      expect(await response.text()).not.toContain('the shop key')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('answers 404 for a missing asset', async () => {
    expect((await get('app://comptoir/assets/missing.js')).status).toBe(404)
  })

  it('accepts only reads', async () => {
    expect((await get('app://comptoir/index.html', 'POST')).status).toBe(405)
    const head = await get('app://comptoir/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('the app:// scheme', () => {
  it('is standard and secure, and does not bypass the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(protocol as unknown as Protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [
      [{ privileges: object }[]],
    ]
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP')
  })
})
