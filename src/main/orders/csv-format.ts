import type { Locale } from '@shared/contract'
import { toDecimalString } from '@shared/money'
import { currencyFromCode } from '@shared/money/currency'

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1252 and mangles accents. */
export const UTF8_BOM = '\uFEFF'

/**
 * One RFC 4180 field: quoted when it holds a separator, a quote or a line break, quotes doubled.
 * A leading `=`, `+`, `-` or `@` is prefixed with an apostrophe so a spreadsheet never runs a
 * customer's name as a formula (CSV injection); amounts are written by `csvAmount`, not here.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Amounts as exact decimals with a dot (`12.50`), whatever the locale, from integer minor units. */
export function csvAmount(minor: number, currency: string): string {
  return toDecimalString(minor, currencyFromCode(currency).exponent)
}

export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

/** Raw line for values already formatted (amounts). */
export function csvRawLine(fields: readonly string[]): string {
  return `${fields.join(',')}\r\n`
}

export const ORDER_EXPORT_HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  fr: [
    'Numéro',
    'Date (UTC)',
    'Statut',
    'Client',
    'Vendeur',
    'Caisse',
    'Moyen de paiement',
    'Réseau carte',
    'Quatre derniers chiffres',
    "Code d'autorisation",
    'Code de refus',
    'Total TTC',
    'Devise',
  ],
  en: [
    'Number',
    'Date (UTC)',
    'Status',
    'Customer',
    'Cashier',
    'Till',
    'Payment method',
    'Card brand',
    'Last four',
    'Authorization code',
    'Decline code',
    'Total incl. VAT',
    'Currency',
  ],
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
