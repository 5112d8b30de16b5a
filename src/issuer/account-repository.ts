import type { SqliteDatabase } from '../platform/sqlite/open-database'
import type { AccountKind, AccountStatus, IssuerAccount } from './issuer-account'

interface AccountRow {
  id: number
  last_four: string
  holder_name: string
  expiry_month: number
  expiry_year: number
  security_code_hash: Buffer
  kind: AccountKind
  credit_limit: number
  overdraft: number
  per_transaction_limit: number
  daily_limit: number
  status: AccountStatus
  currency: string
  simulated_fault: '96' | null
  balance: number
  held: number
}

export interface AccountRecord extends IssuerAccount {
  securityCodeHash: Buffer
}

export interface NewAccountRecord {
  panHash: Buffer
  lastFour: string
  holderName: string
  expiryMonth: number
  expiryYear: number
  securityCodeHash: Buffer
  kind: AccountKind
  creditLimit: number
  overdraft: number
  perTransactionLimit: number
  dailyLimit: number
  status: AccountStatus
  currency: string
  simulatedFault: '96' | null
  createdAt: string
}

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    lastFour: row.last_four,
    holderName: row.holder_name,
    expiryMonth: row.expiry_month,
    expiryYear: row.expiry_year,
    securityCodeHash: row.security_code_hash,
    kind: row.kind,
    creditLimit: row.credit_limit,
    overdraft: row.overdraft,
    perTransactionLimit: row.per_transaction_limit,
    dailyLimit: row.daily_limit,
    status: row.status,
    currency: row.currency,
    simulatedFault: row.simulated_fault,
    balance: row.balance,
    held: row.held,
  }
}

const COLUMNS = `id, last_four, holder_name, expiry_month, expiry_year, security_code_hash, kind,
  credit_limit, overdraft, per_transaction_limit, daily_limit, status, currency, simulated_fault,
  balance, held`

/** Cardholder accounts. Balance and held are written only by the ledger, with a journal row. */
export class AccountRepository {
  private readonly byPanHash
  private readonly byId
  private readonly all
  private readonly insertRow
  private readonly moveRow
  private readonly statusRow

  constructor(db: SqliteDatabase) {
    this.byPanHash = db.prepare<[Buffer], AccountRow>(
      `SELECT ${COLUMNS} FROM accounts WHERE pan_hash = ?`,
    )
    this.byId = db.prepare<[number], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`)
    this.all = db.prepare<[], AccountRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY id`)
    this.insertRow = db.prepare(`
      INSERT INTO accounts (pan_hash, last_four, holder_name, expiry_month, expiry_year,
        security_code_hash, kind, credit_limit, overdraft, per_transaction_limit, daily_limit,
        status, currency, simulated_fault, created_at)
      VALUES (@panHash, @lastFour, @holderName, @expiryMonth, @expiryYear, @securityCodeHash,
        @kind, @creditLimit, @overdraft, @perTransactionLimit, @dailyLimit, @status, @currency,
        @simulatedFault, @createdAt)`)
    this.moveRow = db.prepare<[number, number, number]>(
      'UPDATE accounts SET balance = balance + ?, held = held + ? WHERE id = ?',
    )
    this.statusRow = db.prepare<[AccountStatus, number]>(
      'UPDATE accounts SET status = ? WHERE id = ?',
    )
  }

  findByPanHash(panHash: Buffer): AccountRecord | null {
    const row = this.byPanHash.get(panHash)
    return row ? toAccount(row) : null
  }

  findById(id: number): AccountRecord | null {
    const row = this.byId.get(id)
    return row ? toAccount(row) : null
  }

  list(): AccountRecord[] {
    return this.all.all().map(toAccount)
  }

  insert(account: NewAccountRecord): number {
    return Number(this.insertRow.run(account).lastInsertRowid)
  }

  /** Only for the ledger, inside its transaction, next to the journal row it writes. */
  applyMovement(accountId: number, balanceDelta: number, heldDelta: number): void {
    this.moveRow.run(balanceDelta, heldDelta, accountId)
  }

  setStatus(accountId: number, status: AccountStatus): void {
    this.statusRow.run(status, accountId)
  }
}
