import type { SqliteDatabase } from '../../platform/sqlite/open-database'

/** Why a human must look: each problem names the actions that make sense for it. */
export type ReconciliationProblem =
  | 'charged-without-sale'
  | 'released-by-issuer'
  | 'unknown-to-issuer'
  | 'refunded-by-issuer'
  | 'refund-not-at-issuer'
  | 'capture-refused'
  | 'captured-differs'

export type ReconciliationAction =
  | 'release'
  | 'capture'
  | 'record-captured'
  | 'mark-refunded'
  | 'mark-voided'
  | 'refund'
  | 'dismiss'

export const ACTIONS_BY_PROBLEM: Readonly<Record<ReconciliationProblem, readonly ReconciliationAction[]>> = {
  'charged-without-sale': ['refund', 'dismiss'],
  'released-by-issuer': ['mark-voided', 'dismiss'],
  'unknown-to-issuer': ['mark-voided', 'dismiss'],
  'refunded-by-issuer': ['mark-refunded', 'dismiss'],
  'refund-not-at-issuer': ['refund', 'dismiss'],
  'capture-refused': ['capture', 'release', 'dismiss'],
  'captured-differs': ['record-captured', 'dismiss'],
}

export interface IssuerSnapshot {
  state: string
  amount: number
  capturedAmount: number
  refundedAmount: number
}

export interface ReconciliationCase {
  id: number
  attemptId: number
  orderId: number | null
  problem: ReconciliationProblem
  issuer: IssuerSnapshot
  openedAt: string
  resolvedAt: string | null
  resolution: string | null
}

interface CaseRow {
  id: number
  attempt_id: number
  order_id: number | null
  problem: ReconciliationProblem
  issuer_state: string
  issuer_amount: number
  issuer_captured: number
  issuer_refunded: number
  opened_at: string
  resolved_at: string | null
  resolution: string | null
}

function toCase(row: CaseRow): ReconciliationCase {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    orderId: row.order_id,
    problem: row.problem,
    issuer: {
      state: row.issuer_state,
      amount: row.issuer_amount,
      capturedAmount: row.issuer_captured,
      refundedAmount: row.issuer_refunded,
    },
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
  }
}

/** The "to reconcile" list: at most one open case per payment attempt. */
export class ReconciliationRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      open: db.prepare(
        `INSERT INTO reconciliation_cases (attempt_id, order_id, problem, issuer_state, issuer_amount,
           issuer_captured, issuer_refunded, opened_at)
         VALUES (@attemptId, @orderId, @problem, @state, @amount, @capturedAmount, @refundedAmount, @at)
         ON CONFLICT (attempt_id) WHERE resolved_at IS NULL DO UPDATE SET problem = excluded.problem,
           issuer_state = excluded.issuer_state, issuer_amount = excluded.issuer_amount,
           issuer_captured = excluded.issuer_captured, issuer_refunded = excluded.issuer_refunded`,
      ),
      byId: db.prepare<[number], CaseRow>('SELECT * FROM reconciliation_cases WHERE id = ?'),
      openForAttempt: db.prepare<[number], CaseRow>(
        'SELECT * FROM reconciliation_cases WHERE attempt_id = ? AND resolved_at IS NULL',
      ),
      openCases: db.prepare<[], CaseRow>('SELECT * FROM reconciliation_cases WHERE resolved_at IS NULL ORDER BY id'),
      resolve: db.prepare<[string, number, string, number]>(
        'UPDATE reconciliation_cases SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL',
      ),
    }
  }

  /** Opens the attempt's case, or brings its open case up to date with the issuer's view. */
  open(attemptId: number, orderId: number | null, problem: ReconciliationProblem, issuer: IssuerSnapshot, at: string): void {
    this.statements.open.run({ attemptId, orderId, problem, ...issuer, at })
  }

  get(id: number): ReconciliationCase | null {
    const row = this.statements.byId.get(id)
    return row ? toCase(row) : null
  }

  openForAttempt(attemptId: number): ReconciliationCase | null {
    const row = this.statements.openForAttempt.get(attemptId)
    return row ? toCase(row) : null
  }

  openCases(): ReconciliationCase[] {
    return this.statements.openCases.all().map(toCase)
  }

  resolve(id: number, userId: number, resolution: string, at: string): boolean {
    return this.statements.resolve.run(at, userId, resolution, id).changes === 1
  }
}
