import { describe, expect, it } from 'vitest'
import type { CallName } from '@shared/contract'
import type { CallFunction } from '@renderer/bridge'
import { runExport, type ExportProgress } from '@renderer/back-office/csv-export'

const EXPORT_ID = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a'

/** A main that writes 3 rows over three polls, then serves the file in two chunks. */
function fakeMain(file: string, options: { failAt?: number } = {}) {
  const calls: CallName[] = []
  let polls = 0
  const bytes = new TextEncoder().encode(file)
  const half = Math.floor(bytes.length / 2)
  const call = (async (name: CallName, input: Record<string, unknown>) => {
    calls.push(name)
    switch (name) {
      case 'exports.start':
        return { ok: true, value: { exportId: EXPORT_ID, total: 3, fileName: 'commandes.csv' } }
      case 'exports.status': {
        polls++
        const error = options.failAt === polls ? 'disk full' : null
        return {
          ok: true,
          value: { exportId: EXPORT_ID, kind: 'orders', fileName: 'commandes.csv', rowsWritten: Math.min(polls, 3), total: 3, bytesWritten: 0, done: polls >= 3, error },
        }
      }
      case 'exports.chunk': {
        const offset = input.offset as number
        const end = offset === 0 ? half : bytes.length
        const base64 = btoa(String.fromCharCode(...bytes.subarray(offset, end)))
        return { ok: true, value: { base64, nextOffset: end < bytes.length ? end : null } }
      }
      default:
        return { ok: true, value: {} }
    }
  }) as unknown as CallFunction
  return { call, calls }
}

describe('a CSV export from the history', () => {
  it('polls the progress until done, reads the chunks in order and gives one file', async () => {
    const file = '\uFEFFNuméro,Total TTC\r\n2025-000001,12.50\r\n2025-000002,3.00\r\n2025-000003,99.99\r\n'
    const main = fakeMain(file)
    const progress: ExportProgress[] = []
    const outcome = await runExport(main.call, { kind: 'orders', filters: {}, sort: 'date_desc', locale: 'fr' }, (p) => progress.push({ ...p }), { pollMs: 1 })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.value.fileName).toBe('commandes.csv')
    expect(outcome.value.rows).toBe(3)
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await outcome.value.blob.arrayBuffer())).toBe(file)
    expect(progress.filter((p) => p.phase === 'writing').map((p) => p.rowsWritten)).toEqual([0, 1, 2, 3])
    expect(progress.at(-1)!.phase).toBe('downloading')
    expect(main.calls).toEqual(['exports.start', 'exports.status', 'exports.status', 'exports.status', 'exports.chunk', 'exports.chunk', 'exports.discard'])
  })

  it('reports the failure main wrote in the status', async () => {
    const main = fakeMain('x', { failAt: 2 })
    const outcome = await runExport(main.call, { kind: 'vat', from: '2025-01-01', to: '2025-02-01', locale: 'en' }, () => undefined, { pollMs: 1 })
    expect(outcome).toEqual({ ok: false, error: { code: 'EXPORT_FAILED', message: 'disk full' } })
  })

  it('stopped by the administrator, it abandons the file on main’s side', async () => {
    const main = fakeMain('x')
    const controller = new AbortController()
    controller.abort()
    const outcome = await runExport(main.call, { kind: 'orders', filters: {}, sort: 'date_desc', locale: 'fr' }, () => undefined, { signal: controller.signal })
    expect(outcome.ok).toBe(false)
    expect(main.calls).toEqual(['exports.start', 'exports.discard'])
  })
})
