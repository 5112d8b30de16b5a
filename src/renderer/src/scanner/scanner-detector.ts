/**
 * A barcode scanner is a keyboard that types a whole code, then Enter, far faster than a person.
 * This detector sees key presses with their timestamps and says when a burst was a scan; it keeps
 * no clock of its own, so tests can feed it any timing.
 */
export interface ScannerDetectorOptions {
  /** Longest average pause between the keys of one scan. People need well over 40 ms per key. */
  maxIntervalMs: number
  /**
   * Longest single pause inside a burst: a busy machine may delay one key event, which must not
   * turn a scan into typing; the average still tells a scanner from a person.
   */
  maxStallMs: number
  minLength: number
  maxLength: number
}

export const DEFAULT_SCANNER_OPTIONS: ScannerDetectorOptions = {
  maxIntervalMs: 40,
  maxStallMs: 150,
  minLength: 8,
  maxLength: 14,
}

export type ScannerKeyOutcome =
  /** The burst ended with Enter: the keys were a scan, not typing. */
  | { kind: 'scan'; barcode: string }
  /** A digit; `startsBurst` tells that it may be the first key of a scan. */
  | { kind: 'digit'; startsBurst: boolean }
  /** Anything else, which also ends any burst. */
  | { kind: 'other' }

export interface ScannerDetector {
  key(key: string, atMs: number): ScannerKeyOutcome
  reset(): void
}

export function createScannerDetector(
  options: ScannerDetectorOptions = DEFAULT_SCANNER_OPTIONS,
): ScannerDetector {
  let digits = ''
  let firstAtMs = Number.NEGATIVE_INFINITY
  let lastAtMs = Number.NEGATIVE_INFINITY

  function reset(): void {
    digits = ''
    firstAtMs = Number.NEGATIVE_INFINITY
    lastAtMs = Number.NEGATIVE_INFINITY
  }

  function key(key: string, atMs: number): ScannerKeyOutcome {
    const continues = atMs - lastAtMs <= options.maxStallMs
    if (/^\d$/.test(key)) {
      const startsBurst = !(continues && digits.length > 0)
      if (startsBurst) firstAtMs = atMs
      digits = startsBurst ? key : digits + key
      lastAtMs = atMs
      return { kind: 'digit', startsBurst }
    }
    const burst = digits
    const averageIntervalMs = (atMs - firstAtMs) / Math.max(burst.length, 1)
    reset()
    if (
      key === 'Enter' &&
      continues &&
      averageIntervalMs <= options.maxIntervalMs &&
      burst.length >= options.minLength &&
      burst.length <= options.maxLength
    ) {
      return { kind: 'scan', barcode: burst }
    }
    return { kind: 'other' }
  }

  return { key, reset }
}
