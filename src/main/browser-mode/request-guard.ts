import { timingSafeEqual } from 'node:crypto'

export const SECRET_HEADER = 'x-comptoir-secret'
export const CLIENT_HEADER = 'x-comptoir-client'

export interface GuardedRequest {
  host: string | undefined
  origin: string | undefined
  secret: string | undefined
  clientId: string | undefined
  contentType: string | undefined
}

export type GuardVerdict = { allowed: true; clientId: string } | { allowed: false; reason: string }

/** The only names under which the page may reach us: loopback, on our own port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Decides whether an API request may reach the router. A foreign Host means DNS rebinding; a
 * foreign Origin means another web page; a missing secret means anything but the page we served
 * (another local process or page). JSON content type forces a CORS preflight, which we never grant.
 */
export function checkApiRequest(request: GuardedRequest, port: number, secret: string): GuardVerdict {
  const hosts = allowedHosts(port)
  if (!request.host || !hosts.has(request.host.toLowerCase())) {
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
  if (!request.secret || !sameSecret(request.secret, secret)) {
    return { allowed: false, reason: 'Missing or wrong page secret' }
  }
  if (!request.contentType || !request.contentType.toLowerCase().startsWith('application/json')) {
    return { allowed: false, reason: 'The body must be JSON' }
  }
  if (!request.clientId || !/^[A-Za-z0-9-]{8,64}$/.test(request.clientId)) {
    return { allowed: false, reason: 'Missing client id' }
  }
  return { allowed: true, clientId: `page-${request.clientId}` }
}
