import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { CONTENT_SECURITY_POLICY } from './window-security'
import { contentDisposition, DownloadTickets, type StreamedDownload } from '../rpc/download-tickets'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Registers app:// as a standard, secure scheme. Must run before the app is ready. Standard
 * gives the page a real origin (so 'self' and relative URLs work); secure makes it a secure
 * context like https. It does not bypass the CSP.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

export type AppFileResolution = { kind: 'file'; path: string } | { kind: 'refused'; reason: string }

/**
 * Maps an app:// URL to a file inside the built renderer folder. Anything that would leave the
 * folder (`..`, encoded separators, absolute paths, NUL) or names another host is refused.
 * A path without an extension is a client-side route and gets index.html.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): AppFileResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { kind: 'refused', reason: 'not a URL' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'refused', reason: 'foreign origin' }
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { kind: 'refused', reason: 'malformed escape' }
  }
  if (pathname.includes('\0')) return { kind: 'refused', reason: 'NUL in path' }
  // After decoding, "..%2F" and "..\" become real segments: check them before resolving.
  const segments = pathname.split(/[\\/]+/)
  if (segments.some((segment) => segment === '..'))
    return { kind: 'refused', reason: 'path traversal' }

  const root = resolve(rendererRoot)
  const relativePath = segments.filter((segment) => segment !== '' && segment !== '.').join(sep)
  const wanted = relativePath === '' || extname(relativePath) === '' ? 'index.html' : relativePath
  const path = resolve(root, wanted)
  const fromRoot = relative(root, path)
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    return { kind: 'refused', reason: 'outside the renderer folder' }
  }
  return { kind: 'file', path }
}

/** The ticket of an app:// download address, '' for a malformed one, null for any other address. */
function downloadTicketOf(requestUrl: string): string | null {
  try {
    const url = new URL(requestUrl)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? DownloadTickets.ticketOf(url.pathname) : null
  } catch {
    return null
  }
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export interface AppProtocolOptions {
  /** The built renderer folder, `out/renderer`. */
  rendererRoot: string
  readFile?: (path: string) => Promise<Uint8Array>
  /** Redeems the tickets of `app://comptoir/downloads/<ticket>` (the CSV exports). */
  downloads?: Pick<DownloadTickets, 'redeem'>
}

/**
 * A streamed download as the body of a Response: Chromium pulls the next piece only when it has
 * room for it (backpressure), and a cancelled download stops the pieces.
 */
export function streamedResponse(download: StreamedDownload): Response {
  const iterator = download.pieces()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const piece = await iterator.next()
        if (piece.done) controller.close()
        else controller.enqueue(typeof piece.value === 'string' ? encoder.encode(piece.value) : piece.value)
      },
      async cancel() {
        await iterator.return?.()
      },
    },
    { highWaterMark: 0 },
  )
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': download.contentType,
      'Content-Disposition': contentDisposition(download.fileName),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    },
  })
}

/** Serves the built renderer for app:// requests, with the CSP on every answer. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((path: string) => readFile(path))
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed')
    }
    const ticket = downloadTicketOf(request.url)
    if (ticket !== null) {
      // The app's one window is its only client: the ticket must still be its session's.
      const redeemed = request.method === 'GET' ? options.downloads?.redeem(ticket, () => true) : undefined
      if (!redeemed?.ok) return plainResponse(redeemed?.status ?? 404, redeemed?.status === 410 ? 'This download expired' : 'Not found')
      return streamedResponse(redeemed.download)
    }
    const resolution = resolveAppFile(options.rendererRoot, request.url)
    if (resolution.kind === 'refused') return plainResponse(403, 'Forbidden')
    let body: Uint8Array
    try {
      body = await read(resolution.path)
    } catch {
      return plainResponse(404, 'Not found')
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(resolution.path),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    })
  }
}
