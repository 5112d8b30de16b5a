import { afterEach, describe, expect, it } from 'vitest'
import { sellAtTill } from '../back-office/back-office-kit'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
})

describe('a daily closing (Z) read back to show and print', () => {
  it('answers the Z as signed: its day, sums, grand totals, who wrote it and its whole signature; another record is NOT_FOUND', { timeout: 20_000 }, async () => {
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    subject = createTempApp({ now: () => clock.now })
    await subject.loginAs('admin')
    await subject.loginAs('cashier', 'cashier')
    const sale = await sellAtTill(subject, { cash: true })
    clock.now = new Date('2026-12-08T07:00:00Z')
    await subject.loginAs('admin')
    const { closings } = await subject.value('fiscal.closeDay', {})
    const z = await subject.value('fiscal.closing', { id: closings[0]!.id })
    const stored = subject.app.fiscal.journal.find(closings[0]!.id)!
    expect(z).toMatchObject({
      day: '2026-12-07',
      tillId: 'TILL-01',
      sequence: stored.sequence,
      operatorName: 'Alex Dubois',
      automatic: false,
      counts: { tickets: 1, creditNotes: 0, cancellations: 0, duplicates: 0 },
      payments: [{ mode: 'cash', amount: sale.quote.totals.ttc }],
      dayTotals: { net: sale.quote.totals.ttc, absolute: sale.quote.totals.ttc },
      perpetual: { gtNet: sale.quote.totals.ttc, gtAbsolute: sale.quote.totals.ttc },
      signature: stored.signature,
    })
    const ticket = subject.app.fiscal.journal.page({ kind: 'ticket', fromDay: null, toDay: null }, null, 1)[0]!
    expect(await subject.call('fiscal.closing', { id: ticket.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await subject.loginAs('cashier', 'till')
    expect(await subject.call('fiscal.closing', { id: closings[0]!.id }, 'till')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
