import type { DeliveryZone } from '../domain/delivery'

// Without zod, so that the till's screens can check an address without loading it.

/** EU member states other than France (ISO 3166-1 alpha-2). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT',
  'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const

/** Postcode formats of the countries the shop ships to most; others take 2 to 10 letters or digits. */
const POSTCODE_FORMATS: Record<string, RegExp> = {
  FR: /^\d{5}$/,
  DE: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  BE: /^\d{4}$/,
  LU: /^\d{4}$/,
  CH: /^\d{4}$/,
  AT: /^\d{4}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  PT: /^\d{4}-\d{3}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
}

export function isValidPostcode(country: string, postcode: string): boolean {
  const format = POSTCODE_FORMATS[country] ?? /^[A-Z0-9 -]{2,10}$/
  return format.test(postcode.trim().toUpperCase())
}

/**
 * The delivery zone of an address. Overseas France (postcodes 97 and 98) ships like the rest of
 * the world: metropolitan rates do not reach it.
 */
export function deliveryZoneOf(country: string, postcode: string): DeliveryZone {
  if (country === 'FR') return /^9[78]/.test(postcode.trim()) ? 'WORLD' : 'FR'
  if (country === 'MC') return 'FR'
  return (EU_COUNTRIES as readonly string[]).includes(country) ? 'EU' : 'WORLD'
}
