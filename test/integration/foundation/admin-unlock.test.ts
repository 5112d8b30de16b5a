import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

const ROOT = resolve(__dirname, '../../..')

function adminUnlock(...args: string[]): string {
  return execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.node.json', 'scripts/admin-unlock.ts', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  )
}

describe('npm run admin:unlock', () => {
  it("clears an administrator's wait from the machine itself, while the app runs, and records it", async () => {
    const now = new Date('2026-11-26T08:00:00Z')
    subject = createTempApp({ now: () => now })
    const admin = (await subject.value('auth.listUsers', {})).find((user) => user.role === 'admin')!
    // Five wrong PINs from as many clients: the administrator has to wait; the rest are refused unchecked.
    for (let attempt = 0; attempt < 12; attempt++)
      await subject.call('auth.login', { userId: admin.id, pin: '0000' }, `guesser-${attempt}`)
    expect(await subject.call('auth.login', { userId: admin.id, pin: '4321' }, 'own-till')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS' },
    })

    const output = adminUnlock('--data-dir', subject.dataDir)
    expect(output).toContain(`Cleared user ${admin.id} (${admin.displayName}, admin): 5 wrong PIN(s) in a row, wait until`)

    expect(await subject.call('auth.login', { userId: admin.id, pin: '4321' }, 'own-till')).toMatchObject({ ok: true })
    const { entries } = await subject.value('audit.list', { action: 'auth.unlocked' }, 'own-till')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ userId: null, subject: `user:${admin.id}`, details: { by: 'admin:unlock', failures: 5 } })
    expect(adminUnlock('--data-dir', subject.dataDir)).toContain('nothing to clear')
  }, 60_000)
})
