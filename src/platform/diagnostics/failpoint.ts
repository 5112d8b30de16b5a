/**
 * Named points where a crash test may kill the process on the spot, as a power cut would: when
 * the environment variable `COMPTOIR_CRASH_AT` names the point, reaching it sends SIGKILL to the
 * process itself (no handler, no flush, nothing after it runs). Unset, a point costs one
 * comparison. The points mark the steps of a payment and of a money movement, on both sides.
 */
export type Failpoint =
  | 'authorization-recorded'
  | 'authorization-answered'
  | 'sale-committed'
  | 'step-written'
  | 'step-answered'
  | 'step-recorded'
  | 'issuer-message-received'
  | 'issuer-authorization-committed'
  | 'issuer-capture-committed'

const armed = process.env.COMPTOIR_CRASH_AT

export function failpoint(name: Failpoint): void {
  if (armed === name) process.kill(process.pid, 'SIGKILL')
}
