import { randomBytes } from 'node:crypto'
import { DOWNLOAD_PATH_PREFIX, DOWNLOAD_TICKET_TTL_SECONDS } from '@shared/contract'
import type { ActiveSession } from './call-context'
import type { SessionRegistry } from './session-registry'

/** A file made while it is read: its name, its type and its text (or bytes: a ZIP), one piece at a time. */
export interface StreamedDownload {
  fileName: string
  contentType: string
  /** Pulled by the shell only as fast as the reader takes the bytes (backpressure). */
  pieces(): AsyncIterator<string | Uint8Array>
}

interface Ticket {
  clientId: string
  /** The very session that asked: a logout, or another user's login on that client, voids it. */
  session: ActiveSession
  expiresAt: number
  download: StreamedDownload
}

export type Redeemed = { ok: true; download: StreamedDownload } | { ok: false; status: 403 | 404 | 410; reason: string }

/**
 * Single-use, short-lived download tickets: a call answered by a file (a CSV export) hands the
 * renderer `/downloads/<ticket>` to fetch with a plain GET, which the shell (browser mode's HTTP
 * server, Electron's app:// protocol) streams. A ticket is 256 random bits, spent on its first
 * use whatever the outcome, expires after a minute and is good only while the session that asked
 * for it is still the one on its client.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>()

  constructor(
    private readonly sessions: Pick<SessionRegistry, 'touch'>,
    private readonly nowMs: () => number = Date.now,
    private readonly ttlMs = DOWNLOAD_TICKET_TTL_SECONDS * 1000,
  ) {}

  issue(clientId: string, session: ActiveSession, download: StreamedDownload): { url: string; expiresInSeconds: number } {
    const now = this.nowMs()
    for (const [ticket, held] of this.tickets) if (held.expiresAt <= now) this.tickets.delete(ticket)
    const ticket = randomBytes(32).toString('base64url')
    this.tickets.set(ticket, { clientId, session, expiresAt: now + this.ttlMs, download })
    return { url: `${DOWNLOAD_PATH_PREFIX}${ticket}`, expiresInSeconds: Math.round(this.ttlMs / 1000) }
  }

  /**
   * Spends a ticket. `mayUse` says whether the requester may stand for the client that asked (in
   * browser mode: that client's calls came with the same session cookie).
   */
  redeem(ticket: string, mayUse: (clientId: string) => boolean): Redeemed {
    const held = this.tickets.get(ticket)
    if (!held) return { ok: false, status: 404, reason: 'unknown or used download ticket' }
    this.tickets.delete(ticket)
    if (held.expiresAt <= this.nowMs()) return { ok: false, status: 410, reason: 'expired download ticket' }
    if (!mayUse(held.clientId)) return { ok: false, status: 403, reason: 'download ticket of another session' }
    const session = this.sessions.touch(held.clientId)
    if (session !== held.session || session.role !== 'admin') {
      return { ok: false, status: 403, reason: 'download ticket of a session that ended' }
    }
    return { ok: true, download: held.download }
  }

  /** The ticket part of a request path, or null when the path is not a download's. */
  static ticketOf(pathname: string): string | null {
    if (!pathname.startsWith(DOWNLOAD_PATH_PREFIX)) return null
    const ticket = pathname.slice(DOWNLOAD_PATH_PREFIX.length)
    return /^[A-Za-z0-9_-]{43}$/.test(ticket) ? ticket : ''
  }
}

/** `attachment` with the name as is where it is plain ASCII, and in RFC 5987's form for any other. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
