import { mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, contract } from '@shared/contract'
import { startBrowserModeServer, type BrowserModeServer } from '../../../src/main/browser-mode/browser-mode-server'
import { createLogger } from '../../../src/platform/logging/logger'
import { arbitraryCallInput } from '../../support/arbitrary-from-schema'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
let server: BrowserModeServer
/** `name=value` of the session cookie a launch token was traded for: what the page's requests carry. */
let sessionCookie: string
let clock = 0

beforeAll(async () => {
  subject = createTempApp()
  const rendererDir = mkdtempSync(join(tmpdir(), 'comptoir-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>Comptoir</title></head><body></body></html>')
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)')
  server = await startBrowserModeServer({
    router: subject.app.router,
    logger: createLogger(undefined, { quiet: true }),
    rendererDir,
    now: () => Date.now() + clock,
  })
  sessionCookie = await tradeLaunchToken(server.newLaunchUrl())
})
afterAll(async () => {
  await server.close()
  subject.dispose()
})

interface RawResponse {
  status: number
  body: string
  headers?: Record<string, string | string[] | undefined>
}

/** Opens a launch address as the browser would, and returns the cookie it was given. */
async function tradeLaunchToken(launchUrl: string): Promise<string> {
  const { pathname, search } = new URL(launchUrl)
  const response = await rawRequest(`${pathname}${search}`, 'GET', { Host: `127.0.0.1:${server.port}` })
  expect(response.status).toBe(303)
  const setCookie = response.headers?.['set-cookie']
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
  return first!.split(';')[0]!
}

/** A raw HTTP request, so that tests can forge Host and Origin headers as an attacker would. */
function rawRequest(path: string, method: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: response.headers }),
      )
    })
    request.on('error', reject)
    request.end(body)
  })
}

function pageHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    Host: `127.0.0.1:${server.port}`,
    Origin: server.url,
    'Content-Type': 'application/json',
    Cookie: sessionCookie,
    'X-Comptoir-Client': 'page-one-1234',
    ...overrides,
  }
}

/**
 * Sends a request head on a bare socket, then whatever `sendBody` writes, and reads the answer
 * until the server closes: what a client sees, including a cut connection.
 */
