import type Database from 'better-sqlite3'
import type { Migration } from './migration'

/**
 * Applies every migration above the file's `PRAGMA user_version`, each in its own transaction
 * together with the version bump, so a crash leaves the file at a whole version.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`)
    }
  })
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`Database is at version ${current}, newer than this app (${migrations.length})`)
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return db.pragma('user_version', { simple: true }) as number
}
