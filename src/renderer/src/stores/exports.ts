import { defineStore } from 'pinia'
import type { CallInput } from '@shared/contract'
import { call } from '@renderer/bridge'
import { runExport, type ExportOutcome, type ExportProgress } from '@renderer/back-office/csv-export'

/** The back-office's CSV exports (orders, VAT report), written in main and fetched in chunks. */
export const useExportsStore = defineStore('exports', () => {
  function exportCsv(
    input: CallInput<'exports.start'>,
    onProgress: (progress: ExportProgress) => void,
    options: { signal?: AbortSignal } = {},
  ): Promise<ExportOutcome> {
    return runExport(call, input, onProgress, options)
  }

  return { exportCsv }
})
