import Database from 'better-sqlite3'
import { createPrivateFile } from '../files/private-folder'
import type { Migration } from './migration'
import { runMigrations } from './run-migrations'

export type SqliteDatabase = Database.Database

/**
 * Opens a SQLite file with the durability settings a till needs: WAL so that readers never
 * block the cashier, `synchronous = FULL` so that a confirmed sale survives a power cut, and
 * foreign keys enforced. A new file is created 0600 first (its -wal and -shm files take its mode):
 * it holds customers, orders and PIN hashes.
 */
export function openDatabase(file: string, migrations: readonly Migration[]): SqliteDatabase {
  if (file !== ':memory:') createPrivateFile(file)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  runMigrations(db, migrations)
  return db
}
