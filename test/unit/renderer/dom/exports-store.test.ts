import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestingPinia } from '@pinia/testing'
import type { CallInput } from '@shared/contract'
import { useExportsStore } from '@renderer/stores/exports'
import { answered, main, refused } from './support/fake-bridge'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

const TICKET = { url: `/downloads/${'a'.repeat(43)}`, fileName: 'orders-2026-12-07.csv', rows: 3, expiresInSeconds: 60 }

function freshStore() {
  createTestingPinia({ stubActions: false, createSpy: vi.fn })
  return useExportsStore()
}

describe('the CSV export from the history', () => {
  let clicked: Array<{ href: string; download: string; inPage: boolean }>
  beforeEach(() => {
    main.reset()
    clicked = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download, inPage: document.body.contains(this) })
    })
  })
  afterEach(() => vi.restoreAllMocks())

  it('asks main to prepare it, then hands its address to the browser’s own download: the file never crosses the bridge', async () => {
    main.answer('exports.prepare', () => answered(TICKET))
    const exports = freshStore()
    const input: CallInput<'exports.prepare'> = { kind: 'orders', filters: { statuses: ['declined'] }, sort: 'date_desc', locale: 'fr', format: 'french' }

    const outcome = await exports.exportCsv(input)

    expect(outcome).toEqual({ ok: true, value: TICKET })
    expect(main.inputsOf('exports.prepare')).toEqual([input])
    expect(clicked).toEqual([{ href: TICKET.url, download: 'orders-2026-12-07.csv', inPage: true }])
    // The link goes once clicked.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0)
  })

  it('downloads nothing when main refuses', async () => {
    main.answer('exports.prepare', () => refused('FORBIDDEN'))
    const exports = freshStore()

    const outcome = await exports.exportCsv({ kind: 'vat', from: '2025-01-01', to: '2025-02-01', locale: 'en' })

    expect(outcome.ok).toBe(false)
    expect(clicked).toEqual([])
  })
})
