import type { Migration } from '../../platform/sqlite/migration'

/**
 * The id of the pepper a user's PIN hash was made with (`staff/pin-hasher.ts`); null for a hash
 * made before it, replaced by a peppered one at that user's next login.
 */
export const pinPepper: Migration = {
  version: 12,
  name: 'pin-pepper',
  up(db) {
    db.exec('ALTER TABLE users ADD COLUMN pin_pepper_id TEXT')
  },
}
