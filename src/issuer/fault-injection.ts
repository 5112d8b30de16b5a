/** The messages faults may hit; echoes never fail, they are the benchmarks' baseline. */
export type FaultableMessage = 'authorization' | 'reversal' | 'capture' | 'refund'

/**
 * Faults for training and tests. Shares are probabilities between 0 and 1.
 * - `latencyMs`: the issuer waits this long before handling each message;
 * - `share91` / `share96`: answered 91 (issuer inoperative) or 96 (malfunction), nothing written;
 * - `silentShare`: the message is handled (a hold may be placed) but the answer never leaves,
 *   the worst case for a merchant, which must then reverse.
 */
export interface FaultSettings {
  latencyMs: number
  share91: number
  share96: number
  silentShare: number
  appliesTo: readonly FaultableMessage[]
  /** Other shares for some messages, e.g. a silent authorization followed by 91 reversals. */
  overrides?: Partial<
    Record<FaultableMessage, Partial<Pick<FaultSettings, 'share91' | 'share96' | 'silentShare'>>>
  >
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  share91: 0,
  share96: 0,
  silentShare: 0,
  appliesTo: ['authorization', 'reversal', 'capture', 'refund'],
}

export type FaultDecision = { kind: 'none' | 'silence' } | { kind: 'code'; code: '91' | '96' }

/** Draws the fault for one message from `random` (uniform in [0, 1)). */
export function drawFault(
  base: FaultSettings,
  message: FaultableMessage,
  random: () => number,
): FaultDecision {
  if (!base.appliesTo.includes(message)) return { kind: 'none' }
  const settings = { ...base, ...base.overrides?.[message] }
  const roll = random()
  if (roll < settings.share91) return { kind: 'code', code: '91' }
  if (roll < settings.share91 + settings.share96) return { kind: 'code', code: '96' }
  if (settings.silentShare > 0 && random() < settings.silentShare) return { kind: 'silence' }
  return { kind: 'none' }
}

export function validateFaultSettings(settings: FaultSettings): FaultSettings {
  for (const shares of [
    settings,
    ...Object.values(settings.overrides ?? {}).map((o) => ({ ...settings, ...o })),
  ]) {
    const all = [shares.share91, shares.share96, shares.silentShare]
    if (all.some((share) => !(share >= 0 && share <= 1)) || shares.share91 + shares.share96 > 1) {
      throw new Error('Fault shares must lie between 0 and 1')
    }
  }
  if (!(settings.latencyMs >= 0)) throw new Error('Latency must be zero or more')
  return settings
}
