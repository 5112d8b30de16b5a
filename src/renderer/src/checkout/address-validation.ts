import { isValidPostcode } from '@shared/checkout/postcode-rules'

export interface AddressDraft {
  recipient: string
  line1: string
  line2: string
  postcode: string
  city: string
  country: string
}

export type AddressField = keyof AddressDraft
export type AddressErrorCode = 'REQUIRED' | 'TOO_SHORT' | 'POSTCODE_FR' | 'POSTCODE' | 'INVALID'
export type AddressErrors = Partial<Record<AddressField, AddressErrorCode>>

export const ADDRESS_FIELDS: readonly AddressField[] = ['recipient', 'line1', 'line2', 'postcode', 'city', 'country']

export function emptyAddress(country = 'FR'): AddressDraft {
  return { recipient: '', line1: '', line2: '', postcode: '', city: '', country }
}

function lengthError(value: string, min: number): AddressErrorCode | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return 'REQUIRED'
  return trimmed.length < min ? 'TOO_SHORT' : undefined
}

/** The same rules as the contract's shipping address schema, field by field. */
export function checkAddress(address: AddressDraft): AddressErrors {
  const errors: AddressErrors = {}
  const recipient = lengthError(address.recipient, 2)
  if (recipient) errors.recipient = recipient
  const line1 = lengthError(address.line1, 3)
  if (line1) errors.line1 = line1
  const city = lengthError(address.city, 1)
  if (city) errors.city = city
  if (!/^[A-Z]{2}$/.test(address.country)) errors.country = 'REQUIRED'
  if (address.postcode.trim() === '') errors.postcode = 'REQUIRED'
  else if (!isValidPostcode(address.country, address.postcode)) {
    errors.postcode = address.country === 'FR' ? 'POSTCODE_FR' : 'POSTCODE'
  }
  return errors
}

/**
 * Whether a postcode being typed is already known to be wrong, before the field is left: a
 * French postcode with a letter in it, or more than five digits, or five characters that are
 * not five digits.
 */
export function postcodeWrongWhileTyping(country: string, postcode: string): boolean {
  const value = postcode.trim()
  if (value === '') return false
  if (country === 'FR') return /\D/.test(value) || value.length >= 5 ? !/^\d{5}$/.test(value) : false
  return value.length > 10
}

/** The address as the contract wants it, trimmed, without an empty second line. */
export function toShippingAddress(address: AddressDraft) {
  const line2 = address.line2.trim()
  return {
    recipient: address.recipient.trim(),
    line1: address.line1.trim(),
    ...(line2 ? { line2 } : {}),
    postcode: address.postcode.trim().toUpperCase(),
    city: address.city.trim(),
    country: address.country,
  }
}
