import type { SqliteDatabase } from '../../../platform/sqlite/open-database'
import { catchUpDerivedData, DERIVED_DATA_TRIGGERS } from '../../migrations/007-back-office-indexes'
import { catchUpRefundTotals, REFUND_DERIVED_TRIGGERS } from '../../migrations/008-refunds-by-rate'
import { catchUpDateOrder, DATE_ORDER_TRIGGERS } from '../../migrations/013-orders-out-of-date-order'
import { catchUpQuarterTotals, QUARTER_DERIVED_TRIGGERS } from '../../migrations/018-quarter-hour-totals'
import { catchUpFilterTotals, FILTER_TOTALS_TRIGGERS } from '../../migrations/020-history-filter-totals'
import { AMOUNT_TOTALS_TRIGGERS, catchUpAmountTotals } from '../../migrations/026-amount-totals'
import { generateHistory, type HistoryGeneratorOptions } from './history-generator'

/**
 * Runs the generator as a bulk load, in one transaction so that a failure leaves the file as it
 * was (triggers included):
 *
 * - the triggers that keep the search index and the daily tables are dropped for the load and
 *   recreated from their own stored DDL afterwards, and what they would have written is caught
 *   up with one set-based statement per table;
 * - durability is relaxed meanwhile (`journal_mode = MEMORY`, `synchronous = OFF`, a large
 *   cache): a crash during the load could only lose generated data. The till's settings are
 *   restored afterwards and the planner's statistics refreshed for the new volume.
 */
export function fillLargeHistory(
  db: SqliteDatabase,
  options: HistoryGeneratorOptions & { onPhase?: (phase: string) => void },
): number {
  const restore = relaxDurability(db)
  try {
    return db.transaction(() => {
      const from = {
        afterOrderId: db.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number,
        afterAttemptId: db.prepare('SELECT coalesce(max(id), 0) FROM payment_attempts').pluck().get() as number,
      }
      const triggers = suspendTriggers(db, [...DERIVED_DATA_TRIGGERS, ...REFUND_DERIVED_TRIGGERS, ...DATE_ORDER_TRIGGERS, ...QUARTER_DERIVED_TRIGGERS, ...FILTER_TOTALS_TRIGGERS, ...AMOUNT_TOTALS_TRIGGERS])
      const indexes = suspendIndexes(db, BULK_TABLES)
      const written = generateHistory(db, options)
      options.onPhase?.('search index and daily tables')
      catchUpDerivedData(db, from)
      catchUpRefundTotals(db, from.afterOrderId)
      catchUpQuarterTotals(db, from.afterOrderId)
      catchUpFilterTotals(db, from.afterOrderId)
      catchUpAmountTotals(db, from.afterOrderId)
      options.onPhase?.('secondary indexes')
      for (const sql of indexes) db.exec(sql)
      // Reads the id order from orders_sort_keys, so after the indexes are back.
      catchUpDateOrder(db, from.afterOrderId)
      for (const sql of triggers) db.exec(sql)
      return written
    })()
  } finally {
    options.onPhase?.('statistics')
    restore()
    // A sample per index is enough for the planner and keeps this to a fraction of a second.
    db.pragma('analysis_limit = 2000')
    db.exec('ANALYZE')
  }
}

/** The tables the generator fills in bulk. */
const BULK_TABLES = ['orders', 'order_lines', 'order_vat', 'order_events', 'payment_attempts', 'shipments'] as const

/**
 * Drops the secondary indexes of the given tables (not the ones behind UNIQUE or PRIMARY KEY
 * constraints, which SQLite stores without DDL) and returns their DDL, exactly as the schema
 * stores it. Building an index once over the loaded rows (a sort) is much faster than
 * inserting every row into it as it comes; nothing the generator runs reads these indexes.
 */
function suspendIndexes(db: SqliteDatabase, tables: readonly string[]): string[] {
  const rows = db
    .prepare<[string], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(tables))
  for (const row of rows) db.exec(`DROP INDEX "${row.name}"`)
  return rows.map((row) => row.sql)
}

/** Drops the named triggers and returns their DDL, exactly as the schema stores it. */
function suspendTriggers(db: SqliteDatabase, names: readonly string[]): string[] {
  const rows = db
    .prepare<[string], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(names))
  for (const row of rows) db.exec(`DROP TRIGGER ${row.name}`)
  return rows.map((row) => row.sql)
}

function relaxDurability(db: SqliteDatabase): () => void {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string
  const synchronous = db.pragma('synchronous', { simple: true }) as number
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  const tempStore = db.pragma('temp_store', { simple: true }) as number
  // Out of WAL, pages go straight to the file instead of once to the log and again at checkpoint.
  db.pragma('journal_mode = MEMORY')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -1048576')
  db.pragma('temp_store = MEMORY')
  return () => {
    db.pragma(`journal_mode = ${journalMode}`)
    db.pragma(`synchronous = ${synchronous}`)
    db.pragma(`cache_size = ${cacheSize}`)
    db.pragma(`temp_store = ${tempStore}`)
  }
}
