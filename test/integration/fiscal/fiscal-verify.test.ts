import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sellAtTill } from '../back-office/back-office-kit'
import { createTempApp } from '../../support/temp-app'

const ROOT = join(import.meta.dirname, '..', '..', '..')
let folder: string
const copies: string[] = []

/** `npm run fiscal:verify -- <folder>`, as an auditor runs it: its own process, no app. */
function verify(dataDir: string): { status: number | null; out: string } {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/fiscal-verify.ts', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { status: run.status, out: run.stdout + run.stderr }
}

/** A copy of the sold data folder whose database `change` alters behind the triggers. */
function alteredCopy(change: (db: Database.Database) => void): string {
  const copy = mkdtempSync(join(tmpdir(), 'comptoir-fiscal-copy-'))
  copies.push(copy)
  cpSync(folder, copy, { recursive: true })
  const db = new Database(join(copy, 'comptoir.sqlite'))
  change(db)
  db.close()
  return copy
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'comptoir-fiscal-'))
  const subject = createTempApp({ dataDir: folder })
  await subject.loginAs('cashier', 'cashier')
  for (let sale = 0; sale < 4; sale++) await sellAtTill(subject, { cash: true })
  subject.dispose()
}, 60_000)

afterAll(() => {
  for (const path of [folder, ...copies]) rmSync(path, { recursive: true, force: true })
})

describe('npm run fiscal:verify', () => {
  it('finds an untouched journal whole and says so with exit code 0', () => {
    const { status, out } = verify(folder)
    expect(out).toMatch(/till TILL-01, chain real: 4 records, numbers 1 to 4/)
    expect(out).toMatch(/^OK: 4 records and \d+ events/m)
    expect(status).toBe(0)
  })

  it('names the record one byte of whose payload was changed after its trigger was dropped', () => {
    const copy = alteredCopy((db) => {
      db.exec('DROP TRIGGER fiscal_records_refuse_update')
      const { payload } = db.prepare<[], { payload: string }>("SELECT payload FROM fiscal_records WHERE sequence = 3 AND chain = 'real'").get()!
      const altered = payload.replace('"quantity":1', '"quantity":2')
      expect(altered).not.toBe(payload)
      db.prepare("UPDATE fiscal_records SET payload = ? WHERE sequence = 3 AND chain = 'real'").run(altered)
    })
    const { status, out } = verify(copy)
    expect(out).toMatch(/BROKEN: till TILL-01, chain real, record 3 \(row id \d+\): its content no longer matches its signature/)
    expect(status).toBe(1)
  })

  it('names the gap a deleted record leaves', () => {
    const copy = alteredCopy((db) => {
      db.exec('DROP TRIGGER fiscal_records_refuse_delete')
      db.exec("DELETE FROM fiscal_records WHERE sequence = 2 AND chain = 'real'")
    })
    const { status, out } = verify(copy)
    expect(out).toMatch(/BROKEN: till TILL-01, chain real, record 3 \(row id \d+\): record 2 missing before it \(gap in the numbering\)/)
    expect(status).toBe(1)
  })

  it('finds a grand total rewritten behind the trigger: the signature no longer holds', () => {
    const copy = alteredCopy((db) => {
      db.exec('DROP TRIGGER fiscal_records_refuse_update')
      db.exec("UPDATE fiscal_records SET gt_net = gt_net - 100 WHERE sequence = 4 AND chain = 'real'")
    })
    expect(verify(copy).out).toMatch(/record 4 .*altered/)
  })
})
