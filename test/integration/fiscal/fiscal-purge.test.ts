import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { checkFiscalArchive, checkFiscalChains, makeFiscalArchive } from '../../../src/main/fiscal'
import { checkFiscalChainsInParallel } from '../../../src/main/fiscal/fiscal-chain-check-parallel'
import { SignaturePool } from '../../../src/main/fiscal/signature-pool'

/**
 * Issue 14, "Archives": the detail older than six years may be purged, only for a period that was
 * archived and verifies; the purge keeps every closing and the grand totals, is an administrator's
 * action and a JET event, and the journal still checks afterwards.
 */

let subject: TempApp
afterEach(() => subject?.dispose())

let clock = new Date('2019-12-31T10:00:00.000Z')
/** Moves the till's clock; the sessions, idle meanwhile, are opened again. */
async function setClock(iso: string): Promise<void> {
  clock = new Date(iso)
  if (!subject) return
  await subject.loginAs('admin')
  await subject.loginAs('cashier', 'cashier')
}

async function sellCash(sku = 'MAI-MUG-01'): Promise<void> {
  const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 }, 'cashier')
  await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
  const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
  await subject.value('checkout.payCash', { orderId: order.id, tendered: 10_000 }, 'cashier')
}

const records = () => subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000).reverse()

/** Two sales on 31 December 2019, the Z of that day (with the month's and the year's), a sale on 2 January 2020. */
async function oldHistory(): Promise<void> {
  clock = new Date('2019-12-31T10:00:00.000Z')
  subject = createTempApp({ now: () => clock })
  await setClock('2019-12-31T10:00:00.000Z')
  await sellCash()
  await sellCash('LIB-POCHE-02')
  await setClock('2020-01-01T09:00:00.000Z')
  await subject.value('fiscal.closeDay', {})
  await setClock('2020-01-02T10:00:00.000Z')
  await sellCash()
  await setClock('2026-12-08T10:00:00.000Z')
}

