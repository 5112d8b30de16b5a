import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { networkInterfaces } from 'node:os'
import { basename, extname, join } from 'node:path'
import type { Logger } from '../../platform/logging/logger'
import type { DownloadLinkAnswer, DownloadLinks } from './download-links'
import { downloadPage, type DownloadPageKind } from './download-pages'

const MIME_TYPES: Record<string, string> = { '.epub': 'application/epub+zip', '.pdf': 'application/pdf' }
/** Wrong codes one address may type in a window before it waits: 60 random bits, and a slow guesser. */
const WRONG_CODES_PER_WINDOW = 10
const WRONG_CODE_WINDOW_MS = 10 * 60_000

/** Every interface: a phone on the shop's Wi-Fi reaches the downloads, and nothing else of the till. */
export const DEFAULT_DOWNLOADS_HOST = '0.0.0.0'
/** Fixed, so that approvals printed before a restart still open. */
export const DEFAULT_DOWNLOADS_PORT = 8470

export interface DownloadServerSettings {
  host: string
  port: number
  publicUrl?: string
}

/**
 * The download server's settings from flags or environment (COMPTOIR_DOWNLOADS_HOST, _PORT, _URL),
 * checked: host default 0.0.0.0, port default 8470 (0: any free port), the printed address an
 * http(s) origin.
 */
export function downloadServerSettings(given: { host?: string; port?: string; url?: string }): DownloadServerSettings {
  const port = given.port === undefined ? DEFAULT_DOWNLOADS_PORT : Number(given.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--downloads-port must be a whole number between 0 and 65535, not "${String(given.port)}"`)
  }
  if (given.url !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(given.url)) {
    throw new Error(`--downloads-url is an address such as http://192.168.1.20:8470, not "${given.url}"`)
  }
  return { host: given.host ?? DEFAULT_DOWNLOADS_HOST, port, ...(given.url ? { publicUrl: given.url } : {}) }
}

export interface DownloadServerOptions {
  links: DownloadLinks
  downloadsDir: string
  /** `0.0.0.0` (every interface: the shop's network) or `127.0.0.1` (this machine only). */
  host: string
  /** 0 for any free port (tests). */
  port: number
  /** The address printed in the QR code; by default this machine's first LAN IPv4 address and the port. */
  publicUrl?: string
  logger: Logger
  now?: () => number
}

export interface DownloadServer {
  /** What the approval's QR code and text point to, e.g. `http://192.168.1.20:8470`. */
  publicUrl: string
  close(): Promise<void>
}

/** This machine's address on the shop's network, as a phone on the same Wi-Fi reaches it. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address
    }
  }
  return null
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
}

/**
 * The customer's door to their downloads, apart from the till: `GET /d/<token>` (the QR code) and
 * `GET /d?code=…` (the short code typed on the page `GET /d`) answer the file, or a page saying
 * why not. Nothing else is served: no page of the till, no API, no session. The token is the
 * whole permission, so it never goes to a log.
 */
export function startDownloadServer(options: DownloadServerOptions): Promise<DownloadServer> {
  const now = options.now ?? Date.now
  const wrongCodes = new Map<string, { count: number; since: number }>()

  function page(response: ServerResponse, status: number, kind: DownloadPageKind): void {
    const body = downloadPage(kind)
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      'Content-Length': Buffer.byteLength(body),
    })
    response.end(body)
  }

  async function sendFile(response: ServerResponse, answer: DownloadLinkAnswer): Promise<void> {
    if (answer.kind === 'unknown') return page(response, 404, 'unknown')
    if (answer.kind === 'expired') return page(response, 410, 'expired')
    if (answer.kind === 'used-up') return page(response, 410, 'used-up')
    // basename(): the stored name is ours, but a file never leaves the downloads folder.
    const fileName = basename(answer.link.fileName)
    const path = join(options.downloadsDir, fileName)
    const size = (await stat(path)).size
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME_TYPES[extname(fileName)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    })
    createReadStream(path).pipe(response)
  }

  function tooManyWrongCodes(client: string): boolean {
    const entry = wrongCodes.get(client)
    if (!entry || now() - entry.since > WRONG_CODE_WINDOW_MS) return false
    return entry.count >= WRONG_CODES_PER_WINDOW
  }

  function countWrongCode(client: string): void {
    const entry = wrongCodes.get(client)
    if (!entry || now() - entry.since > WRONG_CODE_WINDOW_MS) wrongCodes.set(client, { count: 1, since: now() })
    else entry.count++
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (request.method !== 'GET') return page(response, 405, 'unknown')
    const byToken = /^\/d\/([^/]+)$/.exec(url.pathname)
    if (byToken) return sendFile(response, options.links.openByToken(decodeURIComponent(byToken[1]!)))
    if (url.pathname === '/d' || url.pathname === '/d/') {
      const code = url.searchParams.get('code')
      if (code === null || code.trim() === '') return page(response, 200, 'form')
      const client = request.socket.remoteAddress ?? 'unknown'
      if (tooManyWrongCodes(client)) return page(response, 429, 'slow-down')
      const answer = options.links.openByCode(code.slice(0, 40))
      if (answer.kind === 'unknown') countWrongCode(client)
      return sendFile(response, answer)
    }
    return page(response, 404, 'unknown')
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error('A customer download failed', error instanceof Error ? error.message : String(error))
      if (!response.headersSent) page(response, 500, 'failed')
      else response.destroy()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      const host = options.host === '0.0.0.0' || options.host === '::' ? (lanAddress() ?? '127.0.0.1') : options.host
      const publicUrl = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '')
      resolve({
        publicUrl,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
