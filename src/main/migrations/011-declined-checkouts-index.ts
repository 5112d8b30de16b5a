import type { Migration } from '../../platform/sqlite/migration'

/**
 * The "declined" filter also finds checkouts abandoned after a declined card (see
 * `statusBranches`). Walking every abandoned order for the few that had a decline cost a page
 * several times the other status filters; this partial index holds the orders that had a
 * decline, by status in the list's order, so that the abandoned ones among them are one range.
 */
export const declinedCheckoutsIndex: Migration = {
  version: 11,
  name: 'declined-checkouts-index',
  up(db) {
    db.exec(`
      CREATE INDEX orders_declined_by_status ON orders (status, created_at DESC, id DESC)
        WHERE last_decline_code IS NOT NULL;
    `)
  },
}
