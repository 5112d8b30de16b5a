import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { CardNetwork } from '@shared/cards/card-brand'

/** A saved card row: the number only as AES-256-GCM ciphertext, plus a keyed fingerprint. */
export interface SavedCardRecord {
  id: number
  token: string
  customerReference: string | null
  network: CardNetwork
  coBadgedCb: boolean
  bin: string
  lastFour: string
  panLength: number
  expiryMonth: number
  expiryYear: number
  holderName: string
  panCiphertext: Buffer
  panIv: Buffer
  panTag: Buffer
  keyId: string
  fingerprint: Buffer
  consentAt: string
  createdAt: string
  lastUsedAt: string | null
}

interface SavedCardRow {
  id: number
  token: string
  customer_reference: string | null
  network: CardNetwork
  co_badged_cb: number
  bin: string
  last_four: string
  pan_length: number
  expiry_month: number
  expiry_year: number
  holder_name: string
  pan_ciphertext: Buffer
  pan_iv: Buffer
  pan_tag: Buffer
  key_id: string
  fingerprint: Buffer
  consent_at: string
  created_at: string
  last_used_at: string | null
}

function toRecord(row: SavedCardRow): SavedCardRecord {
  return {
    id: row.id,
    token: row.token,
    customerReference: row.customer_reference,
    network: row.network,
    coBadgedCb: row.co_badged_cb === 1,
    bin: row.bin,
    lastFour: row.last_four,
    panLength: row.pan_length,
    expiryMonth: row.expiry_month,
    expiryYear: row.expiry_year,
    holderName: row.holder_name,
    panCiphertext: row.pan_ciphertext,
    panIv: row.pan_iv,
    panTag: row.pan_tag,
    keyId: row.key_id,
    fingerprint: row.fingerprint,
    consentAt: row.consent_at,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }
}

export class SavedCardRepository {
  private readonly insertRow
  private readonly byToken
  private readonly byFingerprint
  private readonly all
  private readonly forCustomer
  private readonly touchRow
  private readonly deleteRow

  constructor(db: SqliteDatabase) {
    this.insertRow = db.prepare(`
      INSERT INTO saved_cards (token, customer_reference, network, co_badged_cb, bin, last_four,
        pan_length, expiry_month, expiry_year, holder_name, pan_ciphertext, pan_iv, pan_tag, key_id,
        fingerprint, consent_at, created_at)
      VALUES (@token, @customerReference, @network, @coBadgedCb, @bin, @lastFour, @panLength,
        @expiryMonth, @expiryYear, @holderName, @panCiphertext, @panIv, @panTag, @keyId,
        @fingerprint, @consentAt, @createdAt)`)
    this.byToken = db.prepare<[string], SavedCardRow>('SELECT * FROM saved_cards WHERE token = ?')
    this.byFingerprint = db.prepare<[Buffer], SavedCardRow>(
      'SELECT * FROM saved_cards WHERE fingerprint = ?',
    )
    this.all = db.prepare<[], SavedCardRow>('SELECT * FROM saved_cards ORDER BY id')
    this.forCustomer = db.prepare<[string], SavedCardRow>(
      'SELECT * FROM saved_cards WHERE customer_reference = ? ORDER BY id',
    )
    this.touchRow = db.prepare<[string, string]>(
      'UPDATE saved_cards SET last_used_at = ? WHERE token = ?',
    )
    this.deleteRow = db.prepare<[string]>('DELETE FROM saved_cards WHERE token = ?')
  }

  insert(card: Omit<SavedCardRecord, 'id' | 'lastUsedAt'>): void {
    this.insertRow.run({ ...card, coBadgedCb: card.coBadgedCb ? 1 : 0 })
  }

  findByToken(token: string): SavedCardRecord | null {
    const row = this.byToken.get(token)
    return row ? toRecord(row) : null
  }

  findByFingerprint(fingerprint: Buffer): SavedCardRecord | null {
    const row = this.byFingerprint.get(fingerprint)
    return row ? toRecord(row) : null
  }

  list(customerReference?: string): SavedCardRecord[] {
    const rows =
      customerReference === undefined ? this.all.all() : this.forCustomer.all(customerReference)
    return rows.map(toRecord)
  }

  markUsed(token: string, at: string): void {
    this.touchRow.run(at, token)
  }

  /** Deletes the row; with WAL and `secure_delete` left to the database settings. */
  remove(token: string): boolean {
    return this.deleteRow.run(token).changes === 1
  }
}
