import type { SqliteDatabase } from '../platform/sqlite/open-database'
import { AccountRepository } from './account-repository'
import { AuthorizationRepository } from './authorization-repository'
import { FollowUpAnswerRepository } from './follow-up-answer-repository'
import { IdempotencyRepository } from './idempotency-repository'
import { IssuerLedger } from './issuer-ledger'
import { JournalRepository } from './journal-repository'

/** The issuer's repositories over its own database file, built once. */
export interface IssuerRepositories {
  db: SqliteDatabase
  accounts: AccountRepository
  authorizations: AuthorizationRepository
  journal: JournalRepository
  idempotency: IdempotencyRepository
  followUpAnswers: FollowUpAnswerRepository
  ledger: IssuerLedger
}

export function createIssuerRepositories(db: SqliteDatabase): IssuerRepositories {
  const accounts = new AccountRepository(db)
  const journal = new JournalRepository(db)
  return {
    db,
    accounts,
    authorizations: new AuthorizationRepository(db),
    journal,
    idempotency: new IdempotencyRepository(db),
    followUpAnswers: new FollowUpAnswerRepository(db),
    ledger: new IssuerLedger(accounts, journal),
  }
}
