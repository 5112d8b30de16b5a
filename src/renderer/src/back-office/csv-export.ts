import type { AppError, CallInput, CallOutput, ExportStatus, Result } from '@shared/contract'
import type { CallFunction } from '@renderer/bridge'

export interface ExportProgress {
  phase: 'writing' | 'downloading'
  rowsWritten: number
  total: number
}

export interface FinishedExport {
  fileName: string
  rows: number
  blob: Blob
}

export type ExportOutcome = { ok: true; value: FinishedExport } | { ok: false; error: AppError }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/**
 * Runs an export the way the contract splits it: main writes the CSV in the background while
 * its status is polled, then the finished file comes over in 1 MiB chunks, read in sequence, and
 * becomes one Blob. The file on main's side is discarded once read (or abandoned on cancel).
 */
export async function runExport(
  call: CallFunction,
  input: CallInput<'exports.start'>,
  onProgress: (progress: ExportProgress) => void,
  options: { pollMs?: number; signal?: AbortSignal } = {},
): Promise<ExportOutcome> {
  const pollMs = options.pollMs ?? 300
  const started = await call('exports.start', input)
  if (!started.ok) return started
  const { exportId } = started.value
  const abandon = async (): Promise<ExportOutcome> => {
    await call('exports.discard', { exportId })
    return { ok: false, error: { code: 'CANCELLED', message: 'The export was stopped' } }
  }
  onProgress({ phase: 'writing', rowsWritten: 0, total: started.value.total })

  let status: ExportStatus
  for (;;) {
    if (options.signal?.aborted) return abandon()
    const polled = await call('exports.status', { exportId })
    if (!polled.ok) return polled
    status = polled.value
    onProgress({ phase: 'writing', rowsWritten: status.rowsWritten, total: status.total })
    if (status.error) return { ok: false, error: { code: 'EXPORT_FAILED', message: status.error } }
    if (status.done) break
    await sleep(pollMs)
  }

  onProgress({ phase: 'downloading', rowsWritten: status.rowsWritten, total: status.total })
  const parts: Uint8Array<ArrayBuffer>[] = []
  let offset: number | null = 0
  while (offset !== null) {
    if (options.signal?.aborted) return abandon()
    const chunk: Result<CallOutput<'exports.chunk'>> = await call('exports.chunk', { exportId, offset })
    if (!chunk.ok) return chunk
    parts.push(bytesOf(chunk.value.base64))
    offset = chunk.value.nextOffset
  }
  void call('exports.discard', { exportId })
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' })
  return { ok: true, value: { fileName: status.fileName, rows: status.rowsWritten, blob } }
}
