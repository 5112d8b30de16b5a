import type { CardNetwork, RoutingBrand } from '@shared/cards/card-brand'
import type { AuthorizationRequest } from '@shared/issuer-protocol/issuer-protocol'
import type { EntryMode } from './payment-attempt-repository'
import type { MerchantProfile } from './payment-settings'

export interface CardData {
  pan: string
  expiryMonth: number
  expiryYear: number
  /** Absent on a stored-credential payment: a saved card never has its code. */
  securityCode?: string
  brand: RoutingBrand
  /** The network of the number, read once: where the card was checked, or when it was saved. */
  network: CardNetwork
  entryMode: EntryMode
}

/**
 * Builds the 0100 message: who asks (merchant, name, city, country, terminal, category), which
 * transmission (trace number, time), how much, with which card, under which idempotency key.
 */
export function buildAuthorizationRequest(
  merchant: MerchantProfile,
  card: CardData,
  payment: {
    amount: number
    currency: string
    traceNumber: string
    idempotencyKey: string
    at: Date
  },
): AuthorizationRequest {
  return {
    messageType: '0100',
    merchantId: merchant.merchantId,
    terminalId: merchant.terminalId,
    traceNumber: payment.traceNumber,
    transmissionTime: payment.at.toISOString(),
    merchantName: merchant.name.slice(0, 40),
    merchantCity: merchant.city.slice(0, 13),
    merchantCountry: merchant.country,
    merchantCategoryCode: merchant.categoryCode,
    amount: payment.amount,
    currency: payment.currency,
    pan: card.pan,
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
    ...(card.securityCode !== undefined ? { securityCode: card.securityCode } : {}),
    entryMode: card.entryMode,
    brand: card.brand,
    idempotencyKey: payment.idempotencyKey,
  }
}
