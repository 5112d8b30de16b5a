import type { ResponseCode } from '@shared/cards/response-codes'
import type { SqliteDatabase } from '../platform/sqlite/open-database'

export interface FollowUpKey {
  merchantId: string
  terminalId: string
  traceNumber: string
}

export interface FollowUpAnswer extends FollowUpKey {
  messageType: '0400' | '0220' | '0200'
  originalTraceNumber: string
  amount: number
  responseCode: ResponseCode
}

interface AnswerRow {
  message_type: FollowUpAnswer['messageType']
  original_trace_number: string
  amount: number
  response_code: ResponseCode
}

/** The answer stored per follow-up trace number, replayed when the same message comes again. */
export class FollowUpAnswerRepository {
  private readonly byKey
  private readonly insertRow

  constructor(db: SqliteDatabase) {
    this.byKey = db.prepare<[string, string, string], AnswerRow>(
      `SELECT message_type, original_trace_number, amount, response_code FROM follow_up_answers
        WHERE merchant_id = ? AND terminal_id = ? AND trace_number = ?`,
    )
    this.insertRow = db.prepare(`
      INSERT OR IGNORE INTO follow_up_answers (merchant_id, terminal_id, trace_number, message_type,
        original_trace_number, amount, response_code, answered_at)
      VALUES (@merchantId, @terminalId, @traceNumber, @messageType, @originalTraceNumber, @amount,
        @responseCode, @at)`)
  }

  find(key: FollowUpKey): Omit<FollowUpAnswer, keyof FollowUpKey> | null {
    const row = this.byKey.get(key.merchantId, key.terminalId, key.traceNumber)
    return row
      ? {
          messageType: row.message_type,
          originalTraceNumber: row.original_trace_number,
          amount: row.amount,
          responseCode: row.response_code,
        }
      : null
  }

  record(answer: FollowUpAnswer, at: string): void {
    this.insertRow.run({ ...answer, at })
  }
}
