import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { merchantMigrations } from '../database/migrations'
import { openDatabase, type SqliteDatabase } from '../database/open-database'
import { authHandlers } from '../handlers/auth-handlers'
import { cartHandlers } from '../handlers/cart-handlers'
import { catalogueHandlers } from '../handlers/catalogue-handlers'
import { userHandlers } from '../handlers/user-handlers'
import { createLogger, type Logger } from '../logging/logger'
import { CartRepository } from '../repositories/cart-repository'
import { PricingRepository } from '../repositories/pricing-repository'
import { ProductRepository } from '../repositories/product-repository'
import { SettingsRepository } from '../repositories/settings-repository'
import { UserRepository } from '../repositories/user-repository'
import { createRouter, type CallHandlers, type Router } from '../rpc/router'
import { SessionRegistry } from '../rpc/session-registry'
import { seedDemoShop } from '../seed/seed-demo-shop'
import { AuthService } from '../services/auth-service'
import { CartService } from '../services/cart-service'
import { readPricingSettings } from '../services/pricing-settings'
import { readShopSettings } from '../services/shop-settings'
import type { AppOptions } from './app-options'

export interface ComptoirApp {
  router: Router
  sessions: SessionRegistry
  db: SqliteDatabase
  dataDir: string
  logger: Logger
  close(): void
}

export const MERCHANT_DATABASE_FILE = 'comptoir.sqlite'

/**
 * The composition root of the main-process services, shared by the Electron shell, browser
 * mode and the tests: one database, its repositories, the services and the router over them.
 */
export function createApp(options: AppOptions): ComptoirApp {
  const dataDir = options.dataDir
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const logger = options.logger ?? createLogger(join(dataDir, 'logs', 'comptoir.log'))
  const now = options.now ?? (() => new Date())
  const tillId = options.tillId ?? 'TILL-01'

  const db = openDatabase(join(dataDir, MERCHANT_DATABASE_FILE), merchantMigrations)
  if (options.seedDemo !== false && seedDemoShop(db, now())) logger.info('Seeded the demo shop')

  const settings = new SettingsRepository(db)
  const users = new UserRepository(db)
  const products = new ProductRepository(db)
  const carts = new CartRepository(db)
  const pricing = new PricingRepository(db)
  const sessions = new SessionRegistry(
    () => readShopSettings(settings).inactivityLockSeconds,
    () => now().getTime(),
  )

  const auth = new AuthService({ users, settings, sessions, tillId, now })
  const cart = new CartService({
    db,
    carts,
    products,
    pricing,
    tillId,
    now,
    currency: () => readShopSettings(settings).currency,
    pricingSettings: () => readPricingSettings(settings),
  })

  const handlers: CallHandlers = {
    ...authHandlers(auth),
    ...catalogueHandlers(products),
    ...cartHandlers(cart, auth),
    ...userHandlers(users),
  }

  return {
    router: createRouter(handlers, sessions, logger),
    sessions,
    db,
    dataDir,
    logger,
    close: () => db.close(),
  }
}
