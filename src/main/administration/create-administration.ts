import type { SqliteDatabase } from '../database/open-database'
import { IssuerConsole } from '../issuer/console/issuer-console'
import type { IssuerInstance } from '../issuer/open-issuer'
import type { KeyProvider } from '../payments/key-provider'
import type { PricingRepository } from '../repositories/pricing-repository'
import type { SettingsRepository } from '../repositories/settings-repository'
import type { UserRepository } from '../repositories/user-repository'
import type { SessionRegistry } from '../rpc/session-registry'
import type { AdministrationHandlerDependencies } from '../handlers/administration-handlers'
import { SettingsAdministration } from './settings-administration'
import { UserAdministration } from './user-administration'

export interface AdministrationParts {
  db: SqliteDatabase
  users: UserRepository
  sessions: SessionRegistry
  settings: SettingsRepository
  pricing: PricingRepository
  keyProvider: KeyProvider
  issuer: IssuerInstance
  now: () => Date
}

/**
 * Builds the administration services from the composition root's parts, so that wiring them
 * costs create-app.ts a single line. The issuer console gets the issuer's own repositories only.
 */
export function createAdministration(
  parts: AdministrationParts,
): AdministrationHandlerDependencies {
  const { db, users, sessions, settings, pricing, keyProvider, issuer, now } = parts
  return {
    db,
    users: new UserAdministration({ db, users, sessions, now }),
    settings: new SettingsAdministration({
      db,
      settings,
      pricing,
      cardVaultProtection: () => keyProvider.describeProtection(),
      now,
    }),
    issuerConsole: new IssuerConsole(issuer.repositories, issuer.simulator, now),
  }
}
