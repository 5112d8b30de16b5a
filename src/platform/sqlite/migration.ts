import type Database from 'better-sqlite3'

/** One numbered schema step. Versions start at 1 and follow each other without gaps. */
export interface Migration {
  version: number
  name: string
  up: (db: Database.Database) => void
  /**
   * Runs with foreign keys off, as SQLite's table rebuild (`rebuildTable`) needs: a dropped parent
   * table would otherwise count its children as violations for good. The keys are checked with
   * `PRAGMA foreign_key_check` before the migration commits.
   */
  rebuildsTables?: boolean
}
