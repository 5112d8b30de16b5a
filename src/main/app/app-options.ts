import type { DocumentPrinter } from '../documents'
import type { Logger } from '../../platform/logging/logger'
import type { KeyProvider } from '../payments'
import type { PinPepper } from '../staff'
import type { IssuerGateway } from '../payments'

export interface AppOptions {
  /** Folder holding the databases, key files and logs. Created when missing. */
  dataDir: string
  /** Identifies this till in the shop (carts and orders are kept per till). */
  tillId?: string
  logger?: Logger
  /** Injected clock, for tests. */
  now?: () => Date
  /** The app's version; package.json's by default (a test starts an upgraded till with another). */
  appVersion?: string
  /** Seed the demo shop when the database is new (default true). */
  seedDemo?: boolean
  /** Protects the card vault's data key: safeStorage in Electron, a key file elsewhere. */
  keyProvider?: KeyProvider
  /**
   * The PIN pepper (a key kept outside the database, mixed into every PIN hash): the desktop shell
   * unwraps it with safeStorage; otherwise a 0600 key file, `<dataDir>/keys/pin-pepper.key`.
   */
  pinPepper?: PinPepper
  /**
   * The 32 bytes of the till's fiscal signing key (Ed25519 seed): the desktop shell unwraps them
   * with safeStorage; otherwise a 0600 key file, `<dataDir>/keys/fiscal-signing.key`.
   */
  fiscalSigningKey?: { key: Buffer }
  /** How the payment software reaches the issuer; in-process by default. */
  issuerGateway?: IssuerGateway
  /** Authorization timeout; the shop setting (10 s by default) otherwise. */
  paymentTimeoutMs?: number
  /** Retry pacing of reversals, for tests. */
  reversalRetry?: { callTimeoutMs?: number; initialDelayMs?: number; maxDelayMs?: number }
  /** The folder of files sold as downloads (`resources/downloads` by default). */
  downloadsDir?: string
  /**
   * Where the customers' download server answers (`http://192.168.1.20:8470`), read at each sale;
   * while it gives null (no server runs) approvals carry no download link.
   */
  downloadBaseUrl?: () => string | null
  /** The 32 bytes that seal the SMTP password; otherwise a 0600 key file, `<dataDir>/keys/receipt-secrets.key`. */
  receiptSecretKey?: { key: Buffer }
  /** How often waiting e-mailed tickets are looked at (15 s by default; 0: never, the tests send them). */
  receiptPollMs?: number
  /** PDF of stored documents; only the desktop shell has one. */
  documentPrinter?: DocumentPrinter
}
