import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { err, type Result } from '@shared/contract'
import type { Router } from '../rpc/router'
import { contentDisposition, DownloadTickets, type StreamedDownload } from '../rpc/download-tickets'
import type { Logger } from '../../platform/logging/logger'
import {
  CLIENT_HEADER,
  CONTROL_HEADER,
  checkApiRequest,
  isOwnHost,
  readCookie,
  sameSecret,
  sessionCookieName,
} from './request-guard'
import { chooseEncoding, encodeBodies, REVALIDATE, StaticFileServer } from './static-files'

export interface BrowserModeServerOptions {
  router: Router
  logger: Logger
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** How long a launch token may wait to be used; 5 minutes by default. */
  launchTokenTtlMs?: number
  /** The clock, for tests. */
  now?: () => number
  /** Redeems the tickets of `GET /downloads/<ticket>` (the CSV exports); without it that path is 404. */
  downloads?: Pick<DownloadTickets, 'redeem'>
}

export interface BrowserModeServer {
  /** The origin, without a token: opening it without a session cookie is refused. */
  url: string
  port: number
  /** A fresh address to open, carrying a one-time launch token that expires after a few minutes. */
  newLaunchUrl(): string
  /**
   * Asks for a fresh launch address over `POST /launch` (the `npm run open-url` command); the entry
   * keeps it in a 0600 file of the data folder, so only who can read that folder may ask.
   */
  controlSecret: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024
const LAUNCH_TOKEN_TTL_MS = 5 * 60 * 1000

const NO_SESSION_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Comptoir: open the launch address</title></head>
<body><p>Open Comptoir with the address it printed when it started (it ends with <code>?token=…</code>):
each address opens one tab once and expires after five minutes. For another tab, run
<code>npm run open-url -- --data-dir &lt;the data folder&gt;</code> to get a fresh one.</p></body></html>`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  close = false,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...extraHeaders,
    ...(close ? { Connection: 'close' } : {}),
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // API answers and refusals are never kept; the renderer's files say how long they may be.
    'Cache-Control': extraHeaders['Cache-Control'] ?? 'no-store',
  })
  response.end(body)
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>, close = false): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result), close)
}

/**
 * Answers a request without using its body, and closes the connection once the answer is out:
 * what the client may still be sending is left unread rather than kept alive for.
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, result: Result<unknown>): void {
  sendResult(response, status, result, true)
  response.once('finish', () => request.socket.destroySoon())
}

const tooLarge = () =>
  err('REQUEST_TOO_LARGE', 'The request is too large', { limitBytes: MAX_BODY_BYTES })

/** The body as text, or null as soon as it grows past the limit (the rest is never buffered). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        request.off('data', onData)
        chunks.length = 0
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/**
 * Writes a streamed download into the answer with backpressure: the next piece is asked for only
 * when the socket has taken the previous ones. A reader that goes away stops the pieces.
 */
async function streamDownload(response: ServerResponse, download: StreamedDownload): Promise<void> {
  response.writeHead(200, {
    'Content-Type': download.contentType,
    'Content-Disposition': contentDisposition(download.fileName),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  })
  const iterator = download.pieces()
  const pieces = Readable.from({ [Symbol.asyncIterator]: () => iterator }, { objectMode: false, highWaterMark: 64 * 1024 })
  await pipeline(pieces, response)
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const newSecret = (): string => randomBytes(32).toString('base64url')

/**
 * Browser mode: the built renderer and `POST /api/<call>` on 127.0.0.1, through the same router
 * as Electron's IPC. Like a notebook server, the address printed at start carries a one-time
 * launch token: the page trades it for a session cookie (HttpOnly, SameSite=Strict, host-only),
 * and the page and every API call need that cookie. A local process that only knows the port gets
 * nothing; a foreign Host is refused everywhere (DNS rebinding).
 */
export async function startBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  const { router, logger, rendererDir } = options
  const now = options.now ?? Date.now
  const ttlMs = options.launchTokenTtlMs ?? LAUNCH_TOKEN_TTL_MS
  const indexHtml = encodeBodies(await readFile(join(rendererDir, 'index.html')), '.html')
  const staticFiles = new StaticFileServer(rendererDir)
  void staticFiles.warm().catch((error: unknown) => logger.warn('Could not prepare the renderer files', error))
  const controlSecret = newSecret()
  /** Unspent launch tokens and when each expires. */
  const launchTokens = new Map<string, number>()
  /** The session cookies handed out; they last as long as this process. */
  const sessionCookies = new Set<string>()
  /** The session cookie each client's calls came with: a download stands for the client only with it. */
  const cookieOfClient = new Map<string, string>()
  let port = 0

  function newLaunchUrl(): string {
    for (const [token, expiresAt] of launchTokens) if (expiresAt <= now()) launchTokens.delete(token)
    const token = newSecret()
    launchTokens.set(token, now() + ttlMs)
    return `http://127.0.0.1:${port}/?token=${token}`
  }

  /** Spends a launch token: true once, for an unexpired token, and never again. */
  function spendLaunchToken(token: string): boolean {
    const expiresAt = launchTokens.get(token)
    if (expiresAt === undefined) return false
    launchTokens.delete(token)
    return expiresAt > now()
  }

  const hasSession = (request: IncomingMessage): boolean => {
    const value = readCookie(header(request, 'cookie'), sessionCookieName(port))
    return value !== undefined && sessionCookies.has(value)
  }

  function servePage(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const token = url.searchParams.get('token')
    if (token !== null) {
      if (!spendLaunchToken(token)) {
        logger.warn('Refused a used, expired or unknown launch token')
        return send(response, 403, 'text/html; charset=utf-8', NO_SESSION_PAGE)
      }
      const session = newSecret()
      sessionCookies.add(session)
      // The token leaves the address bar at once; the cookie is for this origin only (no Domain).
      return send(response, 303, 'text/plain; charset=utf-8', '', false, {
        Location: '/',
        'Set-Cookie': `${sessionCookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      })
    }
    if (!hasSession(request)) return send(response, 403, 'text/html; charset=utf-8', NO_SESSION_PAGE)
    // Revalidated each time, so that a new build's asset names are seen at once.
    const encoding = chooseEncoding(header(request, 'accept-encoding'), indexHtml)
    send(response, 200, 'text/html; charset=utf-8', encoding ? indexHtml[encoding]! : indexHtml.identity, false, {
      'Cache-Control': REVALIDATE,
      Vary: 'Accept-Encoding, Cookie',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    })
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const given = header(request, CONTROL_HEADER)
    if (header(request, 'origin') !== undefined || !given || !sameSecret(given, controlSecret)) {
      logger.warn('Refused a launch address request without the control secret')
      return refuse(request, response, 403, err('FORBIDDEN', 'This request is not allowed'))
    }
    sendResult(response, 200, { ok: true, value: { url: newLaunchUrl() } })
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, callName: string): Promise<void> {
    const verdict = checkApiRequest(
      {
        host: header(request, 'host'),
        origin: header(request, 'origin'),
        session: readCookie(header(request, 'cookie'), sessionCookieName(port)),
        clientId: header(request, CLIENT_HEADER),
        contentType: header(request, 'content-type'),
      },
      port,
      (value) => sessionCookies.has(value),
    )
    // Decided on the headers alone: a refused request is answered before a byte of its body is read.
    if (!verdict.allowed) {
      logger.warn(`Refused an API request: ${verdict.reason}`)
      return refuse(request, response, 403, err('FORBIDDEN', 'This request is not allowed'))
    }
    cookieOfClient.set(verdict.clientId, readCookie(header(request, 'cookie'), sessionCookieName(port))!)
    const declared = Number(header(request, 'content-length') ?? 0)
    if (declared > MAX_BODY_BYTES) return refuse(request, response, 413, tooLarge())
    const body = await readBody(request)
    if (body === null) return refuse(request, response, 413, tooLarge())
    let input: unknown
    try {
      input = body.trim() === '' ? {} : JSON.parse(body)
    } catch {
      return sendResult(response, 400, err('VALIDATION_FAILED', 'The request body is not valid JSON'))
    }
    sendResult(response, 200, await router.dispatch(callName, input, verdict.clientId))
  }

  /**
   * `GET /downloads/<ticket>`: a file a call prepared (a CSV export), streamed as it is made, with
   * the page's session cookie from the same browser that asked for it; no client header, as the
   * browser's own download (`<a download>`) sends none. No Content-Length: chunked, and a file cut
   * short by an error ends without its last chunk, which the browser reports as a failed download.
   */
  async function serveDownload(request: IncomingMessage, response: ServerResponse, ticket: string): Promise<void> {
    const cookie = readCookie(header(request, 'cookie'), sessionCookieName(port))
    const site = header(request, 'sec-fetch-site')
    if (!cookie || !sessionCookies.has(cookie) || (site !== undefined && site !== 'same-origin')) {
      logger.warn('Refused a download without the session cookie or from another site')
      return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden')
    }
    const redeemed = options.downloads?.redeem(ticket, (clientId) => cookieOfClient.get(clientId) === cookie)
    if (!redeemed?.ok) {
      if (redeemed) logger.warn(`Refused a download: ${redeemed.reason}`)
      const status = redeemed?.status ?? 404
      return send(response, status, 'text/plain; charset=utf-8', status === 410 ? 'This download expired' : status === 403 ? 'Forbidden' : 'Not found')
    }
    try {
      await streamDownload(response, redeemed.download)
    } catch (error) {
      // The reader went away (a cancelled download, a closed tab): nothing more to send.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
      logger.warn('A download was stopped before its end by its reader')
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (!isOwnHost(header(request, 'host'), port)) {
      logger.warn('Refused a request with a foreign Host header')
      return refuse(request, response, 403, err('FORBIDDEN', 'This request is not allowed'))
    }
    if (url.pathname === '/launch') {
      if (request.method !== 'POST') return sendResult(response, 405, err('VALIDATION_FAILED', 'Use POST'))
      return handleControl(request, response)
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendResult(response, 405, err('VALIDATION_FAILED', 'Use POST'))
      return handleApi(request, response, url.pathname.slice('/api/'.length))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    if (url.pathname === '/' || url.pathname === '/index.html') return servePage(request, response, url)
    const ticket = DownloadTickets.ticketOf(url.pathname)
    if (ticket !== null) {
      if (request.method !== 'GET') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')
      return serveDownload(request, response, ticket)
    }
    const file = await staticFiles.serve(url.pathname, header(request, 'accept-encoding'))
    if (!file) {
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end()
        return
      }
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    }
    send(response, 200, file.contentType, file.body, false, {
      'Cache-Control': file.cacheControl,
      Vary: 'Accept-Encoding',
      ...(file.encoding ? { 'Content-Encoding': file.encoding } : {}),
    })
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('Browser-mode request failed', error)
      if (!response.headersSent) sendResult(response, 500, err('INTERNAL', 'Something went wrong'))
      else response.end()
    })
  })
  server.keepAliveTimeout = 5000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    newLaunchUrl,
    controlSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
