import type { SqliteDatabase } from '../../platform/sqlite/open-database'

export type MoneyStepKind = 'capture' | 'reversal' | 'refund'
export type MoneyStepStatus = 'pending' | 'acknowledged' | 'refused'

/** One money movement owed to the issuer: written before it is sent, sent until answered. */
export interface MoneyStep {
  id: number
  attemptId: number
  orderId: number | null
  kind: MoneyStepKind
  amount: number
  /** The step's own trace number: the issuer's key for it, the same at every resend. */
  traceNumber: string
  status: MoneyStepStatus
  tries: number
  lastError: string | null
  responseCode: string | null
  createdAt: string
  settledAt: string | null
}

export interface NewMoneyStep {
  attemptId: number
  orderId: number | null
  kind: MoneyStepKind
  amount: number
  traceNumber: string
  at: string
}

interface StepRow {
  id: number
  attempt_id: number
  order_id: number | null
  kind: MoneyStepKind
  amount: number
  trace_number: string
  status: MoneyStepStatus
  tries: number
  last_error: string | null
  response_code: string | null
  created_at: string
  settled_at: string | null
}

function toStep(row: StepRow): MoneyStep {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    orderId: row.order_id,
    kind: row.kind,
    amount: row.amount,
    traceNumber: row.trace_number,
    status: row.status,
    tries: row.tries,
    lastError: row.last_error,
    responseCode: row.response_code,
    createdAt: row.created_at,
    settledAt: row.settled_at,
  }
}

/**
 * The outbox of money movements (`money_steps`) and the short list of attempts that may still
 * move money at the issuer (`open_authorizations`). Writes run in the caller's transaction.
 */
export class MoneyStepRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO money_steps (attempt_id, order_id, kind, amount, trace_number, created_at)
         VALUES (@attemptId, @orderId, @kind, @amount, @traceNumber, @at)`,
      ),
      byId: db.prepare<[number], StepRow>('SELECT * FROM money_steps WHERE id = ?'),
      pending: db.prepare<[], StepRow>("SELECT * FROM money_steps WHERE status = 'pending' ORDER BY id"),
      forAttempt: db.prepare<[number], StepRow>('SELECT * FROM money_steps WHERE attempt_id = ? ORDER BY id'),
      pendingAmount: db.prepare<[number, MoneyStepKind], { total: number }>(
        `SELECT coalesce(sum(amount), 0) AS total FROM money_steps
          WHERE attempt_id = ? AND kind = ? AND status = 'pending'`,
      ),
      pendingCount: db.prepare<[number], { count: number }>(
        "SELECT count(*) AS count FROM money_steps WHERE attempt_id = ? AND status = 'pending'",
      ),
      recordTry: db.prepare<[string | null, number]>(
        "UPDATE money_steps SET tries = tries + 1, last_error = ? WHERE id = ? AND status = 'pending'",
      ),
      settle: db.prepare<[MoneyStepStatus, string | null, string, number]>(
        "UPDATE money_steps SET status = ?, response_code = ?, settled_at = ?, tries = tries + 1 WHERE id = ? AND status = 'pending'",
      ),
      refusedOpen: db.prepare<[number], StepRow>(
        `SELECT * FROM money_steps WHERE attempt_id = ? AND status = 'refused'
            AND (last_error IS NULL OR last_error NOT LIKE 'handled:%') ORDER BY id`,
      ),
      handleRefused: db.prepare<[string, number]>(
        `UPDATE money_steps SET last_error = ? WHERE attempt_id = ? AND status = 'refused'
            AND (last_error IS NULL OR last_error NOT LIKE 'handled:%')`,
      ),
      open: db.prepare<[number, string]>('INSERT OR IGNORE INTO open_authorizations (attempt_id, since) VALUES (?, ?)'),
      close: db.prepare<[number]>('DELETE FROM open_authorizations WHERE attempt_id = ?'),
      openIds: db.prepare<[], { attempt_id: number }>('SELECT attempt_id FROM open_authorizations ORDER BY attempt_id'),
    }
  }

  add(step: NewMoneyStep): MoneyStep {
    const id = Number(this.statements.insert.run(step).lastInsertRowid)
    return this.get(id)!
  }

  get(id: number): MoneyStep | null {
    const row = this.statements.byId.get(id)
    return row ? toStep(row) : null
  }

  pending(): MoneyStep[] {
    return this.statements.pending.all().map(toStep)
  }

  forAttempt(attemptId: number): MoneyStep[] {
    return this.statements.forAttempt.all(attemptId).map(toStep)
  }

  /** What steps of this kind still pending will move (counted before they are acknowledged). */
  pendingAmount(attemptId: number, kind: MoneyStepKind): number {
    return this.statements.pendingAmount.get(attemptId, kind)?.total ?? 0
  }

  hasPending(attemptId: number): boolean {
    return (this.statements.pendingCount.get(attemptId)?.count ?? 0) > 0
  }

  recordTry(id: number, error: string | null): void {
    this.statements.recordTry.run(error, id)
  }

  /** Settles a pending step; false when it was settled already (another sender got there first). */
  settle(id: number, status: Exclude<MoneyStepStatus, 'pending'>, responseCode: string | null, at: string): boolean {
    return this.statements.settle.run(status, responseCode, at, id).changes === 1
  }

  /** Steps the issuer refused that no administrator has handled yet. */
  refusedUnhandled(attemptId: number): MoneyStep[] {
    return this.statements.refusedOpen.all(attemptId).map(toStep)
  }

  /** An administrator dealt with the attempt's refused steps (their refusal stays recorded). */
  markRefusedHandled(attemptId: number, how: string): void {
    this.statements.handleRefused.run(`handled: ${how}`, attemptId)
  }

  markOpen(attemptId: number, at: string): void {
    this.statements.open.run(attemptId, at)
  }

  markFinal(attemptId: number): void {
    this.statements.close.run(attemptId)
  }

  /** The attempts that may still move money at the issuer, read by primary key. */
  openAttemptIds(): number[] {
    return this.statements.openIds.all().map((row) => row.attempt_id)
  }
}
