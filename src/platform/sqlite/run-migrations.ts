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
    // Outside the transaction: SQLite ignores this pragma inside one.
    const pauseForeignKeys = migration.rebuildsTables === true && db.pragma('foreign_keys', { simple: true }) === 1
    if (pauseForeignKeys) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        migration.up(db)
        if (migration.rebuildsTables) {
          const violations = db.pragma('foreign_key_check') as unknown[]
          if (violations.length > 0) throw new Error(`Migration ${migration.name} broke ${violations.length} foreign keys`)
        }
        db.pragma(`user_version = ${migration.version}`)
      })()
    } finally {
      if (pauseForeignKeys) db.pragma('foreign_keys = ON')
    }
  }
  return db.pragma('user_version', { simple: true }) as number
}
