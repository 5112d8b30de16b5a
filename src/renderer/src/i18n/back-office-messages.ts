/**
 * The back-office's and the administration's messages (orders, dashboard, exports, staff,
 * settings, issuer console, audit, reconciliation, fiscal journal), in their own chunk: the
 * till's first load does not carry them. `loadBackOfficeMessages` (i18n/index.ts) merges them
 * in when a /admin route is entered.
 */
import { administrationEn } from './administration-en'
import { administrationFr } from './administration-fr'
import { backOfficeEn } from './back-office-en'
import { backOfficeFr } from './back-office-fr'
import { fiscalEn } from './fiscal-en'
import { fiscalFr } from './fiscal-fr'
import { reconciliationEn } from './reconciliation-en'
import { reconciliationFr } from './reconciliation-fr'

export const backOfficeMessagesFr = {
  backOffice: backOfficeFr,
  reconciliation: reconciliationFr,
  administration: administrationFr,
  fiscal: fiscalFr,
}
export type BackOfficeMessageSchema = typeof backOfficeMessagesFr

export const backOfficeMessages: Readonly<Record<'fr' | 'en', BackOfficeMessageSchema>> = {
  fr: backOfficeMessagesFr,
  en: { backOffice: backOfficeEn, reconciliation: reconciliationEn, administration: administrationEn, fiscal: fiscalEn },
}
