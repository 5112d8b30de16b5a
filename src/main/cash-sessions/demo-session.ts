import { countTotal, normalizedCount, type DenominationCount } from '@shared/domain/euro-denominations'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { CashSessionRepository } from './cash-session-repository'

/** The demo till's float, 150,00 €: notes of 20, 10 and 5, and coins down to 10 cents. */
export const DEMO_FLOAT: readonly DenominationCount[] = [
  { denomination: 2000, quantity: 2 },
  { denomination: 1000, quantity: 4 },
  { denomination: 500, quantity: 6 },
  { denomination: 200, quantity: 10 },
  { denomination: 100, quantity: 10 },
  { denomination: 50, quantity: 10 },
  { denomination: 20, quantity: 20 },
  { denomination: 10, quantity: 10 },
]

/**
 * Opens the demo till's session with its float, counted at seed time, so a new demo shop sells at
 * once (its tests and `npm run serve` start there); a shop of real data starts with no session.
 */
export function openDemoSession(db: SqliteDatabase, tillId: string, userId: number, at: Date): void {
  const sessions = new CashSessionRepository(db)
  if (sessions.current(tillId)) return
  const count = normalizedCount(DEMO_FLOAT)
  sessions.open(tillId, userId, count, countTotal(count), at.toISOString())
}
