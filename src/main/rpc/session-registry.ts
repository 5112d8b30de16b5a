import type { ActiveSession } from './call-context'

/**
 * Sessions live in memory only: a restart asks staff to log in again, while the cart, which is
 * stored, survives. A session left idle longer than the lock delay is dropped on its next use.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, ActiveSession>()

  constructor(
    private readonly idleLimitSeconds: () => number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The session of a client, refreshed, or null when there is none or it went idle. */
  touch(clientId: string): ActiveSession | null {
    const session = this.sessions.get(clientId)
    if (!session) return null
    const now = this.nowMs()
    if (now - session.lastActivityMs > this.idleLimitSeconds() * 1000) {
      this.sessions.delete(clientId)
      return null
    }
    session.lastActivityMs = now
    return session
  }

  start(clientId: string, user: Omit<ActiveSession, 'lastActivityMs'>): ActiveSession {
    const session = { ...user, lastActivityMs: this.nowMs() }
    this.sessions.set(clientId, session)
    return session
  }

  end(clientId: string): ActiveSession | null {
    const session = this.sessions.get(clientId) ?? null
    this.sessions.delete(clientId)
    return session
  }

  /** Whether a user is logged in on some client and not idle past the lock delay (nothing refreshed). */
  isActive(userId: number): boolean {
    const now = this.nowMs()
    for (const session of this.sessions.values()) {
      if (session.userId === userId && now - session.lastActivityMs <= this.idleLimitSeconds() * 1000) return true
    }
    return false
  }

  /** Drops every session of a user, e.g. when an administrator deactivates them. */
  endAllFor(userId: number): void {
    for (const [clientId, session] of this.sessions) {
      if (session.userId === userId) this.sessions.delete(clientId)
    }
  }
}
