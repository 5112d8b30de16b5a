import { afterEach, describe, expect, it } from 'vitest'
import { checkFiscalArchive, checkFiscalChains, makeFiscalArchive, type FiscalRecord } from '../../../src/main/fiscal'
import { exportText, parseCsv, sellAtTill, VISA_OK } from '../back-office/back-office-kit'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { receiptRows } from '../../../src/main/receipts'

let subject: TempApp | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
})

const ADMIN_PIN = '4321'

async function staffIn(app: TempApp): Promise<void> {
  await app.loginAs('admin')
  await app.loginAs('cashier', 'cashier')
}

async function userId(app: TempApp, name: string): Promise<number> {
  const users = await app.value('auth.listUsers', {}, 'cashier')
  return users.find((user) => user.displayName === name)!.id
}

/** The supervisor's PIN typed at the cashier's till. */
async function switchTraining(app: TempApp, on: boolean, pin = ADMIN_PIN, supervisor = 'Alex Dubois') {
  return app.call('training.switch', { on, approval: { userId: await userId(app, supervisor), pin } }, 'cashier')
}

function chain(app: TempApp, name: 'real' | 'training'): FiscalRecord[] {
  return app.app.fiscal.journal
    .page({ kind: null, fromDay: null, toDay: null }, null, 1000)
    .filter((record) => record.chain === name)
    .reverse()
}

interface Closing {
  day: string
  counts: { tickets: number }
  payments: Array<{ mode: string; amount: number }>
  dayTotals: { net: number }
  perpetual: { gtNet: number; gtAbsolute: number }
}

