import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHmac, randomBytes, scryptSync } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { MERCHANT_DATABASE_FILE, PIN_PEPPER_KEY_FILE } from '../../../src/main/app/create-app'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
const stolenFolders: string[] = []
afterEach(() => {
  subject.dispose()
  for (const folder of stolenFolders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const SCRYPT = { N: 16384, r: 8, p: 1 } as const

interface StolenRow {
  id: number
  display_name: string
  pin_salt: Buffer
  pin_hash: Buffer
  pin_pepper_id: string | null
}

/** What a thief has: a copy of the database file alone, opened on their own. */
function stealDatabase(): StolenRow[] {
  subject.app.db.pragma('wal_checkpoint(TRUNCATE)')
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-stolen-'))
  stolenFolders.push(folder)
  const copy = join(folder, 'stolen.sqlite')
  copyFileSync(join(subject.dataDir, MERCHANT_DATABASE_FILE), copy)
  const db = new Database(copy, { readonly: true })
  const rows = db.prepare('SELECT id, display_name, pin_salt, pin_hash, pin_pepper_id FROM users').all() as StolenRow[]
  db.close()
  return rows
}

/** Every way to hash a candidate PIN the thief can build from the database and the code. */
function thiefCandidates(pin: string, row: StolenRow): Buffer[] {
  const keys = [Buffer.alloc(0), Buffer.alloc(32), Buffer.from(row.pin_pepper_id ?? ''), row.pin_salt]
  return [
    scryptSync(pin, row.pin_salt, 32, SCRYPT),
    ...keys.map((key) => scryptSync(createHmac('sha256', key).update(pin).digest(), row.pin_salt, 32, SCRYPT)),
  ]
}

describe('PIN hashes and the pepper kept outside the database', () => {
  it('a stolen database and the whole 4-digit space are not enough without the pepper; with it, they are', async () => {
    subject = createTempApp()
    const camille = stealDatabase().find((row) => row.display_name.startsWith('Camille'))!
    expect(camille.pin_pepper_id).toMatch(/^[0-9a-f]{16}$/)
    // Whatever order a thief tries the 10,000 PINs in, the right one (1234) is among them: try
    // it, and its neighbours, every way the database and the code allow. None matches.
    for (const pin of ['1233', '1234', '1235']) {
      for (const candidate of thiefCandidates(pin, camille)) expect(candidate.equals(camille.pin_hash)).toBe(false)
    }
    // The pepper file (kept out of the database, 0600) is the missing part: with it, the same
    // search finds the PIN. So a copy of comptoir.sqlite alone gives away no PIN.
    const pepper = Buffer.from(readFileSync(join(subject.dataDir, 'keys', PIN_PEPPER_KEY_FILE), 'utf8').trim(), 'base64')
    const withPepper = (pin: string) =>
      scryptSync(createHmac('sha256', pepper).update(pin).digest(), camille.pin_salt, 32, SCRYPT)
    expect(['1233', '1234', '1235'].filter((pin) => withPepper(pin).equals(camille.pin_hash))).toEqual(['1234'])
  })

  it('the pepper is nowhere in the database file', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    subject.app.db.pragma('wal_checkpoint(TRUNCATE)')
    const pepperText = readFileSync(join(subject.dataDir, 'keys', PIN_PEPPER_KEY_FILE), 'utf8').trim()
    const file = readFileSync(join(subject.dataDir, MERCHANT_DATABASE_FILE))
    expect(file.includes(Buffer.from(pepperText, 'base64'))).toBe(false)
    expect(file.includes(Buffer.from(pepperText))).toBe(false)
  })

  it('a hash made before the pepper still logs in once, and is replaced by a peppered one', async () => {
    subject = createTempApp()
    const camille = stealDatabase().find((row) => row.display_name.startsWith('Camille'))!
    const salt = randomBytes(16)
    subject.app.db
      .prepare('UPDATE users SET pin_salt = ?, pin_hash = ?, pin_pepper_id = NULL WHERE id = ?')
      .run(salt, scryptSync('1234', salt, 32, SCRYPT), camille.id)
    expect(await subject.call('auth.login', { userId: camille.id, pin: '1234' }, 'till')).toMatchObject({ ok: true })
    const upgraded = subject.app.db
      .prepare('SELECT pin_salt, pin_hash, pin_pepper_id FROM users WHERE id = ?')
      .get(camille.id) as { pin_salt: Buffer; pin_hash: Buffer; pin_pepper_id: string | null }
    expect(upgraded.pin_pepper_id).toBe(camille.pin_pepper_id)
    expect(upgraded.pin_hash.equals(scryptSync('1234', upgraded.pin_salt, 32, SCRYPT))).toBe(false)
    await subject.call('auth.logout', {}, 'till')
    expect(await subject.call('auth.login', { userId: camille.id, pin: '1234' }, 'till')).toMatchObject({ ok: true })
    expect(await subject.call('auth.login', { userId: camille.id, pin: '4321' }, 'till-2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
    const upgrades = subject.app.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'user.pinHashUpgraded' AND subject = ?")
      .pluck()
      .get(`user:${camille.id}`)
    expect(upgrades).toBe(1)
  })

  it('under another pepper (the key file replaced) no PIN matches, not even the right one', async () => {
    subject = createTempApp()
    const camille = stealDatabase().find((row) => row.display_name.startsWith('Camille'))!
    subject.app.db.prepare("UPDATE users SET pin_pepper_id = 'ffffffffffffffff' WHERE id = ?").run(camille.id)
    expect(await subject.call('auth.login', { userId: camille.id, pin: '1234' }, 'till')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
  })
})
