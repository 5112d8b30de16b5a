import { join } from 'node:path'
import type { Migration } from '../../../src/platform/sqlite/migration'
import { merchantMigrations } from '../../../src/main/migrations'
import { openDatabase, type SqliteDatabase } from '../../../src/platform/sqlite/open-database'
import { PaymentAttemptRepository } from '../../../src/main/payments/payment-attempt-repository'
import type { MerchantProfile } from '../../../src/main/payments/payment-settings'
import { tempFolder } from '../issuer/issuer-test-kit'

/** Every merchant migration, as a real database has them (attempts link to orders since 009). */
export const MERCHANT_MIGRATIONS: readonly Migration[] = merchantMigrations

export const MERCHANT: MerchantProfile = {
  merchantId: 'COMPTOIR0001',
  name: 'Épicerie Comptoir',
  city: 'Lyon',
  country: 'FR',
  terminalId: 'TILL01',
  categoryCode: '5411',
  currency: 'EUR',
}

export interface MerchantSide {
  folder: string
  db: SqliteDatabase
  attempts: PaymentAttemptRepository
}

export function openMerchantSide(): MerchantSide {
  const folder = tempFolder('comptoir-merchant-')
  const db = openDatabase(join(folder, 'comptoir.sqlite'), MERCHANT_MIGRATIONS)
  return { folder, db, attempts: new PaymentAttemptRepository(db) }
}

export const VISA = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123' }
