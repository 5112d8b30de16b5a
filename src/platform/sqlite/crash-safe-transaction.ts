import type Database from 'better-sqlite3'

/**
 * Runs `write` in a transaction that survives a crash of the app but not a power cut: its commit
 * does not wait for the disk (`synchronous = NORMAL` for that one commit; in WAL mode the frames
 * are in the operating system's hands when it returns). The connection is back at `FULL` as soon
 * as it is done, and the next durable commit syncs the whole WAL, this transaction's frames
 * included: a power cut can lose only the relaxed commits made since the last durable one,
 * never a durable one, and never one without the relaxed ones before it (WAL frames are
 * checksummed in a chain).
 *
 * For what may be lost on a power cut because it is redone or recovered: a cart edit, an order
 * still awaiting payment, an issuer's answer that a durable commit follows or whose loss recovery
 * answers with a reversal. Inside an open transaction it simply joins it (and its durability).
 *
 * The pragma is executed each time, not kept prepared: SQLite applies `PRAGMA synchronous = ...`
 * when the statement is compiled, so running a prepared one again changes nothing.
 */
export function crashSafeTransaction<T>(db: Database.Database, write: () => T): T {
  if (db.inTransaction || db.memory) return db.transaction(write)()
  db.exec('PRAGMA synchronous = NORMAL')
  try {
    return db.transaction(write)()
  } finally {
    db.exec('PRAGMA synchronous = FULL')
  }
}
