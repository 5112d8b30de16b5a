import type { CardBrand, CardNetwork } from '@shared/domain/payment'

export type { CardNetwork } from '@shared/domain/payment'

/**
 * The brand a payment is routed through. Cartes Bancaires is never visible in the prefix: a CB
 * card is always co-badged with Visa or Mastercard and the cardholder may choose (EU 2015/751).
 */
export type RoutingBrand = CardBrand

export interface NetworkRule {
  network: CardNetwork
  label: string
  lengths: readonly number[]
  securityCodeLength: number
  /** Digit groups for display, e.g. 4-6-5 for Amex. */
  groups: readonly number[]
}

export const NETWORK_RULES: Readonly<Record<CardNetwork, NetworkRule>> = {
  visa: {
    network: 'visa',
    label: 'Visa',
    lengths: [13, 16, 19],
    securityCodeLength: 3,
    groups: [4, 4, 4, 4, 3],
  },
  mastercard: {
    network: 'mastercard',
    label: 'Mastercard',
    lengths: [16],
    securityCodeLength: 3,
    groups: [4, 4, 4, 4],
  },
  amex: {
    network: 'amex',
    label: 'American Express',
    lengths: [15],
    securityCodeLength: 4,
    groups: [4, 6, 5],
  },
}

/**
 * Tells the network from the first digits, as soon as enough are typed to be sure
 * (Mastercard's 2-series needs four digits: 2221 to 2720).
 */
export function detectNetwork(digits: string): CardNetwork | null {
  if (digits.startsWith('4')) return 'visa'
  if (/^3[47]/.test(digits)) return 'amex'
  const two = Number(digits.slice(0, 2))
  if (digits.length >= 2 && two >= 51 && two <= 55) return 'mastercard'
  if (digits.length >= 4) {
    const four = Number(digits.slice(0, 4))
    if (four >= 2221 && four <= 2720) return 'mastercard'
  }
  return null
}

/**
 * The brands the cardholder may pick for one card: the network alone, or CB and the network when
 * the card is co-badged (only Visa and Mastercard are co-badged with CB).
 */
export function brandChoices(network: CardNetwork, coBadgedCb: boolean): readonly RoutingBrand[] {
  if (coBadgedCb && network !== 'amex') return ['cb', network]
  return [network]
}

export const ROUTING_BRAND_LABELS: Readonly<Record<RoutingBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  cb: 'CB',
}
