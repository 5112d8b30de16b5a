import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { canonicalJson } from '../../platform/json/canonical-json'

/**
 * The signatures of the fiscal journal and the JET, with nothing of the app in them: the
 * standalone verifier (`scripts/fiscal-verify.ts`) uses this very module. Ed25519 through
 * node:crypto, over the canonical JSON of a row's fields and the previous row's signature.
 */

/** The `previous_signature` of a chain's first row. */
export const GENESIS_SIGNATURE = 'GENESIS'

/** DER head of a PKCS#8 Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/** The till's signing key, from the 32 random bytes kept outside the database. */
export class FiscalSigner {
  readonly publicKey: KeyObject
  private readonly privateKey: KeyObject

  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('The fiscal signing key must be 32 bytes')
    this.privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
    this.publicKey = createPublicKey(this.privateKey)
  }

  sign(content: string): string {
    return sign(null, Buffer.from(content, 'utf8'), this.privateKey).toString('base64')
  }

  publicKeyPem(): string {
    return this.publicKey.export({ format: 'pem', type: 'spki' }).toString()
  }
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem)
}

export function signatureHolds(publicKey: KeyObject, content: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(content, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

/** The fields of a journal record the signature covers. */
export interface SignedRecordFields {
  tillId: string
  chain: string
  sequence: number
  kind: string
  occurredAt: string
  operatorId: number | null
  operatorName: string
  orderId: number | null
  amountTtc: number
  gtNet: number
  gtAbsolute: number
  /** Canonical JSON, as stored. */
  payloadJson: string
  previousSignature: string
}

/** The fields of a JET event the signature covers. */
export interface SignedEventFields {
  tillId: string
  sequence: number
  kind: string
  occurredAt: string
  operatorId: number | null
  operatorName: string
  /** Canonical JSON, as stored. */
  detailsJson: string
  previousSignature: string
}

export function recordSignedContent(fields: SignedRecordFields): string {
  return canonicalJson({ type: 'fiscal-record', ...fields })
}

export function eventSignedContent(fields: SignedEventFields): string {
  return canonicalJson({ type: 'fiscal-event', ...fields })
}
