import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
} from 'node:crypto'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { NETWORK_RULES, detectNetwork, type CardNetwork } from '@shared/cards/card-brand'
import { binOf, lastFourOf, maskFromParts } from '@shared/cards/card-display'
import { isExpired } from '@shared/cards/card-expiry'
import type { ValidatedCard } from '@shared/cards/card-validation'
import { passesLuhn } from '@shared/cards/luhn'
import { err, ok, type Result } from '@shared/contract/result'
import type { DataKey, KeyProvider } from './key-provider'
import type { SavedCardReader, StoredCardForPayment } from './saved-card-reader'
import { SavedCardRepository, type SavedCardRecord } from './saved-card-repository'

export type { DataKey, KeyProtection, KeyProvider } from './key-provider'
export { KeyFileKeyProvider } from './key-file-key-provider'

/** A card to save, with the customer's consent. There is no field for a security code. */
export interface CardToSave {
  pan: string
  expiryMonth: number
  expiryYear: number
  holderName: string
  coBadgedCb?: boolean
  customerReference?: string | null
  /** When the customer agreed to have the card kept. Saving without consent is impossible. */
  consentAt: Date
}

/** Who keeps a checked card and since when they agreed; the card brings no security code here. */
export interface CardConsent {
  holderName: string
  customerReference?: string | null
  /** When the customer agreed to have the card kept. Saving without consent is impossible. */
  consentAt: Date
}

/** What is written of a card: never its security code. */
interface CardToKeep extends CardConsent {
  pan: string
  network: CardNetwork
  coBadgedCb: boolean
  expiryMonth: number
  expiryYear: number
}

/** What screens and receipts may show of a saved card. */
export interface SavedCardSummary {
  token: string
  customerReference: string | null
  network: CardNetwork
  coBadgedCb: boolean
  bin: string
  lastFour: string
  masked: string
  expiryMonth: number
  expiryYear: number
  holderName: string
  lastUsedAt: string | null
}

function summarize(card: SavedCardRecord): SavedCardSummary {
  return {
    token: card.token,
    customerReference: card.customerReference,
    network: card.network,
    coBadgedCb: card.coBadgedCb,
    bin: card.bin,
    lastFour: card.lastFour,
    masked: maskFromParts(card.bin, card.lastFour, card.panLength),
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
    holderName: card.holderName,
    lastUsedAt: card.lastUsedAt,
  }
}

const subkey = (dataKey: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), purpose, 32))

/**
 * Saved cards as tokens (PCI DSS 3.5.1): the number is encrypted with AES-256-GCM under a key
 * derived from the data key, bound to its token so ciphertexts cannot be swapped between rows;
 * a keyed HMAC of the number (another derived key) spots a card saved twice without revealing it.
 */
export class CardVault implements SavedCardReader {
  private readonly encryptionKey: Buffer
  private readonly fingerprintKey: Buffer

  private constructor(
    private readonly cards: SavedCardRepository,
    private readonly dataKey: DataKey,
    private readonly now: () => Date,
  ) {
    this.encryptionKey = subkey(dataKey.key, 'comptoir card vault: encryption')
    this.fingerprintKey = subkey(dataKey.key, 'comptoir card vault: fingerprint')
  }

  /** Loads the data key from its provider (may prompt the OS secret store) and opens the vault. */
  static async open(
    db: SqliteDatabase,
    keys: KeyProvider,
    now: () => Date = () => new Date(),
  ): Promise<CardVault> {
    return new CardVault(new SavedCardRepository(db), await keys.loadDataKey(), now)
  }

  private fingerprint(pan: string): Buffer {
    return createHmac('sha256', this.fingerprintKey).update(pan).digest()
  }

