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

beforeAll(async () => {
  subject = createTempApp()
  const rendererDir = mkdtempSync(join(tmpdir(), 'comptoir-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>Comptoir</title></head><body></body></html>')
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)')
  server = await startBrowserModeServer({
    router: subject.app.router,
    logger: createLogger(undefined, { quiet: true }),
    rendererDir,
  })
})
afterAll(async () => {
  await server.close()
  subject.dispose()
})

interface RawResponse {
  status: number
  body: string
}

/** A raw HTTP request, so that tests can forge Host and Origin headers as an attacker would. */
function rawRequest(path: string, method: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
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
    'X-Comptoir-Secret': server.secret,
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
    const { 'X-Comptoir-Secret': _secret, ...headers } = pageHeaders()
    // Ten mebibytes announced, none sent: the answer comes from the headers alone.
    const response = await socketExchange({ ...headers, 'Content-Length': String(10 * MIB) })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('browser mode over loopback HTTP', () => {
  it('serves the page with its per-start secret and a Content-Security-Policy', async () => {
    const response = await fetch(server.url)
    const html = await response.text()
    expect(html).toContain(`<meta name="comptoir-secret" content="${server.secret}"`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
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

  it('refuses a request without the page secret', async () => {
    const { 'X-Comptoir-Secret': _secret, ...headers } = pageHeaders()
    const response = await rawRequest('/api/auth.listUsers', 'POST', headers, '{}')
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a request with a wrong secret', async () => {
    const response = await rawRequest('/api/auth.listUsers', 'POST', pageHeaders({ 'X-Comptoir-Secret': 'guess' }), '{}')
    expect(response.status).toBe(403)
  })

  it('refuses a request from a foreign Origin, even with the secret', async () => {
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
