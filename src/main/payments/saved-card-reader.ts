import type { RoutingBrand } from '@shared/cards/card-brand'
import type { Result } from '@shared/contract/result'

/** What a stored-credential payment needs from the vault: never a security code. */
export interface StoredCardForPayment {
  pan: string
  expiryMonth: number
  expiryYear: number
  brand: RoutingBrand
}

/** Implemented by the card vault; the payment service only reads a card back by its token. */
export interface SavedCardReader {
  readForPayment(token: string): Promise<Result<StoredCardForPayment>>
}
