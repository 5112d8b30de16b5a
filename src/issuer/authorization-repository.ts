import type { SqliteDatabase } from '../platform/sqlite/open-database'
import type { ResponseCode } from '@shared/cards/response-codes'

export type AuthorizationState = 'declined' | 'held' | 'captured' | 'reversed'

export interface AuthorizationRecord {
  id: number
  accountId: number | null
  merchantId: string
  terminalId: string
  traceNumber: string
  amount: number
  currency: string
  responseCode: ResponseCode
  authorizationCode: string | null
  state: AuthorizationState
  capturedAmount: number
  refundedAmount: number
  receivedAt: string
}

export interface NewAuthorization {
  accountId: number | null
  merchantId: string
  terminalId: string
  traceNumber: string
  merchantName: string
  merchantCategoryCode: string
  entryMode: string
  amount: number
  currency: string
  responseCode: ResponseCode
  authorizationCode: string | null
  state: AuthorizationState
  receivedAt: string
}

interface AuthorizationRow {
  id: number
  account_id: number | null
  merchant_id: string
  terminal_id: string
  trace_number: string
  amount: number
  currency: string
  response_code: ResponseCode
  authorization_code: string | null
  state: AuthorizationState
  captured_amount: number
  refunded_amount: number
  received_at: string
}

function toAuthorization(row: AuthorizationRow): AuthorizationRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    merchantId: row.merchant_id,
    terminalId: row.terminal_id,
    traceNumber: row.trace_number,
    amount: row.amount,
    currency: row.currency,
    responseCode: row.response_code,
    authorizationCode: row.authorization_code,
    state: row.state,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    receivedAt: row.received_at,
  }
}

const COLUMNS = `id, account_id, merchant_id, terminal_id, trace_number, amount, currency,
  response_code, authorization_code, state, captured_amount, refunded_amount, received_at`

/** Authorization decisions and the transmissions (trace numbers) the issuer has taken. */
export class AuthorizationRepository {
  private readonly insertTransmission
  private readonly insertRow
  private readonly byTrace
  private readonly setStateRow
  private readonly captureRow
  private readonly refundRow
  private readonly attemptsSince
  private readonly approvedSince
  private readonly heldForAccount
  private readonly transmissionByTrace

  constructor(db: SqliteDatabase) {
    this.insertTransmission = db.prepare<[string, string, string, string, string]>(`
      INSERT OR IGNORE INTO transmissions (merchant_id, terminal_id, trace_number, message_type, received_at)
      VALUES (?, ?, ?, ?, ?)`)
    this.insertRow = db.prepare(`
      INSERT INTO authorizations (account_id, merchant_id, terminal_id, trace_number, merchant_name,
        merchant_category_code, entry_mode, amount, currency, response_code, authorization_code,
        state, received_at)
      VALUES (@accountId, @merchantId, @terminalId, @traceNumber, @merchantName,
        @merchantCategoryCode, @entryMode, @amount, @currency, @responseCode, @authorizationCode,
        @state, @receivedAt)`)
    this.byTrace = db.prepare<[string, string, string], AuthorizationRow>(
      `SELECT ${COLUMNS} FROM authorizations WHERE merchant_id = ? AND terminal_id = ? AND trace_number = ?`,
    )
    this.setStateRow = db.prepare<[AuthorizationState, number]>(
      'UPDATE authorizations SET state = ? WHERE id = ?',
    )
    this.captureRow = db.prepare<[number, number]>(
      "UPDATE authorizations SET state = 'captured', captured_amount = ? WHERE id = ?",
    )
    this.refundRow = db.prepare<[number, number]>(
      'UPDATE authorizations SET refunded_amount = refunded_amount + ? WHERE id = ?',
    )
    this.attemptsSince = db.prepare<[number, string], { count: number }>(
      'SELECT count(*) AS count FROM authorizations WHERE account_id = ? AND received_at >= ?',
    )
    this.approvedSince = db.prepare<[number, string], { total: number }>(`
      SELECT coalesce(sum(CASE state WHEN 'held' THEN amount ELSE captured_amount END), 0) AS total
      FROM authorizations
      WHERE account_id = ? AND received_at >= ? AND state IN ('held', 'captured')`)
    this.transmissionByTrace = db.prepare<[string, string, string], { message_type: string }>(
      'SELECT message_type FROM transmissions WHERE merchant_id = ? AND terminal_id = ? AND trace_number = ?',
    )
    this.heldForAccount = db.prepare<[number], AuthorizationRow>(
      `SELECT ${COLUMNS} FROM authorizations WHERE account_id = ? AND state = 'held' ORDER BY id`,
    )
  }

  /** Takes a trace number; false when this merchant and terminal already used it (94). */
  recordTransmission(
    merchantId: string,
    terminalId: string,
    traceNumber: string,
    messageType: string,
    at: string,
  ): boolean {
    return (
      this.insertTransmission.run(merchantId, terminalId, traceNumber, messageType, at).changes ===
      1
    )
  }

  /** The message type that took this trace number, or null when it is still free. */
  transmissionType(merchantId: string, terminalId: string, traceNumber: string): string | null {
    return this.transmissionByTrace.get(merchantId, terminalId, traceNumber)?.message_type ?? null
  }

  insert(authorization: NewAuthorization): number {
    return Number(this.insertRow.run(authorization).lastInsertRowid)
  }

  findByTrace(
    merchantId: string,
    terminalId: string,
    traceNumber: string,
  ): AuthorizationRecord | null {
    const row = this.byTrace.get(merchantId, terminalId, traceNumber)
    return row ? toAuthorization(row) : null
  }

  setState(id: number, state: AuthorizationState): void {
    this.setStateRow.run(state, id)
  }

  markCaptured(id: number, capturedAmount: number): void {
    this.captureRow.run(capturedAmount, id)
  }

  addRefund(id: number, amount: number): void {
    this.refundRow.run(amount, id)
  }

  /** Every authorization request for the account since `since`, approved or not (velocity). */
  countAttemptsSince(accountId: number, since: string): number {
    return this.attemptsSince.get(accountId, since)?.count ?? 0
  }

  /** Amount approved and not reversed since `since` (daily limit). */
  approvedAmountSince(accountId: number, since: string): number {
    return this.approvedSince.get(accountId, since)?.total ?? 0
  }

  openHolds(accountId: number): AuthorizationRecord[] {
    return this.heldForAccount.all(accountId).map(toAuthorization)
  }
}
