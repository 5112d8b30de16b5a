import { err, ok, type CashMovement, type CashMovementKind, type CashMovementReason, type CashSession, type CashSessionSettings, type Result, type UserRole, type XReport } from '@shared/contract'
import { countTotal, normalizedCount, type DenominationCount } from '@shared/domain/euro-denominations'
import { shopDay } from '@shared/time/shop-time-zone'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { recordAudit } from '../audit'
import { differenceNeedsApproval, expectedCash } from './cash-figures'
import type { CashMovementRecord, CashSessionRecord, CashSessionRepository } from './cash-session-repository'
import { tillSeries as tillCode } from '../orders'

/** The default difference an administrator must confirm at closing: 10,00 €. */
export const DEFAULT_DIFFERENCE_APPROVAL_THRESHOLD = 1000

const SETTINGS_KEY = 'cashSessions'

/** What the fiscal journal records of a session (its face's `record`, called inside our transaction). */
export type CashJournalKind = 'float' | 'cash_in' | 'cash_out' | 'session_close'
export interface CashJournal {
  record(kind: CashJournalKind, payload: unknown, operator: { id: number }): unknown
}

/** The shop's settings store, as the settings feature keeps it (JSON under a key). */
export interface SettingsStore {
  get<T>(key: string, fallback: T): T
  set(key: string, value: unknown): void
}

export type ApproverCheck = (
  userId: number,
  pin: string,
) => Result<{ userId: number }, 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'FORBIDDEN'>

export interface CashSessionDependencies {
  db: SqliteDatabase
  sessions: CashSessionRepository
  settings: SettingsStore
  tillId: string
  now: () => Date
  timeZone: () => string
  currency: () => string
  /** The fiscal journal, when there is one: written in the same transaction as our rows. */
  journal?: CashJournal
}

export interface MoveCashRequest {
  kind: CashMovementKind
  amount: number
  reason: CashMovementReason
  note?: string
}

/**
 * The day of a till: a session opened with its float counted by denomination, cash put in or taken
 * out with a reason, sales and refunds summed into it by the database's triggers, and a closing by
 * blind count: the expected cash is answered only once the count is in, then the difference is
 * confirmed (by an administrator above the shop's threshold). One session not closed per till; no
 * sale outside an open one ({@link requireOpen}, asked by the checkout). Every step is audited.
 */
export class CashSessionService {
  constructor(private readonly deps: CashSessionDependencies) {}

  settings(): CashSessionSettings {
    const stored = this.deps.settings.get<Partial<CashSessionSettings>>(SETTINGS_KEY, {})
    const threshold = stored.differenceApprovalThreshold
    return {
      differenceApprovalThreshold:
        typeof threshold === 'number' && Number.isSafeInteger(threshold) && threshold >= 0 ? threshold : DEFAULT_DIFFERENCE_APPROVAL_THRESHOLD,
    }
  }

  saveSettings(userId: number, next: CashSessionSettings): CashSessionSettings {
    const before = this.settings()
    const at = this.deps.now().toISOString()
    this.deps.db.transaction(() => {
      this.deps.settings.set(SETTINGS_KEY, next)
      const details = { before: { differenceApprovalThreshold: before.differenceApprovalThreshold }, after: { differenceApprovalThreshold: next.differenceApprovalThreshold }, currency: this.deps.currency() }
      recordAudit(this.deps.db, { action: 'cashSession.settingsChanged', userId, subject: 'settings:cashSessions', details, at })
    })()
    return this.settings()
  }

  /** The till's session not yet closed, or null. */
  current(): CashSession | null {
    const record = this.deps.sessions.current(this.deps.tillId)
    return record ? this.view(record) : null
  }

  /** The checkout's gate: a sale begins and is paid only while the till's session is open. */
  requireOpen(): Result<null, 'CASH_SESSION_NOT_OPEN'> {
    const record = this.deps.sessions.current(this.deps.tillId)
    if (record?.status === 'open') return ok(null)
    return err('CASH_SESSION_NOT_OPEN', 'Open the till (its float) before taking payments', {
      status: record?.status ?? 'none',
    })
  }

