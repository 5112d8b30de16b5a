import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserModeServer, type BrowserModeServer } from '../../../src/main/browser-mode/browser-mode-server'
import { chooseEncoding } from '../../../src/main/browser-mode/static-files'
import { createLogger } from '../../../src/platform/logging/logger'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
let server: BrowserModeServer
let cookie: string
const script = `export const screens = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `écran ${i}`))}\n`

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      },
    )
    request.on('error', reject)
    request.end()
  })
}

beforeAll(async () => {
  subject = createTempApp()
  const rendererDir = mkdtempSync(join(tmpdir(), 'comptoir-renderer-'))
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), `<!doctype html><html><head><title>Comptoir</title></head><body>${'<div></div>'.repeat(200)}</body></html>`)
  writeFileSync(join(rendererDir, 'assets', 'index-C0T3hJ9C.js'), script)
  writeFileSync(join(rendererDir, 'assets', 'tiny-AbCdEf12.css'), 'a{}')
  writeFileSync(join(rendererDir, 'robots.js'), script)
  server = await startBrowserModeServer({ router: subject.app.router, logger: createLogger(undefined, { quiet: true }), rendererDir })
  const launch = new URL(server.newLaunchUrl())
  const traded = await get(`${launch.pathname}${launch.search}`)
  cookie = String(traded.headers['set-cookie']).split(';')[0]!
})
afterAll(async () => {
  await server.close()
  subject.dispose()
})

describe('browser mode serves the renderer compressed and cacheable', () => {
  it('a hashed asset is sent brotli-compressed to a browser that accepts it, kept a year and never asked again', async () => {
    const answer = await get('/assets/index-C0T3hJ9C.js', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(answer.headers.vary).toContain('Accept-Encoding')
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(brotliDecompressSync(answer.body).toString()).toBe(script)
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 3)
  })

  it('gzip for a client without brotli, and the file as stored for one that accepts neither', async () => {
    const gzip = await get('/assets/index-C0T3hJ9C.js', { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)
    const plain = await get('/assets/index-C0T3hJ9C.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('a file too small to gain is sent as stored, still immutable when hashed', async () => {
    const answer = await get('/assets/tiny-AbCdEf12.css', { 'Accept-Encoding': 'br, gzip' })
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.toString()).toBe('a{}')
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('a file without a content hash in its name is revalidated each time', async () => {
    const answer = await get('/robots.js', { 'Accept-Encoding': 'br' })
    expect(answer.headers['cache-control']).toBe('no-cache')
    expect(answer.headers['content-encoding']).toBe('br')
  })

  it('the page is compressed and revalidated each time (no-cache), so a new build shows at once', async () => {
    const answer = await get('/', { Cookie: cookie, 'Accept-Encoding': 'gzip, br' })
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-cache')
    expect(answer.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(answer.body).toString()).toContain('<title>Comptoir</title>')
  })

  it('API answers and refusals are never stored', async () => {
    expect((await get('/')).headers['cache-control']).toBe('no-store')
    expect((await get('/assets/missing-AbCdEf12.js')).headers['cache-control']).toBe('no-store')
  })

  it('Accept-Encoding weights are honoured: q=0 refuses an encoding', () => {
    const bodies = { identity: Buffer.from('x'), br: Buffer.from('b'), gzip: Buffer.from('g') }
    expect(chooseEncoding('br;q=0, gzip', bodies)).toBe('gzip')
    expect(chooseEncoding('*;q=0', bodies)).toBeUndefined()
    expect(chooseEncoding('*', bodies)).toBe('br')
    expect(chooseEncoding('identity', bodies)).toBeUndefined()
  })
})
