import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const SCRYPT_PARAMETERS = { N: 16384, r: 8, p: 1 } as const
const KEY_LENGTH = 32

/** Salted scrypt hash of a PIN; a PIN has few digits, so the work factor is what protects it. */
export function hashPin(pin: string, salt: Buffer = randomBytes(16)): { salt: Buffer; hash: Buffer } {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH, SCRYPT_PARAMETERS) }
}

/** Compares in constant time so that timing tells nothing about how many bytes matched. */
export function verifyPin(pin: string, salt: Buffer, expectedHash: Buffer): boolean {
  const actual = scryptSync(pin, salt, KEY_LENGTH, SCRYPT_PARAMETERS)
  return actual.length === expectedHash.length && timingSafeEqual(actual, expectedHash)
}
