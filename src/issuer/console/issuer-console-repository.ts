import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { AccountStatus } from '../issuer-account'
import { toEntry, type JournalEntry, type JournalRow } from '../journal-repository'

/** The account terms an operator may change from the console; money goes through the ledger. */
export interface AccountTerms {
  creditLimit: number
  overdraft: number
  perTransactionLimit: number
  dailyLimit: number
  expiryMonth: number
  expiryYear: number
  status: AccountStatus
}

/**
 * The issuer console's reads and writes on the issuer's own database: the journal page by page,
 * open holds per account, and an account's terms. Balances are not written here.
 */
export class IssuerConsoleRepository {
  private readonly statements

  constructor(db: SqliteDatabase) {
    this.statements = {
      journalPage: db.prepare<[number, number, number], JournalRow>(
        'SELECT * FROM journal WHERE account_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
      ),
      openHoldCounts: db.prepare<[], { account_id: number; count: number }>(
        "SELECT account_id, count(*) AS count FROM authorizations WHERE state = 'held' GROUP BY account_id",
      ),
      setTerms: db.prepare(
        `UPDATE accounts SET credit_limit = @creditLimit, overdraft = @overdraft,
           per_transaction_limit = @perTransactionLimit, daily_limit = @dailyLimit,
           expiry_month = @expiryMonth, expiry_year = @expiryYear, status = @status
         WHERE id = @accountId`,
      ),
    }
  }

  /** Movements of one account older than `beforeId` (all when null), newest first. */
  journalPage(accountId: number, beforeId: number | null, limit: number): JournalEntry[] {
    return this.statements.journalPage
      .all(accountId, beforeId ?? Number.MAX_SAFE_INTEGER, limit)
      .map(toEntry)
  }

  /** How many authorizations still hold money, per account id. */
  openHoldCounts(): Map<number, number> {
    return new Map(this.statements.openHoldCounts.all().map((row) => [row.account_id, row.count]))
  }

  setTerms(accountId: number, terms: AccountTerms): void {
    this.statements.setTerms.run({ accountId, ...terms })
  }
}
