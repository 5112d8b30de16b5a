/**
 * `npm run admin:unlock -- [--data-dir X] [--user N]`: clears the wrong-PIN count and wait of
 * user N, or of every user that has one, straight in the data folder's database (Comptoir may be
 * running: the change is one short transaction). It needs read and write access to the data
 * folder, so only the account that runs Comptoir (or root) can use it. Each clearing is recorded
 * in the audit log as `auth.unlocked`. A till's own wait (kept in memory by the running app) ends
 * when Comptoir restarts.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MERCHANT_DATABASE_FILE } from '../src/main/app/create-app'
import { merchantMigrations } from '../src/main/migrations'
import { unlockUsers } from '../src/main/staff'
import { openDatabase } from '../src/platform/sqlite/open-database'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    user: { type: 'string' },
  },
})
const dataDir = resolve(values['data-dir'] ?? process.env['COMPTOIR_DATA_DIR'] ?? join(homedir(), '.comptoir'))
const file = join(dataDir, MERCHANT_DATABASE_FILE)
if (!existsSync(file)) {
  process.stderr.write(`No Comptoir database in ${dataDir} (give --data-dir)\n`)
  process.exit(1)
}
const userId = values.user === undefined ? undefined : Number(values.user)
if (userId !== undefined && (!Number.isSafeInteger(userId) || userId < 1)) {
  process.stderr.write('--user must be a user id (a positive whole number)\n')
  process.exit(1)
}

const db = openDatabase(file, merchantMigrations)
try {
  const unlocked = unlockUsers(db, { userId, at: new Date().toISOString(), by: 'admin:unlock' })
  if (unlocked.length === 0) process.stdout.write('Nobody had wrong PINs counted or a wait: nothing to clear.\n')
  for (const user of unlocked) {
    process.stdout.write(
      `Cleared user ${user.id} (${user.displayName}, ${user.role}): ${user.failures} wrong PIN(s) in a row` +
        `${user.waitUntil ? `, wait until ${user.waitUntil}` : ''}\n`,
    )
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
} finally {
  db.close()
}