  open(userId: number, count: DenominationCount[]): Result<CashSession, 'CASH_SESSION_ALREADY_OPEN'> {
    const { db, sessions, tillId } = this.deps
    const floatCount = normalizedCount(count)
    const floatAmount = countTotal(floatCount)
    const at = this.deps.now().toISOString()
    const opened = db.transaction(() => {
      if (sessions.current(tillId)) return null
      const id = sessions.open(tillId, userId, floatCount, floatAmount, at)
      const details = { floatAmount, tillId, till: tillCode(tillId), currency: this.deps.currency(), count: floatCount }
      recordAudit(db, { action: 'cashSession.opened', userId, subject: `cash-session:${id}`, details, at })
      this.deps.journal?.record('float', { sessionId: id, till: tillCode(tillId), amount: floatAmount, count: floatCount }, { id: userId })
      return id
    })()
    if (opened === null) return err('CASH_SESSION_ALREADY_OPEN', 'This till already has a session not closed')
    return ok(this.view(sessions.findById(opened)!))
  }

  moveCash(userId: number, request: MoveCashRequest): Result<CashMovement, 'CASH_SESSION_NOT_OPEN' | 'VALIDATION_FAILED'> {
    const { db, sessions, tillId } = this.deps
    const note = request.note?.trim() || null
    if (request.reason === 'other' && !note) {
      return err('VALIDATION_FAILED', 'Say what the cash is for', { fields: ['note'] })
    }
    const at = this.deps.now().toISOString()
    const added = db.transaction(() => {
      const session = sessions.current(tillId)
      if (session?.status !== 'open') return null
      const movement = { sessionId: session.id, kind: request.kind, amount: request.amount, reason: request.reason, note, userId, at }
      const movementId = sessions.addMovement(movement)
      const action = request.kind === 'in' ? 'cashSession.cashIn' : 'cashSession.cashOut'
      const details = { amount: request.amount, reason: request.reason, note, sessionId: session.id, currency: this.deps.currency() }
      recordAudit(db, { action, userId, subject: `cash-session:${session.id}`, details, at })
      this.deps.journal?.record(request.kind === 'in' ? 'cash_in' : 'cash_out', {
        sessionId: session.id,
        till: tillCode(tillId),
        amount: request.amount,
        reason: request.reason,
        note,
      }, { id: userId })
      return { sessionId: session.id, movementId }
    })()
    if (added === null) return this.notOpen()
    return ok(toMovement(sessions.movements(added.sessionId).find((movement) => movement.id === added.movementId)!))
  }

  /**
   * The X report: the open session's sums now, by payment mode, its refunds and cash movements, and
   * the expected cash for an administrator (a cashier's report leaves it out, so the closing count
   * stays blind). Reading it writes nothing.
   */
  xReport(role: UserRole): Result<XReport, 'CASH_SESSION_NOT_OPEN'> {
    const record = this.deps.sessions.current(this.deps.tillId)
    if (!record) return this.notOpen()
    const movements = this.deps.sessions.movements(record.id)
    const cashIn = sum(movements, 'in')
    const cashOut = sum(movements, 'out')
    const expected = expectedCash({ ...record, cashIn, cashOut })
    return ok({
      session: this.view(record),
      at: this.deps.now().toISOString(),
      currency: this.deps.currency(),
      sales: { count: record.salesCount, cash: record.cashSales, card: record.cardSales, total: record.cashSales + record.cardSales },
      refunds: {
        count: record.refundsCount,
        cash: record.cashRefunds,
        card: record.cardRefunds,
        total: record.cashRefunds + record.cardRefunds,
      },
      movements: movements.map(toMovement),
      cashIn,
      cashOut,
      expectedCash: role === 'admin' || record.status !== 'open' ? expected : null,
    })
  }

  /**
   * The blind closing count: recorded with the expected cash at this moment; from then on the
   * session takes no sale and no movement, and its answer shows the expected cash and the difference.
   */
  submitCount(userId: number, count: DenominationCount[]): Result<CashSession, 'CASH_SESSION_NOT_OPEN' | 'INVALID_TRANSITION'> {
    const { db, sessions, tillId } = this.deps
    const counted = normalizedCount(count)
    const countedAmount = countTotal(counted)
    const at = this.deps.now().toISOString()
    const outcome = db.transaction(() => {
      const session = sessions.current(tillId)
      if (!session) return 'none' as const
      if (session.status !== 'open') return 'counted' as const
      const movements = sessions.movements(session.id)
      const expected = expectedCash({ ...session, cashIn: sum(movements, 'in'), cashOut: sum(movements, 'out') })
      sessions.recordCount(session.id, userId, counted, countedAmount, expected, at)
      const details = { counted: countedAmount, expected, difference: countedAmount - expected, sessionId: session.id, currency: this.deps.currency(), count: counted }
      recordAudit(db, { action: 'cashSession.counted', userId, subject: `cash-session:${session.id}`, details, at })
      return session.id
    })()
    if (outcome === 'none') return this.notOpen()
    if (outcome === 'counted') return err('INVALID_TRANSITION', 'The closing count was already submitted: confirm it')
    return ok(this.view(sessions.findById(outcome)!))
  }

