import { timingSafeEqual } from 'node:crypto'

export const CLIENT_HEADER = 'x-comptoir-client'
/** Asks the running server for a fresh launch address; the secret is in the data folder's 0600 file. */
export const CONTROL_HEADER = 'x-comptoir-control'

/** One name per port: a cookie is not scoped to a port, and two servers must not overwrite each other's. */
export function sessionCookieName(port: number): string {
  return `comptoir_session_${port}`
}

/** The value of one cookie of a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim()
  }
  return undefined
}

export interface GuardedRequest {
  host: string | undefined
  origin: string | undefined
  /** The session cookie the page got in exchange for its launch token. */
  session: string | undefined
  clientId: string | undefined
  contentType: string | undefined
}

export type GuardVerdict = { allowed: true; clientId: string } | { allowed: false; reason: string }

/** The only names under which the page may reach us: loopback, on our own port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Whether the Host header names us (loopback, our own port): anything else is DNS rebinding. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase())
}

/**
 * Decides whether an API request may reach the router. A foreign Host means DNS rebinding; a
 * foreign Origin means another web page; a missing or unknown session cookie means anything but a
 * page opened with a launch token (another local process or page). JSON content type forces a
 * CORS preflight, which we never grant.
 */
export function checkApiRequest(
  request: GuardedRequest,
  port: number,
  isSession: (value: string) => boolean,
): GuardVerdict {
  const hosts = allowedHosts(port)
  if (!isOwnHost(request.host, port)) {
    return { allowed: false, reason: 'Foreign Host header' }
  }
  if (request.origin !== undefined) {
    let originHost: string
    try {
      const url = new URL(request.origin)
      if (url.protocol !== 'http:') return { allowed: false, reason: 'Foreign Origin' }
      originHost = url.host
    } catch {
      return { allowed: false, reason: 'Foreign Origin' }
    }
    if (!hosts.has(originHost.toLowerCase())) return { allowed: false, reason: 'Foreign Origin' }
  }
  if (!request.session || !isSession(request.session)) {
    return { allowed: false, reason: 'No session cookie from a launch token' }
  }
  if (!request.contentType || !request.contentType.toLowerCase().startsWith('application/json')) {
    return { allowed: false, reason: 'The body must be JSON' }
  }
  if (!request.clientId || !/^[A-Za-z0-9-]{8,64}$/.test(request.clientId)) {
    return { allowed: false, reason: 'Missing client id' }
  }
  return { allowed: true, clientId: `page-${request.clientId}` }
}
