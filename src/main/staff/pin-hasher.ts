import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const SCRYPT_PARAMETERS = { N: 16384, r: 8, p: 1 } as const
const KEY_LENGTH = 32

/**
 * The PIN pepper: 32 random bytes kept outside the database (wrapped by the operating system's
 * secret store through safeStorage in the desktop app, a 0600 key file in browser mode), and its
 * short id, stored beside each hash. A copied database without it cannot be brute-forced, even
 * over the 10,000 four-digit PINs.
 */
export interface PinPepper {
  id: string
  key: Buffer
}

/** A stored PIN hash; `pepperId` null for a hash made before the pepper (upgraded at the next login). */
export interface StoredPinHash {
  salt: Buffer
  hash: Buffer
  pepperId: string | null
}

function scrypt(secret: Buffer | string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, KEY_LENGTH, SCRYPT_PARAMETERS)
}

/** HMAC-SHA-256 of the PIN under the pepper, then salted scrypt: the work factor and the key both protect it. */
function pepperedHash(pin: string, salt: Buffer, pepper: PinPepper): Buffer {
  return scrypt(createHmac('sha256', pepper.key).update(pin, 'utf8').digest(), salt)
}

export function hashPin(pin: string, pepper: PinPepper, salt: Buffer = randomBytes(16)): StoredPinHash {
  return { salt, hash: pepperedHash(pin, salt, pepper), pepperId: pepper.id }
}

/**
 * Whether `pin` matches. A hash made under another pepper never matches (the key was replaced
 * or lost: an administrator resets the PIN). Compares in constant time so that timing tells
 * nothing about how many bytes matched.
 */
export function verifyPin(pin: string, stored: StoredPinHash, pepper: PinPepper): boolean {
  if (stored.pepperId !== null && stored.pepperId !== pepper.id) return false
  const actual = stored.pepperId === null ? scrypt(pin, stored.salt) : pepperedHash(pin, stored.salt, pepper)
  return actual.length === stored.hash.length && timingSafeEqual(actual, stored.hash)
}

/** A hash made before the pepper, to be replaced by a peppered one once the PIN is known right. */
export function needsUpgrade(stored: StoredPinHash, pepper: PinPepper): boolean {
  return stored.pepperId !== pepper.id
}
