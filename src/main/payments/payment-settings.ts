/** The merchant and terminal as the issuer sees them in every authorization request. */
export interface MerchantProfile {
  /** ISO 8583 field 42, card acceptor identification. */
  merchantId: string
  /** Field 43: name, city and country. */
  name: string
  city: string
  country: string
  /** Field 41. */
  terminalId: string
  /** Field 18, merchant category code (5411 grocery, 5999 misc. retail...). */
  categoryCode: string
  currency: string
}

export interface ReversalRetryPolicy {
  /** How long one reversal waits for its acknowledgement. */
  callTimeoutMs: number
  /** Pause before the first retry, doubled each time up to `maxDelayMs`. */
  initialDelayMs: number
  maxDelayMs: number
}

/** Issuers must answer within about 10 s at the point of sale (DOMAIN.md §1). */
export const DEFAULT_AUTHORIZATION_TIMEOUT_MS = 10_000

export const DEFAULT_REVERSAL_RETRY: ReversalRetryPolicy = {
  callTimeoutMs: 5_000,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
}