  /**
   * Confirms the difference and closes the session. Above the threshold a cashier needs an
   * administrator's PIN on the spot (an administrator confirms their own closing).
   */
  confirmClose(
    requester: { userId: number; role: UserRole },
    approval: { userId: number; pin: string } | undefined,
    checkApprover: ApproverCheck,
  ): Result<CashSession, 'CASH_SESSION_NOT_OPEN' | 'INVALID_TRANSITION' | 'CASH_DIFFERENCE_APPROVAL_REQUIRED' | 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'FORBIDDEN'> {
    const { db, sessions, tillId } = this.deps
    const session = sessions.current(tillId)
    if (!session) return this.notOpen()
    if (session.status !== 'counting') return err('INVALID_TRANSITION', 'Submit the closing count first')
    const difference = session.countedAmount! - session.expectedAmount!
    const threshold = this.settings().differenceApprovalThreshold
    let approverId: number | null = null
    if (differenceNeedsApproval(difference, threshold)) {
      if (requester.role === 'admin') approverId = requester.userId
      else {
        if (!approval) {
          return err('CASH_DIFFERENCE_APPROVAL_REQUIRED', 'A difference this large needs an administrator', { difference, threshold })
        }
        // Checked before the transaction: a wrong PIN stays counted even though nothing changes.
        const approver = checkApprover(approval.userId, approval.pin)
        if (!approver.ok) return approver
        approverId = approver.value.userId
      }
    }
    const at = this.deps.now().toISOString()
    const closed = db.transaction(() => {
      if (!sessions.close(session.id, requester.userId, approverId, at)) return false
      const movements = sessions.movements(session.id)
      const figures = {
        counted: session.countedAmount!,
        expected: session.expectedAmount!,
        difference,
        approvedBy: approverId,
        sessionId: session.id,
        till: tillCode(tillId),
        openedAt: session.openedAt,
        floatAmount: session.floatAmount,
        cashSales: session.cashSales,
        cardSales: session.cardSales,
        cashRefunds: session.cashRefunds,
        cardRefunds: session.cardRefunds,
        cashIn: sum(movements, 'in'),
        cashOut: sum(movements, 'out'),
      }
      recordAudit(db, { action: 'cashSession.closed', userId: requester.userId, subject: `cash-session:${session.id}`, details: { ...figures, currency: this.deps.currency() }, at })
      this.deps.journal?.record('session_close', { ...figures, count: session.countedCount }, { id: requester.userId })
      return true
    })()
    if (!closed) return err('INVALID_TRANSITION', 'This session was closed in the meantime')
    return ok(this.view(sessions.findById(session.id)!))
  }

  private notOpen(): Result<never, 'CASH_SESSION_NOT_OPEN'> {
    return err('CASH_SESSION_NOT_OPEN', 'The till has no open session')
  }

  private view(record: CashSessionRecord): CashSession {
    const timeZone = this.deps.timeZone()
    const threshold = this.settings().differenceApprovalThreshold
    const counted = record.countedAt !== null && record.countedAmount !== null && record.expectedAmount !== null
    return {
      id: record.id,
      tillId: record.tillId,
      till: tillCode(record.tillId),
      status: record.status,
      openedAt: record.openedAt,
      openedBy: record.openedBy,
      floatAmount: record.floatAmount,
      floatCount: record.floatCount,
      leftOpenFromEarlierDay: record.status !== 'closed' && shopDay(record.openedAt, timeZone) < shopDay(this.deps.now(), timeZone),
      closing: counted
        ? {
            countedAmount: record.countedAmount!,
            count: record.countedCount ?? [],
            expectedCash: record.expectedAmount!,
            difference: record.countedAmount! - record.expectedAmount!,
            approvalThreshold: threshold,
            needsApproval: differenceNeedsApproval(record.countedAmount! - record.expectedAmount!, threshold),
            countedAt: record.countedAt!,
            countedBy: record.countedBy ?? '',
            closedAt: record.closedAt,
            closedBy: record.closedBy,
            approvedBy: record.approvedBy,
          }
        : null,
    }
  }
}

function sum(movements: readonly CashMovementRecord[], kind: CashMovementKind): number {
  return movements.reduce((total, movement) => (movement.kind === kind ? total + movement.amount : total), 0)
}

function toMovement(record: CashMovementRecord): CashMovement {
  return {
    id: record.id,
    kind: record.kind,
    amount: record.amount,
    reason: record.reason,
    note: record.note,
    userName: record.userName,
    at: record.at,
  }
}
