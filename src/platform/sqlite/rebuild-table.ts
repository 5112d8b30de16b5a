import type Database from 'better-sqlite3'

/**
 * Changes a table's definition the way SQLite documents it (https://sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"): a new table from the stored `CREATE TABLE` as
 * `rewrite` changes it, the rows copied with their ids, the old table dropped, the new one renamed,
 * then every index and trigger the table had recreated from its own stored DDL, so that indexes
 * and triggers added by any migration survive without a copy of them here.
 *
 * Runs inside the caller's transaction, with foreign keys off (a migration declared with
 * `rebuildsTables`): rows pointing at the table find it again under the same ids, which
 * `PRAGMA foreign_key_check` confirms here. The rewritten definition must keep the columns and
 * their order.
 */
export function rebuildTable(db: Database.Database, table: string, rewrite: (createSql: string) => string): void {
  const stored = db
    .prepare<[string], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
    )
    .all(table)
  const definition = stored.find((row) => row.type === 'table' && row.name === table)
  if (!definition) throw new Error(`No table ${table} to rebuild`)
  const dependents = stored.filter((row) => row.type === 'index' || row.type === 'trigger')
  // Triggers of other tables whose body names this table: SQLite re-checks them on the rename.
  const readers = db
    .prepare<[string, string], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> ?
         AND sql LIKE '%' || ? || '%' ORDER BY rowid`,
    )
    .all(table, table)
    .filter((row) => new RegExp(`\\b${table}\\b`).test(row.sql))

  if (db.pragma('foreign_keys', { simple: true }) === 1) {
    throw new Error(`Rebuilding ${table} needs foreign keys off: declare the migration with rebuildsTables`)
  }
  const rebuilt = `${table}_rebuilt`
  const createSql = rewrite(definition.sql)
  const renamed = createSql.replace(new RegExp(`^CREATE TABLE ("?)${table}\\1(?=\\s|\\()`), `CREATE TABLE ${rebuilt}`)
  if (renamed === createSql) throw new Error(`The definition of ${table} does not start with CREATE TABLE ${table}`)

  for (const reader of readers) db.exec(`DROP TRIGGER "${reader.name}"`)
  db.exec(renamed)
  db.exec(`INSERT INTO ${rebuilt} SELECT * FROM "${table}"`)
  db.exec(`DROP TABLE "${table}"`)
  db.exec(`ALTER TABLE ${rebuilt} RENAME TO "${table}"`)
  for (const row of [...dependents, ...readers]) db.exec(row.sql)
  const violations = db.pragma('foreign_key_check') as unknown[]
  if (violations.length > 0) throw new Error(`Rebuilding ${table} broke ${violations.length} foreign keys`)
}
