import { defineStore } from 'pinia'
import type { CallInput } from '@shared/contract'
import { call } from '@renderer/bridge'
import { prepareExport, type ExportOutcome } from '@renderer/back-office/csv-export'
import { downloadUrl } from '@renderer/downloads/download-url'

/**
 * The back-office's CSV exports (orders, VAT report): main prepares a single-use address and
 * streams the file from it; the browser's own download saves it.
 */
export const useExportsStore = defineStore('exports', () => {
  async function exportCsv(input: CallInput<'exports.prepare'>): Promise<ExportOutcome> {
    const prepared = await prepareExport(call, input)
    if (prepared.ok) downloadUrl(prepared.value.url, prepared.value.fileName)
    return prepared
  }

  return { exportCsv }
})
