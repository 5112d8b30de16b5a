import type { UserRole } from '@shared/contract'

/** A logged-in user at one client (an Electron window or a browser-mode page). */
export interface ActiveSession {
  userId: number
  displayName: string
  role: UserRole
  lastActivityMs: number
}

export interface CallContext {
  /** Identifies the window or page that made the call; sessions are kept per client. */
  clientId: string
  session: ActiveSession | null
}
