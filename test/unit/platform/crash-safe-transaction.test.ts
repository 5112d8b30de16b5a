import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { crashSafeTransaction } from '../../../src/platform/sqlite/crash-safe-transaction'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'

/** synchronous: 1 is NORMAL, 2 is FULL. */
const synchronous = (db: SqliteDatabase) => db.pragma('synchronous', { simple: true })

let folder: string | null = null
let db: SqliteDatabase | null = null
afterEach(() => {
  db?.close()
  db = null
  if (folder) rmSync(folder, { recursive: true, force: true })
  folder = null
})

function openFile(): SqliteDatabase {
  folder = mkdtempSync(join(tmpdir(), 'comptoir-sync-'))
  db = openDatabase(join(folder, 'test.sqlite'), [])
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL)')
  return db
}

describe('crashSafeTransaction', () => {
  it('commits with synchronous NORMAL and leaves the connection at FULL, also when the write throws', () => {
    const file = openFile()
    expect(synchronous(file)).toBe(2)
    const seen = crashSafeTransaction(file, () => {
      file.prepare('INSERT INTO t (value) VALUES (?)').run('a')
      return synchronous(file)
    })
    expect(seen).toBe(1)
    expect(synchronous(file)).toBe(2)
    expect(() =>
      crashSafeTransaction(file, () => {
        file.prepare('INSERT INTO t (value) VALUES (?)').run('b')
        throw new Error('refused')
      }),
    ).toThrow('refused')
    expect(synchronous(file)).toBe(2)
    expect(file.prepare('SELECT value FROM t').pluck().all()).toEqual(['a'])
  })

  it('inside a durable transaction it joins it and leaves its durability alone', () => {
    const file = openFile()
    const seen = file.transaction(() => {
      file.prepare('INSERT INTO t (value) VALUES (?)').run('outer')
      return crashSafeTransaction(file, () => {
        file.prepare('INSERT INTO t (value) VALUES (?)').run('inner')
        return synchronous(file)
      })
    })()
    expect(seen).toBe(2)
    expect(file.prepare('SELECT value FROM t ORDER BY id').pluck().all()).toEqual(['outer', 'inner'])
  })
})
