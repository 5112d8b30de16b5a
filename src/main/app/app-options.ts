import type { Logger } from '../logging/logger'

export interface AppOptions {
  /** Folder holding the databases, key files and logs. Created when missing. */
  dataDir: string
  /** Identifies this till in the shop (carts and orders are kept per till). */
  tillId?: string
  logger?: Logger
  /** Injected clock, for tests. */
  now?: () => Date
  /** Seed the demo shop when the database is new (default true). */
  seedDemo?: boolean
}
