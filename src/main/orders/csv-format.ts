import type { CsvFormat, Locale } from '@shared/contract'
import { toDecimalString } from '@shared/money'
import { currencyFromCode } from '@shared/money/currency'
import { wallClock } from '@shared/time/shop-time-zone'
import { FRENCH_STATUS_LABELS } from '@shared/domain/order-status-french'
import type { OrderStatus } from './order-status'

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1252 and mangles accents. */
export const UTF8_BOM = '\uFEFF'

/** Amounts as exact decimals with a dot (`12.50`), whatever the locale, from integer minor units. */
export function csvAmount(minor: number, currency: string): string {
  return toDecimalString(minor, currencyFromCode(currency).exponent)
}

export const VAT_EXPORT_HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  fr: ['Taux de TVA (%)', 'Base HT', 'TVA', 'TTC', 'Devise'],
  en: ['VAT rate (%)', 'Net', 'VAT', 'Gross', 'Currency'],
}

/** The VAT report's line labels; `rate` is written as `ratePercent` writes it. */
export const VAT_EXPORT_LABELS: Readonly<
  Record<Locale, { total: string; refundsAt: (rate: string) => string; refundsTotal: string; netAt: (rate: string) => string; netTotal: string }>
> = {
  fr: {
    total: 'Total des ventes',
    refundsAt: (rate) => `Remboursements à ${rate} %`,
    refundsTotal: 'Total des remboursements',
    netAt: (rate) => `Net à ${rate} %`,
    netTotal: 'Total net',
  },
  en: {
    total: 'Total sales',
    refundsAt: (rate) => `Refunds at ${rate} %`,
    refundsTotal: 'Total refunds',
    netAt: (rate) => `Net at ${rate} %`,
    netTotal: 'Total net',
  },
}

/** 550 basis points → `5.5`; 2000 → `20`. */
export function ratePercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100)
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

/**
 * How a file is written for the spreadsheet that opens it. French: what French Excel reads as
 * columns (`;` between fields, decimal comma, UTF-8 BOM), dates `dd/mm/yyyy HH:mm` on the shop's
 * clock, statuses in French. International: `,` and a decimal point, ISO 8601 dates with the
 * shop's offset, statuses as their English codes. Both CRLF, RFC 4180 quoting.
 */
export interface CsvDialect {
  format: CsvFormat
  separator: ';' | ','
  timeZone: string
}

export function csvDialect(format: CsvFormat, timeZone: string): CsvDialect {
  return { format, separator: format === 'french' ? ';' : ',', timeZone }
}

/** The format an export takes when none is asked: French for a French interface. */
export function defaultCsvFormat(locale: Locale): CsvFormat {
  return locale === 'fr' ? 'french' : 'international'
}

/**
 * One RFC 4180 field for a dialect: quoted when it holds the separator, a quote or a line break,
 * quotes doubled. A leading `=`, `+`, `-` or `@` is prefixed with an apostrophe so a spreadsheet
 * never runs a customer's name as a formula (CSV injection); amounts are written by
 * `dialectAmount`, not here.
 */
export function dialectField(value: string | number | null, dialect: CsvDialect): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /["\r\n]/.test(text) || text.includes(dialect.separator) ? `"${text.replace(/"/g, '""')}"` : text
}

/** An amount in the dialect: `12,50` in French, `12.50` otherwise; exact, from minor units. */
export function dialectAmount(minor: number, currency: string, dialect: CsvDialect): string {
  const decimal = csvAmount(minor, currency)
  return dialect.format === 'french' ? decimal.replace('.', ',') : decimal
}

/** A line of fields already written for the dialect. */
export function dialectLine(fields: readonly string[], dialect: CsvDialect): string {
  return `${fields.join(dialect.separator)}\r\n`
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/**
 * An instant on the shop's clock: `08/12/2026 00:30` in French, `2026-12-08T00:30:00+01:00` in
 * the international format (the offset the shop's zone had then).
 */
export function dialectDate(instant: string, dialect: CsvDialect): string {
  const time = Date.parse(instant)
  if (Number.isNaN(time)) return instant
  const clock = wallClock(time, dialect.timeZone)
  if (dialect.format === 'french') return `${pad(clock.day)}/${pad(clock.month)}/${pad(clock.year, 4)} ${pad(clock.hour)}:${pad(clock.minute)}`
  const offsetMinutes = Math.round((Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - Math.floor(time / 1000) * 1000) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const offset = `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${offset}`
}

/** A VAT rate in the dialect: `5,5` in French, `5.5` otherwise. */
export function dialectRate(basisPoints: number, dialect: CsvDialect): string {
  const rate = ratePercent(basisPoints)
  return dialect.format === 'french' ? rate.replace('.', ',') : rate
}

export function dialectStatus(status: OrderStatus, dialect: CsvDialect): string {
  return dialect.format === 'french' ? FRENCH_STATUS_LABELS[status] : status
}

const FRENCH_PAYMENT_METHODS: Readonly<Record<string, string>> = { card: 'Carte', saved_card: 'Carte enregistrée', cash: 'Espèces' }

/** The payment method in French words in the French file, as its code otherwise. */
export function dialectPaymentMethod(method: string | null, dialect: CsvDialect): string | null {
  if (method === null || dialect.format !== 'french') return method
  return FRENCH_PAYMENT_METHODS[method] ?? method
}

/** The order export's header: the fixed columns, then HT and TVA for each rate, refunded, currency. */
export function orderExportHeader(locale: Locale, rates: readonly number[], dialect: CsvDialect): string[] {
  const fixed = ORDER_EXPORT_COLUMNS[locale]
  const perRate = rates.flatMap((rate) => {
    const percent = dialectRate(rate, dialect)
    return locale === 'fr' ? [`HT ${percent} %`, `TVA ${percent} %`] : [`Net ${percent} %`, `VAT ${percent} %`]
  })
  return [...fixed.head, ...perRate, ...fixed.tail]
}

const ORDER_EXPORT_COLUMNS: Readonly<Record<Locale, { head: string[]; tail: string[] }>> = {
  fr: {
    head: [
      'Numéro', 'Date', 'Statut', 'Client', 'Vendeur', 'Caisse', 'Moyen de paiement', 'Réseau carte',
      'Quatre derniers chiffres', "Code d'autorisation", 'Code de refus', 'Total HT', 'Total TVA', 'Total TTC',
    ],
    tail: ['Remboursé TTC', 'Devise'],
  },
  en: {
    head: [
      'Number', 'Date', 'Status', 'Customer', 'Cashier', 'Till', 'Payment method', 'Card brand',
      'Last four', 'Authorization code', 'Decline code', 'Total net', 'Total VAT', 'Total incl. VAT',
    ],
    tail: ['Refunded incl. VAT', 'Currency'],
  },
}
