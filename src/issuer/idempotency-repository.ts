import type { SqliteDatabase } from '../platform/sqlite/open-database'

export interface IdempotencyRecord {
  requestHash: Buffer
  authorizationId: number
  responseJson: string
}

interface IdempotencyRow {
  request_hash: Buffer
  authorization_id: number
  response_json: string
}

/**
 * The first answer given for each (merchant, idempotency key). The primary key makes a second
 * insert for the same key fail, so two requests can never both place a hold.
 */
export class IdempotencyRepository {
  private readonly findRow
  private readonly insertRow
  private readonly releaseRows

  constructor(db: SqliteDatabase) {
    this.findRow = db.prepare<[string, string], IdempotencyRow>(`
      SELECT request_hash, authorization_id, response_json FROM idempotency_keys
      WHERE merchant_id = ? AND idempotency_key = ?`)
    this.insertRow = db.prepare<[string, string, Buffer, number, string, string]>(`
      INSERT INTO idempotency_keys (merchant_id, idempotency_key, request_hash, authorization_id, response_json, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`)
    this.releaseRows = db.prepare<[number]>(
      'DELETE FROM idempotency_keys WHERE authorization_id = ?',
    )
  }

  find(merchantId: string, key: string): IdempotencyRecord | null {
    const row = this.findRow.get(merchantId, key)
    return row
      ? {
          requestHash: row.request_hash,
          authorizationId: row.authorization_id,
          responseJson: row.response_json,
        }
      : null
  }

  insert(merchantId: string, key: string, record: IdempotencyRecord, at: string): void {
    this.insertRow.run(
      merchantId,
      key,
      record.requestHash,
      record.authorizationId,
      record.responseJson,
      at,
    )
  }

  /** A reversed authorization no longer answers for its key: a retry is decided afresh. */
  releaseForAuthorization(authorizationId: number): void {
    this.releaseRows.run(authorizationId)
  }
}
