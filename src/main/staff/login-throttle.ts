/**
 * How wrong PINs slow down whoever types them (the decision, also in the README's "Security on a
 * shared PC"):
 *
 * - **Per client** (a till window, a browser page), strong: every `maxFailedPins` wrong PINs from
 *   one client, whichever users they name, make that client wait `pinLockMinutes`, then twice as
 *   long each further time, up to a day, until a login from it succeeds. While it waits, its
 *   attempts are refused at once (`TOO_MANY_ATTEMPTS` with `retryAfter`): no PIN is checked and
 *   nothing counts against the user it names.
 * - **Per user**, weak and bounded: after `maxFailedPins` wrong PINs in a row for one user (from
 *   any clients), each further wrong one makes that user's PIN wait 1 s, then 2, 4, ... but never
 *   more than `pinLockMinutes`; a correct PIN after the wait logs in and clears the count. This is
 *   what stops a guesser who changes client for each try.
 *
 * So a third party guessing from another client slows itself down far more than its victim: the
 * victim's wait is never longer than `pinLockMinutes` after the guesser's last counted try, and the
 * guesser's own waits double, so it cannot keep the victim waiting for ever. Nothing is a lock:
 * the correct PIN from the victim's own till works once the short wait is over. `npm run
 * admin:unlock` clears a user's count and wait from the machine itself.
 */
export const CLIENT_WAIT_CAP_SECONDS = 24 * 60 * 60
/** Clients remembered at most; the oldest is forgotten first. */
const MAX_CLIENTS = 10_000

interface ClientRecord {
  failures: number
  /** How many times it has reached the limit since its last successful login. */
  rounds: number
  waitUntil: number
}

export interface ThrottleLimits {
  maxFailedPins: number
  lockSeconds: number
}

/** The per-user wait after `consecutiveFailures` wrong PINs in a row, in seconds (0: none). */
export function userWaitSeconds(consecutiveFailures: number, limits: ThrottleLimits): number {
  if (consecutiveFailures < limits.maxFailedPins) return 0
  const exponent = Math.min(consecutiveFailures - limits.maxFailedPins, 30)
  return Math.min(2 ** exponent, Math.max(1, limits.lockSeconds))
}

/** The per-client half, in memory: a restart forgets it (the per-user half is in the database). */
export class ClientThrottle {
  private readonly clients = new Map<string, ClientRecord>()

  /** Seconds this client must still wait at `now` (ms), 0 when it may try. */
  retryAfter(clientId: string, now: number): number {
    const record = this.clients.get(clientId)
    if (!record || record.waitUntil <= now) return 0
    return Math.ceil((record.waitUntil - now) / 1000)
  }

  /** Counts a wrong PIN; returns the wait it starts, in seconds, or 0. */
  recordFailure(clientId: string, now: number, limits: ThrottleLimits): number {
    const record = this.clients.get(clientId) ?? { failures: 0, rounds: 0, waitUntil: 0 }
    this.clients.delete(clientId)
    record.failures += 1
    let wait = 0
    if (record.failures >= limits.maxFailedPins) {
      wait = Math.min(limits.lockSeconds * 2 ** Math.min(record.rounds, 30), CLIENT_WAIT_CAP_SECONDS)
      record.rounds += 1
      record.failures = 0
      record.waitUntil = now + wait * 1000
    }
    this.clients.set(clientId, record)
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!)
    return wait
  }

  recordSuccess(clientId: string): void {
    this.clients.delete(clientId)
  }
}
