/** How an order was paid: a card typed at the till, a customer's saved card, or cash. */
export const PAYMENT_METHODS = ['card', 'saved_card', 'cash'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** The card networks the till accepts, told apart by the number's prefix. */
export const CARD_NETWORKS = ['visa', 'mastercard', 'amex'] as const
export type CardNetwork = (typeof CARD_NETWORKS)[number]

/**
 * The brands a card payment is routed through: a network, or Cartes Bancaires, which never shows
 * in the prefix (a CB card is co-badged with Visa or Mastercard and the cardholder may choose).
 */
export const CARD_BRANDS = ['cb', ...CARD_NETWORKS] as const
export type CardBrand = (typeof CARD_BRANDS)[number]

/** How the card reached the issuer: typed at the till, or read back from the vault. */
export const CARD_ENTRY_MODES = ['manual', 'stored-credential'] as const
export type CardEntryMode = (typeof CARD_ENTRY_MODES)[number]

/** What became of one authorization attempt, as the merchant records it. */
export const PAYMENT_ATTEMPT_OUTCOMES = ['pending', 'approved', 'declined', 'timed-out', 'unavailable', 'rejected'] as const
export type PaymentAttemptOutcome = (typeof PAYMENT_ATTEMPT_OUTCOMES)[number]

/** Where the release of an authorization's hold stands. */
export const REVERSAL_STATUSES = ['none', 'pending', 'acknowledged', 'refused'] as const
export type ReversalStatus = (typeof REVERSAL_STATUSES)[number]

/** How the merchant reaches the issuer. */
export const ISSUER_TRANSPORTS = ['in-process', 'https'] as const
export type IssuerTransport = (typeof ISSUER_TRANSPORTS)[number]

/** What the issuer holds for an authorization. */
export const AUTHORIZATION_STATES = ['held', 'captured', 'released', 'declined', 'unknown'] as const
export type AuthorizationState = (typeof AUTHORIZATION_STATES)[number]
