import type { SqliteDatabase } from '../../database/open-database'
import { generateHistory, type HistoryGeneratorOptions } from './history-generator'

/**
 * Runs the generator with bulk-load settings: `synchronous = OFF` and a large page cache while
 * writing (a crash would only lose generated data), then restores the till's settings, folds the
 * write-ahead log back and refreshes the planner's statistics for the new volume.
 */
export function fillLargeHistory(db: SqliteDatabase, options: HistoryGeneratorOptions): number {
  const synchronous = db.pragma('synchronous', { simple: true }) as number
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  try {
    return generateHistory(db, options)
  } finally {
    db.pragma(`synchronous = ${synchronous}`)
    db.pragma(`cache_size = ${cacheSize}`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.exec('ANALYZE')
  }
}
