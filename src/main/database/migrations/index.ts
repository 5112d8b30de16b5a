import type { Migration } from '../migration'
import { staffAndCatalogue } from './001-staff-and-catalogue'
import { pricing } from './002-pricing'

/** The merchant database's migrations, in order. Append only: never edit a released one. */
export const merchantMigrations: readonly Migration[] = [staffAndCatalogue, pricing]
