/**
 * A one-line reading of an audit entry's details for the log's table: for a before/after pair,
 * the fields that changed ("inactivityLockSeconds: 300 → 600"); otherwise the plain values it
 * carries ("tillId: TILL-01"). Nested objects are named, not dumped: the full record stays one
 * click away in the row.
 */

export interface DetailPart {
  key: string
  before?: string
  after?: string
  value?: string
}

const MAX_PARTS = 6
const MAX_TEXT = 40

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function plain(value: unknown): string | undefined {
  if (value === null) return '∅'
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function summarizeAuditDetails(details: unknown): DetailPart[] {
  if (!isRecord(details)) {
    const value = plain(details)
    return value === undefined || details === null ? [] : [{ key: '', value }]
  }
  if ('before' in details && 'after' in details) {
    const before = details.before
    const after = details.after
    if (isRecord(before) && isRecord(after)) {
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      return keys
        .filter((key) => !sameJson(before[key], after[key]))
        .slice(0, MAX_PARTS)
        .map((key) => ({ key, before: plain(before[key]), after: plain(after[key]) }))
    }
    const source = isRecord(after) ? after : isRecord(before) ? before : {}
    return summarizeAuditDetails(source)
  }
  return Object.entries(details)
    .slice(0, MAX_PARTS)
    .map(([key, value]) => ({ key, value: plain(value) }))
}
