import type { SqliteDatabase } from '../../platform/sqlite/open-database'

interface SettingRow {
  key: string
  value: string
}

/** Shop settings as JSON values under string keys; callers own each key's schema. */
export class SettingsRepository {
  private readonly selectOne
  private readonly upsert

  constructor(db: SqliteDatabase) {
    this.selectOne = db.prepare<[string], SettingRow>('SELECT key, value FROM settings WHERE key = ?')
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
  }

  get<T>(key: string, fallback: T): T {
    const row = this.selectOne.get(key)
    return row ? (JSON.parse(row.value) as T) : fallback
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value))
  }
}
