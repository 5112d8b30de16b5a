import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestingPinia } from '@pinia/testing'
import type { FiscalCheck, FiscalRecordRow } from '@shared/contract/calls/fiscal-calls'
import { useFiscalJournalStore } from '@renderer/stores/fiscal-journal'
import { answered, main, refused } from './support/fake-bridge'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

const row = (id: number): FiscalRecordRow => ({
  id,
  tillId: 'TILL-01',
  chain: 'real',
  sequence: id,
  kind: 'ticket',
  occurredAt: '2026-12-07T23:15:02+01:00',
  operatorName: 'Camille Martin',
  orderNumber: `T01-2026-00000${id}`,
  amount: 1490,
  gtNet: 1490 * id,
  gtAbsolute: 1490 * id,
  shortSignature: 'abcdefghijkl',
})
const CHECK: FiscalCheck = { ok: true, at: '2026-12-07T23:16:00+01:00', tailOnly: false, records: 2, events: 5, broken: null }

function freshStore() {
  createTestingPinia({ stubActions: false, createSpy: vi.fn })
  return useFiscalJournalStore()
}

describe('the fiscal journal’s store', () => {
  beforeEach(() => main.reset())

  it('asks for the filter’s kind and days only when set, pages on with the cursor, and keeps the last check', async () => {
    main.answer('fiscal.records', (input) => answered(input.cursor ? { records: [row(1)], nextCursor: null, lastCheck: CHECK } : { records: [row(2)], nextCursor: 2, lastCheck: null }))
    const journal = freshStore()
    journal.filter = { kind: 'credit_note', fromDay: '2026-12-01', toDay: '' }
    await journal.load()
    await journal.load(true)
    expect(main.inputsOf('fiscal.records')).toEqual([
      { kind: 'credit_note', fromDay: '2026-12-01', toDay: undefined, cursor: undefined, limit: 50 },
      { kind: 'credit_note', fromDay: '2026-12-01', toDay: undefined, cursor: 2, limit: 50 },
    ])
    expect(journal.records.map((record) => record.id)).toEqual([2, 1])
    expect(journal.lastCheck).toEqual(CHECK)
  })

  it('verify-now replaces the status with main’s answer; a refused Z comes back as its error', async () => {
    main.answer('fiscal.verify', () => answered({ ...CHECK, ok: false, broken: { table: 'fiscal_records', id: 3, tillId: 'TILL-01', chain: 'real', sequence: 3, problem: 'altered' } }))
    main.answer('fiscal.closeDay', () => refused('CONFLICT'))
    const journal = freshStore()
    await journal.verify()
    expect(journal.lastCheck).toMatchObject({ ok: false, broken: { sequence: 3 } })
    expect(await journal.closeDay()).toMatchObject({ error: { code: 'CONFLICT' } })
  })

  it('hands the archive’s single-use address to the browser’s download, and an open period back as its error', async () => {
    main.answer('fiscal.archive', (input) =>
      input.period === '2026-11'
        ? answered({ url: '/downloads/ticket', fileName: 'comptoir-archive-fiscale-TILL-01-2026-11.zip', records: 6, expiresInSeconds: 60 })
        : refused('FISCAL_PERIOD_OPEN'),
    )
    const clicked: { href: string; download: string }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.download })
    })
    const journal = freshStore()
    expect(await journal.archive('2026-11')).toEqual({ fileName: 'comptoir-archive-fiscale-TILL-01-2026-11.zip', records: 6 })
    expect(clicked).toEqual([{ href: '/downloads/ticket', download: 'comptoir-archive-fiscale-TILL-01-2026-11.zip' }])
    expect(await journal.archive('2026-12')).toMatchObject({ error: { code: 'FISCAL_PERIOD_OPEN' } })
    expect(clicked).toHaveLength(1)
    click.mockRestore()
  })
})
