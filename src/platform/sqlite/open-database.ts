import Database from 'better-sqlite3'
import type { Migration } from './migration'
import { runMigrations } from './run-migrations'

export type SqliteDatabase = Database.Database

/**
 * Opens a SQLite file with the durability settings a till needs: WAL so that readers never
 * block the cashier, `synchronous = FULL` so that a confirmed sale survives a power cut, and
 * foreign keys enforced.
 */
export function openDatabase(file: string, migrations: readonly Migration[]): SqliteDatabase {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  runMigrations(db, migrations)
  return db
}
