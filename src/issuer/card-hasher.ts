import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Keyed hashes of card data (PCI DSS 3.5.1.1): without the key, a hash of a 16-digit number or a
 * 3-digit code cannot be brute-forced. The issuer keeps only these and the last four digits.
 */
export class CardHasher {
  constructor(private readonly key: Buffer) {}

  private mac(purpose: string, ...parts: string[]): Buffer {
    const hmac = createHmac('sha256', this.key)
    hmac.update(purpose)
    for (const part of parts) hmac.update(`\u0000${part}`)
    return hmac.digest()
  }

  panHash(pan: string): Buffer {
    return this.mac('pan', pan)
  }

  /** Bound to the card number, so the same code on two cards gives two different hashes. */
  securityCodeHash(pan: string, securityCode: string): Buffer {
    return this.mac('security-code', pan, securityCode)
  }

  /** Fingerprint of an authorization's parameters, to tell a replay from a reused key. */
  requestHash(parts: readonly (string | number)[]): Buffer {
    return this.mac('request', ...parts.map(String))
  }
}

/**
 * Reads the issuer's HMAC key, creating it on first use. The file is readable by its owner only;
 * losing it makes every stored card unrecognisable, which is the point of keying the hashes.
 */
export function loadOrCreateHmacKey(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  chmodSync(file, 0o600)
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`Issuer key file ${file} is not a 32-byte key`)
  return key
}