  /**
   * Saves a card given as bare fields (an import, a test), checking its number and expiry first;
   * or returns the one already saved with the same number. A card typed at the till is saved with
   * {@link saveChecked}, which takes the value checked where it entered.
   */
  save(card: CardToSave): Result<{ card: SavedCardSummary; alreadySaved: boolean }> {
    const network = detectNetwork(card.pan)
    if (
      !network ||
      !NETWORK_RULES[network].lengths.includes(card.pan.length) ||
      !passesLuhn(card.pan)
    ) {
      return err('VALIDATION_FAILED', 'Card number is not valid', { fields: [{ field: 'number' }] })
    }
    if (isExpired({ month: card.expiryMonth, year: card.expiryYear }, this.now())) {
      return err('VALIDATION_FAILED', 'Card has expired', { fields: [{ field: 'expiry' }] })
    }
    return this.keep({ ...card, network, coBadgedCb: card.coBadgedCb === true })
  }

  /**
   * Saves a typed card already checked where it entered main (`validateCardEntry`), without
   * checking it again; or returns the one already saved with the same number. Its security code
   * is not written: only the number (encrypted), brand, BIN, last four, expiry and holder are.
   */
  saveChecked(
    card: ValidatedCard,
    consent: CardConsent,
  ): Result<{ card: SavedCardSummary; alreadySaved: boolean }> {
    return this.keep({
      pan: card.pan,
      network: card.network,
      coBadgedCb: card.coBadgedCb,
      expiryMonth: card.expiry.month,
      expiryYear: card.expiry.year,
      holderName: consent.holderName,
      customerReference: consent.customerReference,
      consentAt: consent.consentAt,
    })
  }

  private keep(card: CardToKeep): Result<{ card: SavedCardSummary; alreadySaved: boolean }> {
    const { network } = card
    const fingerprint = this.fingerprint(card.pan)
    const existing = this.cards.findByFingerprint(fingerprint)
    if (existing) return ok({ card: summarize(existing), alreadySaved: true })
    const token = `card_${randomUUID()}`
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv)
    cipher.setAAD(Buffer.from(token))
    const ciphertext = Buffer.concat([cipher.update(card.pan, 'utf8'), cipher.final()])
    this.cards.insert({
      token,
      customerReference: card.customerReference ?? null,
      network,
      coBadgedCb: card.coBadgedCb === true && network !== 'amex',
      bin: binOf(card.pan),
      lastFour: lastFourOf(card.pan),
      panLength: card.pan.length,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      holderName: card.holderName,
      panCiphertext: ciphertext,
      panIv: iv,
      panTag: cipher.getAuthTag(),
      keyId: this.dataKey.id,
      fingerprint,
      consentAt: card.consentAt.toISOString(),
      createdAt: this.now().toISOString(),
    })
    return ok({ card: summarize(this.cards.findByToken(token)!), alreadySaved: false })
  }

  list(customerReference?: string): SavedCardSummary[] {
    return this.cards.list(customerReference).map(summarize)
  }

  /** Decrypts a saved card for a stored-credential payment; never returns a security code. */
  async readForPayment(token: string): Promise<Result<StoredCardForPayment>> {
    const card = this.cards.findByToken(token)
    if (!card) return err('NOT_FOUND', 'No saved card with this token')
    if (card.keyId !== this.dataKey.id)
      return err('INTERNAL', 'Saved card was encrypted under another key')
    if (isExpired({ month: card.expiryMonth, year: card.expiryYear }, this.now())) {
      return err('VALIDATION_FAILED', 'Saved card has expired', { fields: [{ field: 'expiry' }] })
    }
    let pan: string
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, card.panIv)
      decipher.setAAD(Buffer.from(token))
      decipher.setAuthTag(card.panTag)
      pan = Buffer.concat([decipher.update(card.panCiphertext), decipher.final()]).toString('utf8')
    } catch {
      return err('INTERNAL', 'Saved card could not be decrypted')
    }
    this.cards.markUsed(token, this.now().toISOString())
    return ok({
      pan,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      brand: card.coBadgedCb ? 'cb' : card.network,
    })
  }

  /** Forgets a card when the customer withdraws consent. */
  remove(token: string): Result<{ removed: true }> {
    return this.cards.remove(token)
      ? ok({ removed: true })
      : err('NOT_FOUND', 'No saved card with this token')
  }
}
