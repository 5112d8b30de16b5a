import type { AppError, CallInput, ExportTicket } from '@shared/contract'
import type { CallFunction } from '@renderer/bridge'

export type ExportOutcome = { ok: true; value: ExportTicket } | { ok: false; error: AppError }

/**
 * Prepares an export in main: the answer is a single-use address on the page's own origin
 * (`/downloads/<ticket>`, valid a minute, for this session only) that main streams as it writes
 * the rows. The file never crosses the bridge: the browser's own download fetches it.
 */
export async function prepareExport(call: CallFunction, input: CallInput<'exports.prepare'>): Promise<ExportOutcome> {
  return call('exports.prepare', input)
}