describe('the purge of detail older than six years', () => {
  it('is refused for a period not archived, then, once archived, deletes its detail and keeps every closing and the grand totals; the journal still checks', async () => {
    await oldHistory()
    const before = records()
    const gtBefore = before.at(-1)!
    const refused = await subject.call('fiscal.purge', { year: 2019 })
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'FISCAL_PURGE_NOT_ARCHIVED', details: { years: [2019] } })
    expect(records()).toHaveLength(before.length)

    await subject.value('fiscal.archive', { period: '2019' })
    const purged = await subject.value('fiscal.purge', { year: 2019 })
    expect(purged).toMatchObject({ year: 2019, throughDay: '2019-12-31', deleted: 2 })

    const after = records()
    expect(after.map((record) => record.kind)).toEqual(['closing_day', 'closing_month', 'closing_year', 'ticket'])
    expect(after.filter((record) => record.kind === 'ticket')).toHaveLength(1)
    // The grand totals stay where the journal had them: the closings and the last record carry them.
    expect(after.at(-1)).toMatchObject({ sequence: gtBefore.sequence, gtNet: gtBefore.gtNet, gtAbsolute: gtBefore.gtAbsolute })
    const verified = await subject.value('fiscal.verify', {})
    expect(verified).toMatchObject({ ok: true, broken: null })
    expect(checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey, { tail: 1 }).ok).toBe(true)

    const purgeEvent = subject.app.db
      .prepare<[], { details: string; operator_name: string }>("SELECT details, operator_name FROM fiscal_events WHERE kind = 'fiscal.purge'")
      .get()!
    expect(purgeEvent.operator_name).toBe('Alex Dubois')
    expect(JSON.parse(purgeEvent.details)).toMatchObject({ year: 2019, deleted: 2, archives: [{ year: 2019 }], chains: [{ chain: 'real', deleted: 2 }] })

    // The till goes on: a new sale links to the last record and the journal still checks.
    await sellCash()
    expect((await subject.value('fiscal.verify', {})).ok).toBe(true)
    // npm run fiscal:verify on the data folder (its checks on worker threads) agrees.
    const pool = new SignaturePool(subject.app.fiscal.signer.publicKeyPem(), 1)
    try {
      const parallel = await checkFiscalChainsInParallel(subject.app.db, pool)
      expect(parallel).toEqual(checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey))
      expect(parallel.ok).toBe(true)
    } finally {
      await pool.close()
    }
  })

  it('refuses a year not yet six years past (FISCAL_PURGE_TOO_RECENT) and a cashier (FORBIDDEN), deleting nothing', async () => {
    await oldHistory()
    await subject.value('fiscal.archive', { period: 'closed' })
    const count = records().length
    const recent = await subject.call('fiscal.purge', { year: 2020 })
    expect(recent.ok ? null : recent.error).toMatchObject({ code: 'FISCAL_PURGE_TOO_RECENT', details: { purgeableFrom: '2027-01-01' } })
    const cashier = await subject.call('fiscal.purge', { year: 2019 }, 'cashier')
    expect(cashier.ok ? null : cashier.error.code).toBe('FORBIDDEN')
    expect(records()).toHaveLength(count)
  })

  it('refuses when the journal does not verify (FISCAL_PURGE_NOT_VERIFIED), and the delete trigger still refuses any delete outside a purge', async () => {
    await oldHistory()
    await subject.value('fiscal.archive', { period: '2019' })
    expect(() => subject.app.db.exec("DELETE FROM fiscal_records WHERE kind = 'ticket'")).toThrow(/inalterable/)
    expect(() => subject.app.db.exec("DELETE FROM fiscal_records WHERE kind = 'closing_day'")).toThrow(/inalterable/)
    // A byte of the 2020 ticket changed behind the triggers: nothing may be purged while the journal is broken.
    subject.app.db.exec('DROP TRIGGER fiscal_records_refuse_update')
    subject.app.db.exec("UPDATE fiscal_records SET amount_ttc = amount_ttc + 1 WHERE kind = 'ticket' AND occurred_at LIKE '2020%'")
    const refused = await subject.call('fiscal.purge', { year: 2019 })
    expect(refused.ok ? null : refused.error.code).toBe('FISCAL_PURGE_NOT_VERIFIED')
    expect(records().filter((record) => record.kind === 'ticket')).toHaveLength(3)
  })

  it('after a purge, a record deleted behind the triggers is still found as a gap', async () => {
    await oldHistory()
    await subject.value('fiscal.archive', { period: '2019' })
    await subject.value('fiscal.purge', { year: 2019 })
    await sellCash()
    await sellCash()
    subject.app.db.exec('DROP TRIGGER fiscal_records_refuse_delete')
    const middle = records().filter((record) => record.kind === 'ticket').at(-2)!
    subject.app.db.prepare('DELETE FROM fiscal_records WHERE id = ?').run(middle.id)
    const report = checkFiscalChains(subject.app.db, subject.app.fiscal.signer.publicKey)
    expect(report.ok).toBe(false)
    expect(report.broken).toMatchObject({ sequence: middle.sequence + 1, problem: expect.stringMatching(/gap in the numbering/) })
    const pool = new SignaturePool(subject.app.fiscal.signer.publicKeyPem(), 1)
    try {
      expect((await checkFiscalChainsInParallel(subject.app.db, pool)).broken).toEqual(report.broken)
    } finally {
      await pool.close()
    }
  })

  it('a later period archived after the purge still verifies: its grand totals start from the purge’s anchor', async () => {
    await oldHistory()
    await subject.value('fiscal.archive', { period: '2019' })
    await subject.value('fiscal.purge', { year: 2019 })
    await subject.value('fiscal.closeDay', { day: '2020-01-31' })
    const { bytes } = makeFiscalArchive({
      db: subject.app.db,
      signer: subject.app.fiscal.signer,
      tillId: subject.app.fiscal.journal.tillId,
      period: '2020-01',
      createdAt: '2026-12-08T11:00:00+01:00',
      appName: 'Comptoir',
      appVersion: null,
    })
    const check = checkFiscalArchive(bytes, subject.app.fiscal.signer.publicKey)
    expect(check).toMatchObject({ ok: true, refused: null, broken: null })
    // 'Every closed day' (the screen's default) starts after the purge's anchor, and checks too.
    const closed = makeFiscalArchive({
      db: subject.app.db,
      signer: subject.app.fiscal.signer,
      tillId: subject.app.fiscal.journal.tillId,
      period: 'closed',
      createdAt: '2026-12-08T11:00:00+01:00',
      appName: 'Comptoir',
      appVersion: null,
    })
    expect(closed.manifest.chains[0]).toMatchObject({ chain: 'real', firstSequence: 3 })
    expect(checkFiscalArchive(closed.bytes, subject.app.fiscal.signer.publicKey)).toMatchObject({ ok: true, broken: null })
  })
})
