import {
  ADMINISTRATION_ERROR_CODES,
  err,
  ok,
  type IssuerAccountView,
  type Err,
  type IssuerFaultsView,
  type Result,
} from '@shared/contract'
import type { AccountRecord } from '../account-repository'
import { availableFunds, type AccountStatus } from '../issuer-account'
import type { IssuerRepositories } from '../issuer-repositories'
import type { IssuerSimulator } from '../issuer-simulator'
import type { JournalEntry } from '../journal-repository'
import { IssuerConsoleRepository } from './issuer-console-repository'

export interface AccountUpdate {
  accountId: number
  balance?: number
  creditLimit?: number
  overdraft?: number
  perTransactionLimit?: number
  dailyLimit?: number
  expiryMonth?: number
  expiryYear?: number
  status?: AccountStatus
}

export interface JournalPage {
  account: IssuerAccountView
  entries: JournalEntry[]
  nextCursor: number | null
}

/** Thrown inside a transaction to roll it back and hand the error value out. */
class Refusal {
  constructor(readonly result: Err<'NOT_FOUND' | 'ACCOUNT_CHANGE_REFUSED'>) {}
}

/**
 * The simulator's own screens: the issuer's accounts, their journals and the fault settings.
 * It works on the issuer's database and repositories only, never on the merchant's, as a
 * back-office of the bank would. A balance change is an `adjustment` in the journal, written by
 * the ledger with the cached balance, so balances stay derivable from the journal.
 */
export class IssuerConsole {
  private readonly console: IssuerConsoleRepository

  constructor(
    private readonly repositories: IssuerRepositories,
    private readonly simulator: IssuerSimulator,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.console = new IssuerConsoleRepository(repositories.db)
  }

  accounts(): IssuerAccountView[] {
    const holds = this.console.openHoldCounts()
    return this.repositories.accounts
      .list()
      .map((account) => toView(account, holds.get(account.id) ?? 0))
  }

  journal(accountId: number, cursor: number | null, limit: number): Result<JournalPage, 'NOT_FOUND'> {
    const account = this.account(accountId)
    if (!account.ok) return account
    const page = this.console.journalPage(accountId, cursor, limit + 1)
    const entries = page.slice(0, limit)
    const nextCursor = page.length > limit ? (entries[entries.length - 1]?.id ?? null) : null
    return ok({ account: account.value, entries, nextCursor })
  }

  updateAccount(update: AccountUpdate): Result<IssuerAccountView, 'NOT_FOUND' | 'ACCOUNT_CHANGE_REFUSED'> {
    const { db, accounts, ledger } = this.repositories
    try {
      db.transaction(() => {
        const account = accounts.findById(update.accountId)
        if (!account)
          throw new Refusal(
            err('NOT_FOUND', 'There is no such account', { accountId: update.accountId }),
          )
        if (account.kind === 'debit' && update.creditLimit !== undefined) {
          throw refused('A debit account has no credit limit (set its overdraft)', 'creditLimit')
        }
        if (account.kind === 'credit' && update.overdraft !== undefined) {
          throw refused('A credit account has no overdraft (set its credit limit)', 'overdraft')
        }
        this.console.setTerms(account.id, {
          creditLimit: update.creditLimit ?? account.creditLimit,
          overdraft: update.overdraft ?? account.overdraft,
          perTransactionLimit: update.perTransactionLimit ?? account.perTransactionLimit,
          dailyLimit: update.dailyLimit ?? account.dailyLimit,
          expiryMonth: update.expiryMonth ?? account.expiryMonth,
          expiryYear: update.expiryYear ?? account.expiryYear,
          status: update.status ?? account.status,
        })
        const delta = update.balance === undefined ? 0 : update.balance - account.balance
        if (delta !== 0) ledger.adjust(account.id, delta, this.now().toISOString())
      })()
    } catch (error) {
      if (error instanceof Refusal) return error.result
      throw error
    }
    return this.account(update.accountId)
  }

  faults(): IssuerFaultsView {
    const { latencyMs, share91, share96, silentShare } = this.simulator.currentFaults()
    return { latencyMs, share91, share96, silentShare }
  }

  /** Applies to every message type; per-message overrides are for tests, not for the console. */
  setFaults(faults: IssuerFaultsView): IssuerFaultsView {
    this.simulator.setFaults(faults)
    return this.faults()
  }

  private account(accountId: number): Result<IssuerAccountView, 'NOT_FOUND'> {
    const account = this.repositories.accounts.findById(accountId)
    if (!account) return err('NOT_FOUND', 'There is no such account', { accountId })
    const holds = this.repositories.authorizations.openHolds(accountId).length
    return ok(toView(account, holds))
  }
}

function refused(message: string, field: string): Refusal {
  return new Refusal(err(ADMINISTRATION_ERROR_CODES.accountChangeRefused, message, { field }))
}

function toView(account: AccountRecord, openHolds: number): IssuerAccountView {
  return {
    id: account.id,
    lastFour: account.lastFour,
    maskedCard: `•••• ${account.lastFour}`,
    holderName: account.holderName,
    kind: account.kind,
    status: account.status,
    expiryMonth: account.expiryMonth,
    expiryYear: account.expiryYear,
    currency: account.currency,
    balance: account.balance,
    creditLimit: account.creditLimit,
    overdraft: account.overdraft,
    held: account.held,
    openHolds,
    available: availableFunds(account),
    perTransactionLimit: account.perTransactionLimit,
    dailyLimit: account.dailyLimit,
  }
}
