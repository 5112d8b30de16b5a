import { join } from 'node:path'
import { openDatabase, type SqliteDatabase } from '../platform/sqlite/open-database'
import { preparePrivateFolder } from '../platform/files/private-folder'
import { enrolCard } from './account-enrolment'
import { CardHasher, loadOrCreateHmacKey } from './card-hasher'
import { createIssuerRepositories, type IssuerRepositories } from './issuer-repositories'
import { issuerMigrations } from './issuer-migrations'
import { CUSTOMER_CARD_ACCOUNTS, TEST_CARD_ACCOUNTS } from './issuer-seed'
import { IssuerSimulator, type IssuerSimulatorOptions } from './issuer-simulator'

export interface OpenIssuerOptions extends IssuerSimulatorOptions {
  /** The issuer's own folder: its database, its HMAC key and its TLS material live here. */
  folder: string
  /** Seed the test and customer cards into an empty database (default true). */
  seed?: boolean
}

export interface IssuerInstance {
  folder: string
  simulator: IssuerSimulator
  repositories: IssuerRepositories
  hasher: CardHasher
  db: SqliteDatabase
  close(): void
}

export const ISSUER_DATABASE_FILE = 'issuer.sqlite'
export const ISSUER_KEY_FILE = 'issuer-hmac.key'

/**
 * Opens (creating on first use) the issuer in its folder: its own SQLite file with its own
 * migrations, its key file (0600), and the seeded cards when the database is new.
 */
export function openIssuer(options: OpenIssuerOptions): IssuerInstance {
  // 0700, every file in it 0600 (or refused), whether the issuer runs in-process or on its own.
  preparePrivateFolder(options.folder)
  const hasher = new CardHasher(loadOrCreateHmacKey(join(options.folder, ISSUER_KEY_FILE)))
  const db = openDatabase(join(options.folder, ISSUER_DATABASE_FILE), issuerMigrations)
  const repositories = createIssuerRepositories(db)
  if (options.seed !== false && repositories.accounts.list().length === 0) {
    const now = (options.now ?? (() => new Date()))()
    for (const card of [...TEST_CARD_ACCOUNTS, ...CUSTOMER_CARD_ACCOUNTS])
      enrolCard(repositories, hasher, card, now)
  }
  const simulator = new IssuerSimulator(repositories, hasher, options)
  return { folder: options.folder, simulator, repositories, hasher, db, close: () => db.close() }
}