describe('training mode (MODE ÉCOLE)', () => {
  it('training mode leaves GT and closings unchanged: the Z and the grand totals are the real sales only, the training chain verifies gap-free', { timeout: 30_000 }, async () => {
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    subject = createTempApp({ now: () => clock.now })
    await staffIn(subject)
    const realCash = await sellAtTill(subject, { cash: true })
    const realCard = await sellAtTill(subject, { sku: 'MAI-MUG-01' })
    const real = realCash.quote.totals.ttc + realCard.quote.totals.ttc
    const drawerBefore = await subject.value('cashSession.xReport', {})
    const dashboardBefore = await subject.value('dashboard.period', { from: '2026-12-07', to: '2026-12-07' })
    const summaryBefore = await subject.value('orders.summary', { filters: {} })

    expect(await switchTraining(subject, true)).toMatchObject({ ok: true, value: { on: true, supervisorName: 'Alex Dubois' } })
    const first = await sellAtTill(subject, { cash: true })
    const second = await sellAtTill(subject, { sku: 'MAI-MUG-01', cash: true })
    expect(first.number).toMatch(/^T01-ECOLE-2026-0+1$/)
    expect(second.number).toMatch(/^T01-ECOLE-2026-0+2$/)
    // The ticket says what it is.
    const { html } = await subject.value('orders.approval', { orderId: first.id }, 'cashier')
    expect(html).toContain('MODE ÉCOLE — SIMULATION')
    // Nothing of it reaches the drawer, the dashboard or the history's totals.
    const drawer = await subject.value('cashSession.xReport', {})
    expect(drawer.expectedCash).not.toBeNull()
    expect(drawer.expectedCash).toBe(drawerBefore.expectedCash)
    expect(drawer.sales).toEqual(drawerBefore.sales)
    expect(await subject.value('dashboard.period', { from: '2026-12-07', to: '2026-12-07' })).toEqual(dashboardBefore)
    const summary = await subject.value('orders.summary', { filters: {} })
    expect(summary.totalTtc).toBe(summaryBefore.totalTtc)
    expect(summary.vat).toEqual(summaryBefore.vat)
    expect(summary.soldCount).toBe(summaryBefore.soldCount)
    // Listed, so counted among the orders, whichever totals answer the filter; never among the sales.
    expect(summary.count).toBe(summaryBefore.count + 2)
    const day = await subject.value('orders.summary', { filters: { from: '2026-12-07', to: '2026-12-08' } })
    expect([day.count, day.soldCount, day.totalTtc]).toEqual([4, 2, real])
    const cash = await subject.value('orders.summary', { filters: { paymentMethod: 'cash' } })
    expect([cash.count, cash.soldCount, cash.totalTtc]).toEqual([3, 1, realCash.quote.totals.ttc])
    // The history's CSV lists them with their status marked, so that nobody sums them as sales.
    const csv = parseCsv((await exportText(subject, { kind: 'orders', filters: {}, locale: 'fr' })).replace(/^\uFEFF/, ''), ';')
    const statusOf = (number: string | null) => csv.find((line) => line[0] === number)?.[2]
    expect(statusOf(first.number)).toMatch(/ — MODE ÉCOLE$/)
    expect(statusOf(realCash.number)).not.toMatch(/MODE ÉCOLE/)
    // The administrator finds them by their number's series, 'école' typed with or without its accent.
    for (const text of ['ecole', 'École']) {
      const found = await subject.value('orders.search', { filters: { text } })
      expect(found.rows.map((row) => row.number).sort()).toEqual([first.number, second.number])
    }

    expect(await switchTraining(subject, false)).toMatchObject({ ok: true, value: { on: false } })
    const after = await sellAtTill(subject, { cash: true })
    // The real numbering follows on as if no training sale had been made.
    expect(after.number).toMatch(/^T01-2026-0+3$/)

    // The next morning the administrator closes the 7th.
    clock.now = new Date('2026-12-08T07:00:00Z')
    await staffIn(subject)
    await subject.value('fiscal.closeDay', {})
    const realRecords = chain(subject, 'real')
    const z = realRecords.find((record) => record.kind === 'closing_day')!.payload as Closing
    const realTotal = real + after.quote.totals.ttc
    expect(z.counts.tickets).toBe(3)
    expect(z.dayTotals.net).toBe(realTotal)
    expect(z.perpetual.gtNet).toBe(realTotal)
    expect(z.payments).toEqual([
      { mode: 'card', amount: realCard.quote.totals.ttc },
      { mode: 'cash', amount: realCash.quote.totals.ttc + after.quote.totals.ttc },
    ])
    expect(realRecords.every((record) => record.orderId !== first.id && record.orderId !== second.id)).toBe(true)

    // The training chain: its own numbers from 1 without gaps, its own grand total, its own Z.
    const training = chain(subject, 'training')
    expect(training.map((record) => [record.sequence, record.kind])).toEqual([
      [1, 'ticket'],
      [2, 'ticket'],
      [3, 'closing_day'],
    ])
    expect(training[0]!.payload).toMatchObject({ simulation: 'MODE ÉCOLE — SIMULATION', supervisor: { name: 'Alex Dubois' } })
    expect(realRecords.some((record) => 'simulation' in (record.payload as object) || 'supervisor' in (record.payload as object))).toBe(false)
    expect(training[1]!.gtNet).toBe(first.quote.totals.ttc + second.quote.totals.ttc)
    expect((training[2]!.payload as Closing).counts.tickets).toBe(2)
    const report = checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey)
    expect(report.ok).toBe(true)
    expect(report.chains.map(({ chain: name, records, lastSequence }) => [name, records, lastSequence])).toEqual([
      ['real', realRecords.length, realRecords.length],
      ['training', 3, 3],
    ])

    // The archive of the closed day holds both chains, each on its own, and verifies.
    const archive = makeFiscalArchive({
      db: subject.app.db,
      signer: subject.app.fiscal.signer,
      tillId: 'TILL-01',
      period: 'closed',
      createdAt: '2026-12-08T08:05:00+01:00',
      appName: 'Comptoir',
      appVersion: null,
    })
    expect(archive.manifest.chains.map(({ chain: name, records, firstSequence, lastSequence, gtNetEnd }) => [name, records, firstSequence, lastSequence, gtNetEnd])).toEqual([
      ['real', realRecords.length, 1, realRecords.length, realTotal],
      ['training', 3, 1, 3, first.quote.totals.ttc + second.quote.totals.ttc],
    ])
    expect(checkFiscalArchive(archive.bytes, subject.app.fiscal.signer.publicKey)).toMatchObject({ ok: true })
  })

  it('the e-mailed and printed ticket of a training sale says MODE ÉCOLE — SIMULATION first and last; a real one does not', async () => {
    subject = createTempApp()
    await staffIn(subject)
    const real = await sellAtTill(subject, { cash: true })
    await switchTraining(subject, true)
    const training = await sellAtTill(subject, { cash: true })
    const rowsOf = (orderId: number) => {
      const stored = subject!.app.db.prepare('SELECT view_json FROM order_receipts WHERE order_id = ?').get(orderId) as { view_json: string }
      return receiptRows(JSON.parse(stored.view_json) as Parameters<typeof receiptRows>[0])
    }
    const rows = rowsOf(training.id)
    expect(rows[0]).toEqual({ kind: 'title', text: 'MODE ÉCOLE — SIMULATION' })
    expect(rows[1]).toMatchObject({ text: 'Ticket de formation, sans valeur' })
    expect(rows.at(-1)).toMatchObject({ text: 'Ticket de formation, sans valeur' })
    expect(rowsOf(real.id).some((row) => 'text' in row && row.text.includes('MODE ÉCOLE'))).toBe(false)
  })

  it('a refund of a training sale is a credit note of the training chain: the drawer and the real chain do not move', async () => {
    subject = createTempApp()
    await staffIn(subject)
    await sellAtTill(subject, { cash: true })
    await switchTraining(subject, true)
    const training = await sellAtTill(subject, { cash: true })
    const drawerBefore = await subject.value('cashSession.xReport', {})
    const realBefore = chain(subject, 'real')
    await subject.value('orders.refund', { orderId: training.id, amount: 300 })
    expect(chain(subject, 'training').map((record) => [record.sequence, record.kind, record.amountTtc])).toEqual([
      [1, 'ticket', training.quote.totals.ttc],
      [2, 'credit_note', -300],
    ])
    expect(chain(subject, 'real')).toEqual(realBefore)
    const drawer = await subject.value('cashSession.xReport', {})
    expect(drawer.expectedCash).not.toBeNull()
    expect([drawer.expectedCash, drawer.refunds]).toEqual([drawerBefore.expectedCash, drawerBefore.refunds])
  })

  it('a card payment in training is refused before the issuer: no hold, no attempt, the sale stays open for cash', async () => {
    subject = createTempApp()
    await staffIn(subject)
    await switchTraining(subject, true)
    await expect(sellAtTill(subject, { card: VISA_OK })).rejects.toThrow(/TRAINING_CASH_ONLY|cash only/)
    const attempts = subject.app.db.prepare('SELECT count(*) AS count FROM payment_attempts').get() as { count: number }
    expect(attempts.count).toBe(0)
  })

  it('each switch is a JET event naming the supervising administrator and the user at the till', async () => {
    subject = createTempApp()
    await staffIn(subject)
    await switchTraining(subject, true)
    await switchTraining(subject, false)
    const events = subject.app.fiscal.events.page(null, 50).filter((event) => event.kind.startsWith('training.'))
    const cashierId = await userId(subject, 'Camille Martin')
    const adminId = await userId(subject, 'Alex Dubois')
    expect(events.reverse().map((event) => [event.kind, event.operator.name, (event.details as { operatorId: number }).operatorId])).toEqual([
      ['training.on', 'Alex Dubois', cashierId],
      ['training.off', 'Alex Dubois', cashierId],
    ])
    expect(events[0]!.details).toMatchObject({ supervisorId: adminId, tillId: 'TILL-01' })
  })

  it('a non-administrator cannot switch, nor a wrong PIN: the mode stays and no event is written', async () => {
    subject = createTempApp()
    await staffIn(subject)
    expect(await switchTraining(subject, true, '1234', 'Camille Martin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await switchTraining(subject, true, '0000')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    expect(await subject.value('training.status', {}, 'cashier')).toEqual({ on: false, since: null, supervisorName: null })
    expect(subject.app.fiscal.events.page(null, 50).some((event) => event.kind.startsWith('training.'))).toBe(false)
  })

  it('an order is a training sale or a real one from its creation: the database refuses a change', async () => {
    subject = createTempApp()
    await staffIn(subject)
    const sale = await sellAtTill(subject, { cash: true })
    expect(() => subject!.app.db.prepare('UPDATE orders SET training = 1 WHERE id = ?').run(sale.id)).toThrow(/from its creation/)
  })
})
