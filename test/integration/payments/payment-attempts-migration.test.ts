import { afterAll, describe, expect, it } from 'vitest'
import { removeTempFolders } from '../issuer/issuer-test-kit'
import { openMerchantSide } from './payment-test-kit'

afterAll(removeTempFolders)

describe('migration 003: payment attempts and the card vault', () => {
  it('brings the merchant database past version 3 with strict tables', () => {
    const { db } = openMerchantSide()
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3)
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('payment_attempts', 'saved_cards', 'terminal_traces')").all() as { name: string; sql: string }[]
    expect(tables.map((table) => table.name).sort()).toEqual(['payment_attempts', 'saved_cards', 'terminal_traces'])
    for (const table of tables) expect(table.sql).toMatch(/STRICT/)
    db.close()
  })

  it('has no column that could hold a security code or a full card number in clear', () => {
    const { db } = openMerchantSide()
    for (const table of ['payment_attempts', 'saved_cards']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name)
      expect(columns.filter((name) => /cvc|cvv|security|^pan$/i.test(name))).toEqual([])
    }
    db.close()
  })

  it('trace numbers follow each other per terminal and wrap after 999999', () => {
    const { db, attempts } = openMerchantSide()
    expect([attempts.nextTraceNumber('T1'), attempts.nextTraceNumber('T1'), attempts.nextTraceNumber('T2')]).toEqual(['000001', '000002', '000001'])
    db.prepare("UPDATE terminal_traces SET last_trace = 999999 WHERE terminal_id = 'T1'").run()
    expect(attempts.nextTraceNumber('T1')).toBe('000001')
    db.close()
  })
})
