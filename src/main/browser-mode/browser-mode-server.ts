import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { err, type Result } from '@shared/contract'
import type { Router } from '../rpc/router'
import type { Logger } from '../../platform/logging/logger'
import { CLIENT_HEADER, SECRET_HEADER, checkApiRequest } from './request-guard'
import { readStaticFile } from './static-files'

export interface BrowserModeServerOptions {
  router: Router
  logger: Logger
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
}

export interface BrowserModeServer {
  url: string
  port: number
  /** Held only by the page this server serves; tests use it to act as that page. */
  secret: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

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
): void {
  response.writeHead(status, {
    ...(close ? { Connection: 'close' } : {}),
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
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

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Browser mode: the built renderer and `POST /api/<call>` on 127.0.0.1, through the same router
 * as Electron's IPC. The page secret is injected into the served index.html and required on every
 * API call.
 */
export async function startBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  const secret = randomBytes(32).toString('base64url')
  const { router, logger, rendererDir } = options
  const indexTemplate = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const indexHtml = indexTemplate.replace('</head>', `  <meta name="comptoir-secret" content="${secret}" />\n  </head>`)
  let port = 0

  async function handleApi(request: IncomingMessage, response: ServerResponse, callName: string): Promise<void> {
    const verdict = checkApiRequest(
      {
        host: header(request, 'host'),
        origin: header(request, 'origin'),
        secret: header(request, SECRET_HEADER),
        clientId: header(request, CLIENT_HEADER),
        contentType: header(request, 'content-type'),
      },
      port,
      secret,
    )
    // Decided on the headers alone: a refused request is answered before a byte of its body is read.
    if (!verdict.allowed) {
      logger.warn(`Refused an API request: ${verdict.reason}`)
      return refuse(request, response, 403, err('FORBIDDEN', 'This request is not allowed'))
    }
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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendResult(response, 405, err('VALIDATION_FAILED', 'Use POST'))
      return handleApi(request, response, url.pathname.slice('/api/'.length))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', indexHtml)
    }
    if (url.pathname === '/favicon.ico') {
      const icon = await readStaticFile(rendererDir, '/favicon.ico')
      if (!icon) {
        response.writeHead(204).end()
        return
      }
      return send(response, 200, icon.contentType, icon.body)
    }
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    send(response, 200, file.contentType, file.body)
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
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
