/**
 * A barcode scanner is a keyboard that types a whole code, then Enter, far faster than a person.
 * This detector sees key presses with their timestamps and says when a burst was a scan; it keeps
 * no clock of its own, so tests can feed it any timing.
 */
export interface ScannerDetectorOptions {
  /** Longest pause between two keys of one scan. People need well over 40 ms per key. */
  maxIntervalMs: number
  minLength: number
  maxLength: number
}

export const DEFAULT_SCANNER_OPTIONS: ScannerDetectorOptions = {
  maxIntervalMs: 40,
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
  let lastAtMs = Number.NEGATIVE_INFINITY

  function reset(): void {
    digits = ''
    lastAtMs = Number.NEGATIVE_INFINITY
  }

  function key(key: string, atMs: number): ScannerKeyOutcome {
    const fast = atMs - lastAtMs <= options.maxIntervalMs
    if (/^\d$/.test(key)) {
      const startsBurst = !(fast && digits.length > 0)
      digits = startsBurst ? key : digits + key
      lastAtMs = atMs
      return { kind: 'digit', startsBurst }
    }
    const burst = digits
    reset()
    if (
      key === 'Enter' &&
      fast &&
      burst.length >= options.minLength &&
      burst.length <= options.maxLength
    ) {
      return { kind: 'scan', barcode: burst }
    }
    return { kind: 'other' }
  }

  return { key, reset }
}
