import type Database from 'better-sqlite3'

/** One numbered schema step. Versions start at 1 and follow each other without gaps. */
export interface Migration {
  version: number
  name: string
  up: (db: Database.Database) => void
}
