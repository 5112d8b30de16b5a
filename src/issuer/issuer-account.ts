/** A cardholder account as the issuer sees it. Money in minor units of `currency`. */
export type AccountKind = 'credit' | 'debit'
export type AccountStatus = 'active' | 'lost' | 'stolen' | 'blocked' | 'restricted'

export interface IssuerAccount {
  id: number
  lastFour: string
  holderName: string
  expiryMonth: number
  expiryYear: number
  kind: AccountKind
  /** Credit accounts only. */
  creditLimit: number
  /** Debit accounts only: how far below zero the balance may go. */
  overdraft: number
  perTransactionLimit: number
  dailyLimit: number
  status: AccountStatus
  currency: string
  /** Test behaviour: the account answers this code once found (card 0119 answers 96). */
  simulatedFault: '96' | null
  /** Debit: money in the account. Credit: amount owed. */
  balance: number
  /** Sum of open holds. */
  held: number
}

/**
 * What the cardholder can still spend: for credit, limit - balance owed - open holds; for debit,
 * balance + overdraft - open holds.
 */
export function availableFunds(
  account: Pick<IssuerAccount, 'kind' | 'creditLimit' | 'overdraft' | 'balance' | 'held'>,
): number {
  return account.kind === 'credit'
    ? account.creditLimit - account.balance - account.held
    : account.balance + account.overdraft - account.held
}

/**
 * How a purchase of `amount` moves the balance once captured: it adds to what a credit card owes
 * and takes from what a debit account holds. A refund moves it the other way.
 */
export function purchaseBalanceDelta(kind: AccountKind, amount: number): number {
  return kind === 'credit' ? amount : -amount
}
