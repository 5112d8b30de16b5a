import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { receiptPrinterSchema, smtpSettingsSchema, type ReceiptPrinterSettings, type SmtpSettingsInput, type SmtpSettingsView } from '@shared/contract'

/** Where the shop's settings live (the settings feature's repository fits), key by key as JSON. */
export interface SettingsStore {
  get<T>(key: string, fallback: T): T
  set(key: string, value: unknown): void
}

/** The SMTP settings as stored: the password sealed with the receipts' own key, never in clear. */
interface StoredSmtpSettings extends Omit<SmtpSettingsView, 'passwordSet'> {
  password: { iv: string; tag: string; data: string } | null
}

const SMTP_KEY = 'receipts.smtp'
const PRINTER_KEY = 'receipts.printer'

/**
 * Where e-mailed tickets leave and thermal tickets print. The SMTP password is a secret like the
 * card vault's data: sealed (AES-256-GCM) with a key kept outside the database (a key file beside
 * the others), so a copied database does not give the shop's mailbox away.
 */
export class ReceiptSettings {
  constructor(
    private readonly settings: SettingsStore,
    private readonly secretKey: Buffer,
  ) {}

  smtpView(): SmtpSettingsView | null {
    const stored = this.stored()
    if (!stored) return null
    const { password, ...view } = stored
    return { ...view, passwordSet: password !== null }
  }

  /** The settings with the password opened, for the sender only. */
  smtp(): (Omit<SmtpSettingsView, 'passwordSet'> & { password: string | null }) | null {
    const stored = this.stored()
    if (!stored) return null
    return { ...stored, password: stored.password ? this.open(stored.password) : null }
  }

  /** A blank password keeps the stored one; `clearPassword` drops it. */
  saveSmtp(input: SmtpSettingsInput | null): void {
    if (input === null) {
      this.settings.set(SMTP_KEY, null)
      return
    }
    const { password, clearPassword, ...rest } = smtpSettingsSchema.parse(input)
    const previous = this.stored()?.password ?? null
    const sealed = clearPassword ? null : password ? this.seal(password) : previous
    this.settings.set(SMTP_KEY, { ...rest, password: sealed } satisfies StoredSmtpSettings)
  }

  printer(): ReceiptPrinterSettings | null {
    const parsed = receiptPrinterSchema.nullable().safeParse(this.settings.get<unknown>(PRINTER_KEY, null))
    return parsed.success ? parsed.data : null
  }

  savePrinter(printer: ReceiptPrinterSettings | null): void {
    this.settings.set(PRINTER_KEY, printer === null ? null : receiptPrinterSchema.parse(printer))
  }

  private stored(): StoredSmtpSettings | null {
    return this.settings.get<StoredSmtpSettings | null>(SMTP_KEY, null)
  }

  private seal(password: string): StoredSmtpSettings['password'] {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv)
    const data = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()])
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
  }

  private open(sealed: NonNullable<StoredSmtpSettings['password']>): string {
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, Buffer.from(sealed.iv, 'base64'))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
  }
}
