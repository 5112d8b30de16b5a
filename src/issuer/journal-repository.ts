import type { SqliteDatabase } from '../platform/sqlite/open-database'

/** `adjustment`: a balance set from the issuer console. */
export type Movement = 'opening' | 'hold' | 'release' | 'capture' | 'refund' | 'adjustment'

export interface JournalEntry {
  id: number
  accountId: number
  authorizationId: number | null
  movement: Movement
  amount: number
  balanceDelta: number
  heldDelta: number
  recordedAt: string
}

/** A journal row as SQLite returns it; the console reads pages of the same table. */
export interface JournalRow {
  id: number
  account_id: number
  authorization_id: number | null
  movement: Movement
  amount: number
  balance_delta: number
  held_delta: number
  recorded_at: string
}

export function toEntry(row: JournalRow): JournalEntry {
  return {
    id: row.id,
    accountId: row.account_id,
    authorizationId: row.authorization_id,
    movement: row.movement,
    amount: row.amount,
    balanceDelta: row.balance_delta,
    heldDelta: row.held_delta,
    recordedAt: row.recorded_at,
  }
}

/** The append-only journal: the source of truth that account balances are derived from. */
export class JournalRepository {
  private readonly insertRow
  private readonly sums
  private readonly forAccount

  constructor(db: SqliteDatabase) {
    this.insertRow = db.prepare(`
      INSERT INTO journal (account_id, authorization_id, movement, amount, balance_delta, held_delta, recorded_at)
      VALUES (@accountId, @authorizationId, @movement, @amount, @balanceDelta, @heldDelta, @recordedAt)`)
    this.sums = db.prepare<[number], { balance: number; held: number }>(`
      SELECT coalesce(sum(balance_delta), 0) AS balance, coalesce(sum(held_delta), 0) AS held
      FROM journal WHERE account_id = ?`)
    this.forAccount = db.prepare<[number], JournalRow>(
      'SELECT * FROM journal WHERE account_id = ? ORDER BY id',
    )
  }

  append(entry: Omit<JournalEntry, 'id'>): void {
    this.insertRow.run(entry)
  }

  /** Balance and open holds recomputed from the journal alone. */
  derive(accountId: number): { balance: number; held: number } {
    return this.sums.get(accountId) ?? { balance: 0, held: 0 }
  }

  entries(accountId: number): JournalEntry[] {
    return this.forAccount.all(accountId).map(toEntry)
  }
}
