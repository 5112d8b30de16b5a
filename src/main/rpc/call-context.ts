import type { UserRole } from '@shared/contract'

/** A logged-in user at one client (an Electron window or a browser-mode page). */
export interface ActiveSession {
  userId: number
  displayName: string
  role: UserRole
  lastActivityMs: number
}

export interface CallContext<S extends ActiveSession | null = ActiveSession | null> {
  /** Identifies the window or page that made the call; sessions are kept per client. */
  clientId: string
  /** The caller's session: never null for a staff or administrator call (the router checked it). */
  session: S
}
