import type { administrationCalls } from '@shared/contract'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { IssuerConsole, type IssuerInstance } from '../../issuer'
import { auditHandlers } from '../audit'
import type { KeyProvider } from '../payments'
import type { PromotionCodes, VatRates } from '../pricing'
import type { CallHandlers } from '../rpc/router'
import type { SessionRegistry } from '../rpc/session-registry'
import { SettingsAdministration, settingsHandlers, type SettingsRepository } from '../settings'
import { UserAdministration, userAdministrationHandlers, type PinPepper, type UserRepository } from '../staff'
import { issuerConsoleHandlers } from './issuer-console-handlers'

export interface AdministrationParts {
  db: SqliteDatabase
  users: UserRepository
  sessions: SessionRegistry
  pinPepper: PinPepper
  settings: SettingsRepository
  vatRates: VatRates
  promotions: PromotionCodes
  keyProvider: KeyProvider
  issuer: IssuerInstance
  now: () => Date
}

/**
 * The administration calls (audit log, staff, settings, the issuer's console), each answered by
 * its own feature, wired here so that create-app.ts spends a single line on them. The issuer
 * console gets the issuer's own repositories only.
 */
export function administrationHandlers(parts: AdministrationParts): Pick<CallHandlers, keyof typeof administrationCalls> {
  const { db, users, sessions, settings, vatRates, promotions, keyProvider, issuer, now, pinPepper } = parts
  return {
    ...auditHandlers(db),
    ...userAdministrationHandlers(new UserAdministration({ db, users, sessions, now, pepper: pinPepper })),
    ...settingsHandlers(
      new SettingsAdministration({ db, settings, vatRates, promotions, cardVaultProtection: () => keyProvider.describeProtection(), now }),
    ),
    ...issuerConsoleHandlers(new IssuerConsole(issuer.repositories, issuer.simulator, now)),
  }
}
