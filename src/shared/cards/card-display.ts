import { NETWORK_RULES, detectNetwork } from './card-brand'
import { digitsOnly } from './luhn'

const MASK = '•'

function groupsFor(digits: string): readonly number[] {
  const network = detectNetwork(digits)
  return network ? NETWORK_RULES[network].groups : [4, 4, 4, 4, 3]
}

function applyGroups(characters: string, groups: readonly number[]): string {
  const parts: string[] = []
  let position = 0
  for (const size of groups) {
    if (position >= characters.length) break
    parts.push(characters.slice(position, position + size))
    position += size
  }
  if (position < characters.length) parts.push(characters.slice(position))
  return parts.join(' ')
}

/**
 * Groups what the cashier is typing the way the brand prints it (4-4-4-4, or 4-6-5 for Amex), so
 * a missed digit shows at a glance.
 */
export function groupForDisplay(typed: string): string {
  const digits = digitsOnly(typed).slice(0, 19)
  return applyGroups(digits, groupsFor(digits))
}

/** The first six digits: the issuer identification number, which PCI DSS allows to show. */
export function binOf(pan: string): string {
  return digitsOnly(pan).slice(0, 6)
}

export function lastFourOf(pan: string): string {
  return digitsOnly(pan).slice(-4)
}

/**
 * A card number fit for a screen or a receipt: at most the BIN and the last four (PCI DSS 3.4.1),
 * e.g. `4242 42•• •••• 4242`, or `•••• 4242` when the BIN is not wanted.
 */
export function maskCardNumber(pan: string, options: { showBin?: boolean } = {}): string {
  const digits = digitsOnly(pan)
  const lastFour = digits.slice(-4)
  if (!options.showBin || digits.length < 12) return `${MASK.repeat(4)} ${lastFour}`
  const hidden = MASK.repeat(digits.length - 10)
  return applyGroups(`${digits.slice(0, 6)}${hidden}${lastFour}`, groupsFor(digits))
}

/** Same masking from the parts a merchant is allowed to keep (BIN, last four, length). */
export function maskFromParts(bin: string, lastFour: string, length = 16): string {
  const hidden = MASK.repeat(Math.max(length - 10, 0))
  return applyGroups(`${bin}${hidden}${lastFour}`, groupsFor(bin))
}
