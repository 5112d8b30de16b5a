import type { CashMovementKind, CashMovementReason, CashSessionStatus } from '@shared/contract'
import type { DenominationCount } from '@shared/domain/euro-denominations'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'

/** A session as stored, with its sums kept by the triggers of its migration. */
export interface CashSessionRecord {
  id: number
  tillId: string
  status: CashSessionStatus
  openedAt: string
  openedById: number
  openedBy: string
  floatAmount: number
  floatCount: DenominationCount[]
  salesCount: number
  cashSales: number
  cardSales: number
  refundsCount: number
  cashRefunds: number
  cardRefunds: number
  countedAt: string | null
  countedBy: string | null
  countedAmount: number | null
  countedCount: DenominationCount[] | null
  expectedAmount: number | null
  closedAt: string | null
  closedBy: string | null
  approvedBy: string | null
}

export interface CashMovementRecord {
  id: number
  sessionId: number
  kind: CashMovementKind
  amount: number
  reason: CashMovementReason
  note: string | null
  userName: string
  at: string
}

interface SessionRow {
  id: number
  till_id: string
  status: CashSessionStatus
  opened_at: string
  opened_by: number
  opened_by_name: string
  float_amount: number
  float_count: string
  sales_count: number
  cash_sales: number
  card_sales: number
  refunds_count: number
  cash_refunds: number
  card_refunds: number
  counted_at: string | null
  counted_by_name: string | null
  counted_amount: number | null
  counted_count: string | null
  expected_amount: number | null
  closed_at: string | null
  closed_by_name: string | null
  approved_by_name: string | null
}

interface MovementRow {
  id: number
  session_id: number
  kind: CashMovementKind
  amount: number
  reason: CashMovementReason
  note: string | null
  user_name: string
  at: string
}

const SESSION_COLUMNS = `s.id, s.till_id, s.status, s.opened_at, s.opened_by, o.display_name AS opened_by_name,
  s.float_amount, s.float_count, s.sales_count, s.cash_sales, s.card_sales, s.refunds_count, s.cash_refunds,
  s.card_refunds, s.counted_at, c.display_name AS counted_by_name, s.counted_amount, s.counted_count,
  s.expected_amount, s.closed_at, x.display_name AS closed_by_name, a.display_name AS approved_by_name
  FROM cash_sessions s
  JOIN users o ON o.id = s.opened_by
  LEFT JOIN users c ON c.id = s.counted_by
  LEFT JOIN users x ON x.id = s.closed_by
  LEFT JOIN users a ON a.id = s.approved_by`

function toSession(row: SessionRow): CashSessionRecord {
  return {
    id: row.id,
    tillId: row.till_id,
    status: row.status,
    openedAt: row.opened_at,
    openedById: row.opened_by,
    openedBy: row.opened_by_name,
    floatAmount: row.float_amount,
    floatCount: JSON.parse(row.float_count) as DenominationCount[],
    salesCount: row.sales_count,
    cashSales: row.cash_sales,
    cardSales: row.card_sales,
    refundsCount: row.refunds_count,
    cashRefunds: row.cash_refunds,
    cardRefunds: row.card_refunds,
    countedAt: row.counted_at,
    countedBy: row.counted_by_name,
    countedAmount: row.counted_amount,
    countedCount: row.counted_count === null ? null : (JSON.parse(row.counted_count) as DenominationCount[]),
    expectedAmount: row.expected_amount,
    closedAt: row.closed_at,
    closedBy: row.closed_by_name,
    approvedBy: row.approved_by_name,
  }
}

function toMovement(row: MovementRow): CashMovementRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind,
    amount: row.amount,
    reason: row.reason,
    note: row.note,
    userName: row.user_name,
    at: row.at,
  }
}

/** The till's sessions and the cash moved in and out of their drawer. */
export class CashSessionRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      current: db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} WHERE s.till_id = ? AND s.status <> 'closed'`),
      byId: db.prepare<[number], SessionRow>(`SELECT ${SESSION_COLUMNS} WHERE s.id = ?`),
      insert: db.prepare<{ tillId: string; at: string; userId: number; amount: number; count: string }>(
        `INSERT INTO cash_sessions (till_id, status, opened_at, opened_by, float_amount, float_count)
         VALUES (@tillId, 'open', @at, @userId, @amount, @count)`,
      ),
      count: db.prepare<{ id: number; at: string; userId: number; amount: number; count: string; expected: number }>(
        `UPDATE cash_sessions SET status = 'counting', counted_at = @at, counted_by = @userId,
           counted_amount = @amount, counted_count = @count, expected_amount = @expected
         WHERE id = @id AND status = 'open'`,
      ),
      close: db.prepare<{ id: number; at: string; userId: number; approverId: number | null }>(
        `UPDATE cash_sessions SET status = 'closed', closed_at = @at, closed_by = @userId, approved_by = @approverId
         WHERE id = @id AND status = 'counting'`,
      ),
      insertMovement: db.prepare<{
        sessionId: number
        kind: CashMovementKind
        amount: number
        reason: CashMovementReason
        note: string | null
        userId: number
        at: string
      }>(
        `INSERT INTO cash_movements (session_id, kind, amount, reason, note, user_id, at)
         VALUES (@sessionId, @kind, @amount, @reason, @note, @userId, @at)`,
      ),
      movements: db.prepare<[number], MovementRow>(
        `SELECT m.id, m.session_id, m.kind, m.amount, m.reason, m.note, u.display_name AS user_name, m.at
           FROM cash_movements m JOIN users u ON u.id = m.user_id WHERE m.session_id = ? ORDER BY m.id`,
      ),
    }
  }

  /** The till's session not yet closed (open, or counted and waiting for confirmation), if any. */
  current(tillId: string): CashSessionRecord | null {
    const row = this.statements.current.get(tillId)
    return row ? toSession(row) : null
  }

  findById(id: number): CashSessionRecord | null {
    const row = this.statements.byId.get(id)
    return row ? toSession(row) : null
  }

  /** Opens a session; the partial unique index refuses a second one on the same till. */
  open(tillId: string, userId: number, floatCount: DenominationCount[], floatAmount: number, at: string): number {
    const info = this.statements.insert.run({ tillId, at, userId, amount: floatAmount, count: JSON.stringify(floatCount) })
    return Number(info.lastInsertRowid)
  }

  /** Records the closing count and the expected cash at that moment; false when not open. */
  recordCount(id: number, userId: number, count: DenominationCount[], amount: number, expected: number, at: string): boolean {
    return this.statements.count.run({ id, at, userId, amount, count: JSON.stringify(count), expected }).changes === 1
  }

  /** Closes a counted session; false when it was not waiting for confirmation. */
  close(id: number, userId: number, approverId: number | null, at: string): boolean {
    return this.statements.close.run({ id, at, userId, approverId }).changes === 1
  }

  addMovement(movement: Omit<CashMovementRecord, 'id' | 'userName'> & { userId: number }): number {
    const { sessionId, kind, amount, reason, note, userId, at } = movement
    return Number(this.statements.insertMovement.run({ sessionId, kind, amount, reason, note, userId, at }).lastInsertRowid)
  }

  movements(sessionId: number): CashMovementRecord[] {
    return this.statements.movements.all(sessionId).map(toMovement)
  }
}
