import type { AccountRepository } from './account-repository'
import type { JournalRepository, Movement } from './journal-repository'
import { purchaseBalanceDelta, type AccountKind } from './issuer-account'

/**
 * The only writer of money movements: each movement is one journal row plus the same deltas on
 * the account's cached balance and holds. Callers run it inside their transaction.
 */
export class IssuerLedger {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly journal: JournalRepository,
  ) {}

  private move(
    accountId: number,
    authorizationId: number | null,
    movement: Movement,
    amount: number,
    balanceDelta: number,
    heldDelta: number,
    at: string,
  ): void {
    this.journal.append({
      accountId,
      authorizationId,
      movement,
      amount,
      balanceDelta,
      heldDelta,
      recordedAt: at,
    })
    this.accounts.applyMovement(accountId, balanceDelta, heldDelta)
  }

  /** The balance an account starts with (debit: money in it; credit: amount already owed). */
  open(accountId: number, balance: number, at: string): void {
    this.move(accountId, null, 'opening', Math.abs(balance), balance, 0, at)
  }

  /** A balance changed by hand from the issuer console, by `balanceDelta`. */
  adjust(accountId: number, balanceDelta: number, at: string): void {
    this.move(accountId, null, 'adjustment', Math.abs(balanceDelta), balanceDelta, 0, at)
  }

  placeHold(accountId: number, authorizationId: number, amount: number, at: string): void {
    this.move(accountId, authorizationId, 'hold', amount, 0, amount, at)
  }

  releaseHold(accountId: number, authorizationId: number, amount: number, at: string): void {
    this.move(accountId, authorizationId, 'release', amount, 0, -amount, at)
  }

  /** Ends the hold of `heldAmount` and books `capturedAmount` (at most the hold) to the balance. */
  capture(
    accountId: number,
    kind: AccountKind,
    authorizationId: number,
    heldAmount: number,
    capturedAmount: number,
    at: string,
  ): void {
    this.move(
      accountId,
      authorizationId,
      'capture',
      capturedAmount,
      purchaseBalanceDelta(kind, capturedAmount),
      -heldAmount,
      at,
    )
  }

  refund(
    accountId: number,
    kind: AccountKind,
    authorizationId: number,
    amount: number,
    at: string,
  ): void {
    this.move(
      accountId,
      authorizationId,
      'refund',
      amount,
      -purchaseBalanceDelta(kind, amount),
      0,
      at,
    )
  }
}
