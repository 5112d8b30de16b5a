import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFiscalChains, type FiscalRecord } from '../../../src/main/fiscal'
import { sellAtTill } from '../back-office/back-office-kit'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
let folder: string | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
  if (folder) rmSync(folder, { recursive: true, force: true })
  folder = undefined
})

/** A till on a clock the test moves: 7 December 2026, 10:00 in Paris, to start with. */
function tillAt(clock: { now: Date }, dataDir?: string): TempApp {
  return createTempApp({ now: () => clock.now, dataDir })
}

async function staffIn(app: TempApp): Promise<void> {
  await app.loginAs('admin')
  await app.loginAs('cashier', 'cashier')
}

function journal(app: TempApp): FiscalRecord[] {
  return app.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000).reverse()
}

interface Closing {
  day: string
  counts: { tickets: number; creditNotes: number; cancellations: number; duplicates: number }
  rates: Array<{ rateBasisPoints: number; ht: number; vat: number; ttc: number }>
  payments: Array<{ mode: string; amount: number }>
  dayTotals: { net: number; absolute: number }
  perpetual: { gtNet: number; gtAbsolute: number }
}

describe('the daily closing (Z)', () => {
  it('sums the day per VAT rate and payment mode from its records, carries the grand totals, and closes the day to new records', { timeout: 20_000 }, async () => {
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    subject = tillAt(clock)
    await staffIn(subject)
    const cash = await sellAtTill(subject, { cash: true })
    const card = await sellAtTill(subject, { sku: 'MAI-MUG-01' })
    await subject.value('orders.refund', { orderId: cash.id, amount: 300 })
    await subject.value('orders.reprintApproval', { orderId: card.id })

    // The 7th is over: the administrator closes it (yesterday, by default) before the first sale of the 8th.
    expect(await subject.call('fiscal.closeDay', { day: '2026-12-07' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    clock.now = new Date('2026-12-08T07:00:00Z')
    await staffIn(subject)
    const { closings } = await subject.value('fiscal.closeDay', {})
    expect(closings).toHaveLength(1)
    const records = journal(subject)
    const closing = records.at(-1)!
    expect(closing).toMatchObject({ kind: 'closing_day', amountTtc: 0, operator: { name: 'Alex Dubois' } })
    const z = closing.payload as Closing
    expect(z.day).toBe('2026-12-07')
    expect(z.counts).toEqual({ tickets: 2, creditNotes: 1, cancellations: 0, duplicates: 1 })
    // Z totals equal the records' sums.
    const sales = records.filter((record) => ['ticket', 'credit_note', 'cancellation'].includes(record.kind))
    const ratesOf = (record: FiscalRecord) => (record.payload as Closing).rates
    for (const rate of z.rates) {
      const parts = sales.flatMap(ratesOf).filter((part) => part.rateBasisPoints === rate.rateBasisPoints)
      expect(rate).toEqual({
        rateBasisPoints: rate.rateBasisPoints,
        ht: parts.reduce((sum, part) => sum + part.ht, 0),
        vat: parts.reduce((sum, part) => sum + part.vat, 0),
        ttc: parts.reduce((sum, part) => sum + part.ttc, 0),
      })
    }
    const total = cash.quote.totals.ttc + card.quote.totals.ttc - 300
    expect(z.rates.reduce((sum, rate) => sum + rate.ttc, 0)).toBe(total)
    expect(z.payments).toEqual([
      { mode: 'card', amount: card.quote.totals.ttc },
      { mode: 'cash', amount: cash.quote.totals.ttc - 300 },
    ])
    expect(z.dayTotals).toEqual({ net: total, absolute: total + 600 })
    expect(z.perpetual).toEqual({ gtNet: records.at(-2)!.gtNet, gtAbsolute: records.at(-2)!.gtAbsolute })

    // The day is closed: a record dated on it (a clock set back) is refused and writes nothing; a second Z of it is a conflict.
    clock.now = new Date('2026-12-07T18:00:00Z')
    await staffIn(subject)
    await expect(sellAtTill(subject, { cash: true })).rejects.toThrow()
    expect(journal(subject)).toHaveLength(records.length)
    clock.now = new Date('2026-12-08T09:00:00Z')
    await staffIn(subject)
    expect(await subject.call('fiscal.closeDay', { day: '2026-12-07' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await subject.call('fiscal.closeDay', { day: '2026-12-08' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })

    // The next day sells as usual.
    await sellAtTill(subject, { cash: true })
    expect(journal(subject).at(-1)).toMatchObject({ kind: 'ticket', occurredAt: '2026-12-08T10:00:00+01:00' })
    expect(checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey).ok).toBe(true)
  })

  it('a day left unclosed is closed at the next start, and the JET says so', { timeout: 20_000 }, async () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-z-'))
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    subject = tillAt(clock, folder)
    await staffIn(subject)
    await sellAtTill(subject, { cash: true })
    clock.now = new Date('2026-12-07T22:30:00Z')
    // 23:30 in Paris: still the 7th. Nothing is closed while the day lasts.
    await staffIn(subject)
    await sellAtTill(subject, { cash: true })
    subject.dispose()

    clock.now = new Date('2026-12-08T08:00:00Z')
    subject = tillAt(clock, folder)
    await subject.app.start()
    const closing = journal(subject).at(-1)!
    expect(closing).toMatchObject({ kind: 'closing_day', operator: { id: null, name: 'system' } })
    expect(closing.payload).toMatchObject({ day: '2026-12-07', counts: { tickets: 2 } })
    expect(subject.app.fiscal.events.page(null, 5).map((event) => event.kind)).toContain('closing.day')
    await staffIn(subject)
    await sellAtTill(subject, { cash: true })
    expect(journal(subject).at(-1)!.kind).toBe('ticket')
  })

  it('the last day of a month and of a year is followed by their closings, the sums of the dailies', { timeout: 20_000 }, async () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-z-'))
    const clock = { now: new Date('2026-12-30T10:00:00Z') }
    subject = tillAt(clock, folder)
    await staffIn(subject)
    const first = await sellAtTill(subject, { cash: true })
    clock.now = new Date('2026-12-31T10:00:00Z')
    await staffIn(subject)
    const second = await sellAtTill(subject, { sku: 'MAI-MUG-01' })
    subject.dispose()

    clock.now = new Date('2027-01-01T09:00:00Z')
    subject = tillAt(clock, folder)
    await subject.app.start()
    const closings = journal(subject).filter((record) => record.kind.startsWith('closing_'))
    expect(closings.map((record) => record.kind)).toEqual(['closing_day', 'closing_day', 'closing_month', 'closing_year'])
    const total = first.quote.totals.ttc + second.quote.totals.ttc
    expect(closings[2]!.payload).toMatchObject({ period: '2026-12', days: ['2026-12-30', '2026-12-31'], counts: { tickets: 2 }, periodTotals: { net: total, absolute: total } })
    expect(closings[3]!.payload).toMatchObject({ period: '2026', periodTotals: { net: total }, perpetual: { gtNet: total } })
    expect(checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey)).toMatchObject({ ok: true })
  })
})