function socketExchange(
  head: Record<string, string>,
  sendBody: (write: (chunk: string) => boolean, answered: () => boolean) => Promise<void> = async () => {},
): Promise<RawResponse & { raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    // Writing on after the server answered and closed may fail: the answer is what counts.
    socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)))
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString()
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0)
      const body = raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1)
      resolve({ status, body, raw })
    })
    const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}`)
    socket.write(`POST /api/auth.listUsers HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`)
    void sendBody(
      (chunk) => socket.write(chunk),
      () => chunks.length > 0,
    )
  })
}

describe('browser mode refuses oversized and unwanted bodies with an answer, not a cut connection', () => {
  const MIB = 1024 * 1024

  it('a body declared larger than 1 MiB is answered 413 with a contract error, before any of it is sent', async () => {
    const response = await socketExchange(pageHeaders({ 'Content-Length': String(MIB + 1) }))
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'REQUEST_TOO_LARGE', message: 'The request is too large', details: { limitBytes: MIB } },
    })
    expect(response.raw).toMatch(/\r\nConnection: close\r\n/i)
  })

  it('a chunked body that grows past 1 MiB is answered 413 once the limit is crossed', async () => {
    const piece = ' '.repeat(64 * 1024)
    const response = await socketExchange(pageHeaders({ 'Transfer-Encoding': 'chunked' }), async (write, answered) => {
      write('2\r\n{}\r\n')
      for (let sent = 0; sent < 4 * MIB && !answered(); sent += piece.length) {
        write(`${piece.length.toString(16)}\r\n${piece}\r\n`)
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } })
  })

  it('a body of exactly 1 MiB is still read and answered', async () => {
    const body = `{}${' '.repeat(MIB - 2)}`
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders(), body)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ ok: true })
  })

  it('a request refused by the guard is answered before its body is read', async () => {
    const { Cookie: _cookie, ...headers } = pageHeaders()
    // Ten mebibytes announced, none sent: the answer comes from the headers alone.
    const response = await socketExchange({ ...headers, 'Content-Length': String(10 * MIB) })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('browser mode over loopback HTTP', () => {
  it('serves the page to a session, with a Content-Security-Policy and no secret in it', async () => {
    const response = await fetch(server.url, { headers: { Cookie: sessionCookie } })
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(html).toContain('<title>Comptoir</title>')
    expect(html).not.toContain(sessionCookie.split('=')[1]!)
    expect(html).not.toContain('comptoir-secret')
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-eval')
  })

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('answers a call from the page through the same router', async () => {
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders(), '{}')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ ok: true })
  })

  it('refuses a request without the session cookie', async () => {
    const { Cookie: _cookie, ...headers } = pageHeaders()
    const response = await rawRequest('/api/auth.listUsers', 'POST', headers, '{}')
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a request with a made-up session cookie', async () => {
    const forged = `${sessionCookie.split('=')[0]!}=guess`
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ Cookie: forged }), '{}')
    expect(response.status).toBe(403)
  })

  it('refuses a request from a foreign Origin, even with the cookie', async () => {
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ Origin: 'http://evil.example' }), '{}')
    expect(response.status).toBe(403)
  })

  it('refuses a DNS-rebinding request whose Host is not our own', async () => {
    const response = await rawRequest(
      '/api/auth.listUsers',
      'POST',
      pageHeaders({ Host: `evil.example:${server.port}`, Origin: `http://evil.example:${server.port}` }),
      '{}',
    )
    expect(response.status).toBe(403)
  })

  it('refuses a form post (no JSON content type)', async () => {
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ 'Content-Type': 'text/plain' }), '{}')
    expect(response.status).toBe(403)
  })

  it('refuses a page on another local port, though its cookies are same-site', async () => {
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ Origin: 'http://127.0.0.1:1' }), '{}')
    expect(response.status).toBe(403)
  })

  it('answers a body that is not JSON with VALIDATION_FAILED', async () => {
    const response = await rawRequest('/api/auth.login', 'POST', pageHeaders(), '{not json')
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      expect((await rawRequest(path, 'GET', { Host: `127.0.0.1:${server.port}` })).status).toBe(404)
    }
    expect((await rawRequest('/app.js', 'GET', { Host: `127.0.0.1:${server.port}` })).status).toBe(200)
  })

  it('every call withstands random and malformed input through POST /api', async () => {
    await subject.loginAs('admin', 'page-page-one-1234')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALL_NAMES.filter((name) => name !== 'auth.logout')).chain((name) =>
          fc.tuple(fc.constant(name), arbitraryCallInput(contract[name].input)),
        ),
        async ([name, input]) => {
          const response = await rawRequest(`/api/${name}`, 'POST', pageHeaders(), JSON.stringify(input ?? null))
          const answer = JSON.parse(response.body) as { ok: boolean; error?: { code: string } }
          expect([200, 400]).toContain(response.status)
          if (!answer.ok) expect(answer.error?.code).not.toBe('INTERNAL')
        },
      ),
      { numRuns: 600 },
    )
    expect(subject.app.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('browser mode keeps other local software out: a one-time launch token, then a session cookie', () => {
  const host = () => ({ Host: `127.0.0.1:${server.port}` })
  const pathOf = (launchUrl: string) => {
    const { pathname, search } = new URL(launchUrl)
    return `${pathname}${search}`
  }

  it('a local process that knows only the port gets neither the page nor the API', async () => {
    const page = await rawRequest('/', 'GET', host())
    expect(page.status).toBe(403)
    expect(page.body).not.toContain('<title>Comptoir</title>')
    expect(page.headers?.['set-cookie']).toBeUndefined()
    expect((await rawRequest('/index.html', 'GET', host())).status).toBe(403)
    const { Cookie: _cookie, ...withoutCookie } = pageHeaders()
    const api = await rawRequest('/api/auth.listUsers', 'POST', withoutCookie, '{}')
    expect(api.status).toBe(403)
    expect(JSON.parse(api.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This request is not allowed' } })
  })

  it('the launch address prints as http://127.0.0.1:PORT/?token=…, and its token buys an HttpOnly, SameSite=Strict, host-only cookie', async () => {
    const launchUrl = server.newLaunchUrl()
    expect(launchUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`))
    const answer = await rawRequest(pathOf(launchUrl), 'GET', host())
    expect(answer.status).toBe(303)
    // The token leaves the address bar at once.
    expect(answer.headers?.location).toBe('/')
    const [cookie] = answer.headers?.['set-cookie'] as string[]
    const attributes = cookie!.split(';').map((part) => part.trim())
    expect(attributes[0]).toMatch(new RegExp(`^comptoir_session_${server.port}=[A-Za-z0-9_-]{43}$`))
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict'])
    const page = await rawRequest('/', 'GET', { ...host(), Cookie: attributes[0]! })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Comptoir</title>')
    const api = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ Cookie: attributes[0]! }), '{}')
    expect(api.status).toBe(200)
  })

  it('a launch token is spent once used: a second tab needs a fresh one', async () => {
    const launchUrl = server.newLaunchUrl()
    expect((await rawRequest(pathOf(launchUrl), 'GET', host())).status).toBe(303)
    const again = await rawRequest(pathOf(launchUrl), 'GET', host())
    expect(again.status).toBe(403)
    expect(again.headers?.['set-cookie']).toBeUndefined()
    expect((await rawRequest('/?token=made-up', 'GET', host())).status).toBe(403)
  })

  it('a launch token expires after five minutes', async () => {
    const launchUrl = server.newLaunchUrl()
    clock += 5 * 60 * 1000 + 1
    try {
      expect((await rawRequest(pathOf(launchUrl), 'GET', host())).status).toBe(403)
    } finally {
      clock = 0
    }
    const fresh = server.newLaunchUrl()
    clock += 4 * 60 * 1000
    try {
      expect((await rawRequest(pathOf(fresh), 'GET', host())).status).toBe(303)
    } finally {
      clock = 0
    }
  })

  it('GET / checks Host like the API: a DNS-rebinding page is refused, even with a token or a cookie', async () => {
    const foreign = { Host: `evil.example:${server.port}` }
    expect((await rawRequest(pathOf(server.newLaunchUrl()), 'GET', foreign)).status).toBe(403)
    expect((await rawRequest('/', 'GET', { ...foreign, Cookie: sessionCookie })).status).toBe(403)
    expect((await rawRequest('/app.js', 'GET', foreign)).status).toBe(403)
    expect((await rawRequest('/', 'GET', { Host: `localhost:${server.port}`, Cookie: sessionCookie })).status).toBe(200)
  })

  it('a fresh launch address is given only to who holds the control secret of the data folder', async () => {
    expect((await rawRequest('/launch', 'POST', host())).status).toBe(403)
    expect((await rawRequest('/launch', 'POST', { ...host(), 'X-Comptoir-Control': 'guess' })).status).toBe(403)
    // A web page cannot ask, even one that somehow learnt the secret.
    const fromPage = { ...host(), 'X-Comptoir-Control': server.controlSecret, Origin: server.url }
    expect((await rawRequest('/launch', 'POST', fromPage)).status).toBe(403)
    const answer = await rawRequest('/launch', 'POST', { ...host(), 'X-Comptoir-Control': server.controlSecret })
    expect(answer.status).toBe(200)
    const { value } = JSON.parse(answer.body) as { value: { url: string } }
    expect(await tradeLaunchToken(value.url)).toMatch(/^comptoir_session_\d+=/)
  })
})
