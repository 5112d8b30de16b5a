import { passesLuhn } from '../cards/luhn'

/**
 * A French business's identifiers as an invoice prints them (CGI annex II art. 242 nonies A):
 * the SIREN (9 digits) or the SIRET (SIREN + 5-digit establishment number), both carrying a
 * Luhn check digit, and the intra-EU VAT number, whose French form is `FR` + a 2-digit key
 * computed from the SIREN + the SIREN.
 */

/** La Poste's SIREN: its establishments' SIRETs are numbered past what the Luhn key allows. */
const LA_POSTE_SIREN = '356000000'

/** What was typed, without the spaces, dots and dashes people put in (`123 456 789`). */
export function compactIdentifier(typed: string): string {
  return typed.replace(/[\s.-]/g, '').toUpperCase()
}

export function isValidSiren(typed: string): boolean {
  const siren = compactIdentifier(typed)
  return /^\d{9}$/.test(siren) && passesLuhn(siren)
}

export function isValidSiret(typed: string): boolean {
  const siret = compactIdentifier(typed)
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // INSEE's exception: the sum of La Poste's SIRET digits is a multiple of 5.
    return [...siret].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
  }
  return passesLuhn(siret)
}

/** A SIREN (9 digits) or a SIRET (14), each with its check digit. */
export function isValidCompanyId(typed: string): boolean {
  const compact = compactIdentifier(typed)
  return compact.length === 9 ? isValidSiren(compact) : isValidSiret(compact)
}

/** The SIREN inside a SIREN or a SIRET. */
export function sirenOf(companyId: string): string {
  return compactIdentifier(companyId).slice(0, 9)
}

/** The French VAT number's key: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(compactIdentifier(siren)) % 97)) % 97
  return String(key).padStart(2, '0')
}

/** The French VAT number of a SIREN: `FR` + key + SIREN. */
export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${compactIdentifier(siren)}`
}

/** The EU member states' VAT prefixes (Greece is EL, Northern Ireland XI). */
const EU_VAT_PREFIXES = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT',
  'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
])

/**
 * An intra-EU VAT number. A French one (`FR` + 2 + 9 digits) must carry the key of its SIREN, and
 * the SIREN its Luhn digit; another state's is checked for its prefix and length only (each state
 * has its own key, which VIES confirms online).
 */
export function isValidEuVatNumber(typed: string): boolean {
  const vat = compactIdentifier(typed)
  const prefix = vat.slice(0, 2)
  if (!EU_VAT_PREFIXES.has(prefix)) return false
  if (prefix !== 'FR') return /^[A-Z]{2}[0-9A-Z]{2,12}$/.test(vat)
  const french = /^FR(\d{2})(\d{9})$/.exec(vat)
  if (!french) return false
  return isValidSiren(french[2]!) && french[1] === frenchVatKey(french[2]!)
}

/** Whether a VAT number is French and belongs to this SIREN or SIRET. */
export function vatNumberMatchesCompany(vatNumber: string, companyId: string): boolean {
  const vat = compactIdentifier(vatNumber)
  return !vat.startsWith('FR') || vat.slice(4) === sirenOf(companyId)
}
