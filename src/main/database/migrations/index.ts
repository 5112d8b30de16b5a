import type { Migration } from '../migration'
import { staffAndCatalogue } from './001-staff-and-catalogue'

/** The merchant database's migrations, in order. Append only: never edit a released one. */
export const merchantMigrations: readonly Migration[] = [staffAndCatalogue]
