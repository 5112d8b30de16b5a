import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFiscalChains, createFiscalRegister, type FiscalRegister } from '../../../src/main/fiscal'
import { localTimeWithOffset } from '../../../src/main/fiscal/fiscal-time'
import { merchantMigrations } from '../../../src/main/migrations'
import { createLogger } from '../../../src/platform/logging/logger'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'

let db: SqliteDatabase
let folder: string
afterEach(() => {
  db?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

function register(now = () => new Date('2026-12-07T22:15:02.345Z'), tillId = 'TILL-01'): FiscalRegister {
  folder = mkdtempSync(join(tmpdir(), 'fiscal-'))
  db = openDatabase(':memory:', merchantMigrations)
  return createFiscalRegister({ db, tillId, signingKey: randomBytes(32), dataDir: folder, timeZone: () => 'Europe/Paris', now, logger: createLogger(undefined, { quiet: true }) })
}

const ticket = (ttc: number) => ({ document: 'ticket', totals: { ht: ttc - 10, vat: 10, ttc } })
const cashier = { id: 1, name: 'Camille Martin' }

describe('the fiscal journal', () => {
  it('numbers each till and chain from 1 without gaps and keeps perpetual grand totals', () => {
    const fiscal = register()
    const first = fiscal.journal.record('ticket', ticket(1490), cashier, { amountTtc: 1490, orderId: 7 })
    const second = fiscal.journal.record('credit_note', { totals: { ttc: -490 } }, cashier, { amountTtc: -490, orderId: 7 })
    const third = fiscal.journal.record('cash_out', { amount: 5000, reason: 'bank_deposit' }, cashier)
    const training = fiscal.journal.record('ticket', ticket(990), cashier, { amountTtc: 990, chain: 'training' })
    expect([first.sequence, second.sequence, third.sequence, training.sequence]).toEqual([1, 2, 3, 1])
    expect([first.gtNet, second.gtNet, third.gtNet]).toEqual([1490, 1000, 1000])
    // The absolute grand total never goes down: a credit note adds its size.
    expect([first.gtAbsolute, second.gtAbsolute, third.gtAbsolute]).toEqual([1490, 1980, 1980])
    expect(training.gtNet).toBe(990)
    expect(second.previousSignature).toBe(first.signature)
    expect(first.operator).toEqual(cashier)
    expect(first.tillId).toBe('TILL-01')
  })

  it('dates a record to the second in the shop’s time with its offset', () => {
    const fiscal = register()
    expect(fiscal.journal.record('ticket', ticket(100), cashier, { amountTtc: 100 }).occurredAt).toBe('2026-12-07T23:15:02+01:00')
    expect(localTimeWithOffset(new Date('2026-07-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-07-01T12:00:00+02:00')
    expect(localTimeWithOffset(new Date('2026-07-01T10:00:00Z'), 'America/St_Johns')).toBe('2026-07-01T07:30:00-02:30')
  })

  it('names an operator given by id alone from the users', () => {
    const fiscal = register()
    const admin = db.prepare<[], { id: number }>("INSERT INTO users (display_name, role, pin_salt, pin_hash, created_at) VALUES ('Alex Dubois', 'admin', x'00', x'00', '2026-01-01') RETURNING id").get()
    expect(fiscal.journal.record('duplicate', {}, { id: admin!.id }).operator).toEqual({ id: admin!.id, name: 'Alex Dubois' })
  })

  it('rolls back with the caller’s transaction and gives its number back', () => {
    const fiscal = register()
    fiscal.journal.record('ticket', ticket(100), cashier, { amountTtc: 100 })
    expect(() =>
      db.transaction(() => {
        fiscal.journal.record('ticket', ticket(200), cashier, { amountTtc: 200 })
        throw new Error('the sale failed')
      })(),
    ).toThrow('the sale failed')
    expect(fiscal.journal.record('ticket', ticket(300), cashier, { amountTtc: 300 }).sequence).toBe(2)
    expect(checkFiscalChains(db, fiscal.signer.publicKey)).toMatchObject({ ok: true, records: 2 })
  })

  it('refuses even a direct SQL update or delete of a record or an event', () => {
    const fiscal = register()
    fiscal.journal.record('ticket', ticket(100), cashier, { amountTtc: 100 })
    fiscal.events.record('app.start', {})
    expect(() => db.exec('UPDATE fiscal_records SET amount_ttc = 1')).toThrow(/fiscal journal is inalterable/)
    expect(() => db.exec('DELETE FROM fiscal_records')).toThrow(/fiscal journal is inalterable/)
    expect(() => db.exec("UPDATE fiscal_events SET kind = 'x'")).toThrow(/JET\) is inalterable/)
    expect(() => db.exec('DELETE FROM fiscal_events')).toThrow(/JET\) is inalterable/)
  })

  it('a record altered behind the triggers no longer matches its signature', () => {
    const fiscal = register()
    fiscal.journal.record('ticket', ticket(100), cashier, { amountTtc: 100 })
    const second = fiscal.journal.record('ticket', ticket(200), cashier, { amountTtc: 200 })
    fiscal.journal.record('ticket', ticket(300), cashier, { amountTtc: 300 })
    db.exec('DROP TRIGGER fiscal_records_refuse_update')
    db.prepare("UPDATE fiscal_records SET operator_name = 'Someone else' WHERE id = ?").run(second.id)
    expect(checkFiscalChains(db, fiscal.signer.publicKey).broken).toMatchObject({ sequence: 2, problem: expect.stringMatching(/altered/) })
  })

  it('the start-up check writes its result in the JET, which is chained and signed too', () => {
    const fiscal = register()
    fiscal.journal.record('ticket', ticket(100), cashier, { amountTtc: 100 })
    expect(fiscal.start()).toMatchObject({ ok: true, tailOnly: true, records: 1 })
    fiscal.stop()
    const kinds = fiscal.events.page(null, 10).map((event) => event.kind)
    expect(kinds).toEqual(['app.stop', 'integrity.check', 'app.start'])
    expect(checkFiscalChains(db, fiscal.signer.publicKey)).toMatchObject({ ok: true, events: 3 })
  })

  it('a chain found broken at start is written in the JET as integrity.broken', () => {
    const fiscal = register()
    for (const ttc of [100, 200, 300]) fiscal.journal.record('ticket', ticket(ttc), cashier, { amountTtc: ttc })
    db.exec('DROP TRIGGER fiscal_records_refuse_delete')
    db.exec('DELETE FROM fiscal_records WHERE sequence = 2')
    expect(fiscal.start()).toMatchObject({ ok: false, broken: { sequence: 3, problem: expect.stringMatching(/record 2 missing/) } })
    expect(fiscal.events.lastCheck()).toMatchObject({ kind: 'integrity.broken', details: { ok: false, broken: { sequence: 3 } } })
  })

  it('a daily closing whose totals are not its day’s records is named, even correctly signed', () => {
    const counts = { tickets: 1, creditNotes: 1, cancellations: 0, duplicates: 0 }
    for (const net of [800, 900]) {
      db?.close()
      if (folder) rmSync(folder, { recursive: true, force: true })
      const fiscal = register()
      fiscal.journal.record('ticket', ticket(1000), cashier, { amountTtc: 1000 })
      fiscal.journal.record('credit_note', { totals: { ttc: -200 } }, cashier, { amountTtc: -200 })
      fiscal.journal.record('closing_day', { day: '2026-12-07', counts, dayTotals: { net, absolute: 1200 } }, cashier)
      const report = checkFiscalChains(db, fiscal.signer.publicKey)
      if (net === 800) expect(report).toMatchObject({ ok: true, records: 3 })
      else expect(report.broken).toMatchObject({ sequence: 3, problem: expect.stringMatching(/not the sums of that day/) })
    }
  })

  it('a month’s closing whose totals are not the sums of its daily closings is named', () => {
    const fiscal = register()
    const counts = { tickets: 0, creditNotes: 0, cancellations: 0, duplicates: 0 }
    fiscal.journal.record('closing_day', { day: '2026-12-06', counts, dayTotals: { net: 0, absolute: 0 } }, cashier)
    fiscal.journal.record('closing_month', { period: '2026-12', periodTotals: { net: 100, absolute: 100 } }, cashier)
    expect(checkFiscalChains(db, fiscal.signer.publicKey).broken).toMatchObject({ sequence: 2, problem: expect.stringMatching(/2026-12 are not the sums/) })
  })
})
