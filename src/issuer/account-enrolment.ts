import type { CardHasher } from './card-hasher'
import type { AccountKind, AccountStatus } from './issuer-account'
import type { IssuerRepositories } from './issuer-repositories'

/** A card the issuer is asked to open an account for. The number and code are hashed at once. */
export interface CardEnrolment {
  pan: string
  securityCode: string
  holderName: string
  expiryMonth: number
  expiryYear: number
  kind: AccountKind
  creditLimit?: number
  overdraft?: number
  /** Debit: money in the account. Credit: amount already owed. */
  openingBalance?: number
  perTransactionLimit: number
  dailyLimit: number
  status?: AccountStatus
  currency?: string
  simulatedFault?: '96' | null
}

/**
 * Opens an account and writes its opening balance to the journal in one transaction. Returns the
 * account id; only the keyed hashes and the last four digits are stored.
 */
export function enrolCard(
  repositories: IssuerRepositories,
  hasher: CardHasher,
  card: CardEnrolment,
  now: Date,
): number {
  const at = now.toISOString()
  return repositories.db.transaction(() => {
    const id = repositories.accounts.insert({
      panHash: hasher.panHash(card.pan),
      lastFour: card.pan.slice(-4),
      holderName: card.holderName,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      securityCodeHash: hasher.securityCodeHash(card.pan, card.securityCode),
      kind: card.kind,
      creditLimit: card.creditLimit ?? 0,
      overdraft: card.overdraft ?? 0,
      perTransactionLimit: card.perTransactionLimit,
      dailyLimit: card.dailyLimit,
      status: card.status ?? 'active',
      currency: card.currency ?? 'EUR',
      simulatedFault: card.simulatedFault ?? null,
      createdAt: at,
    })
    if (card.openingBalance) repositories.ledger.open(id, card.openingBalance, at)
    return id
  })()
}
