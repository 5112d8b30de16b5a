import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

async function idOf(name: string): Promise<number> {
  const users = await subject.value('users.list', {}, 'admin')
  return users.find((user) => user.displayName.startsWith(name))!.id
}

async function adminApp(now?: () => Date): Promise<TempApp> {
  subject = createTempApp({ now })
  await subject.loginAs('admin', 'admin')
  return subject
}

describe('users as administrators manage them', () => {
  it('a new cashier appears on the login tiles and logs in with the PIN given', async () => {
    await adminApp()
    const created = await subject.value(
      'users.create',
      { displayName: 'Léa Petit', role: 'cashier', pin: '8642' },
      'admin',
    )
    expect(created).toMatchObject({ displayName: 'Léa Petit', role: 'cashier', active: true })
    expect((await subject.value('auth.listUsers', {})).map((user) => user.displayName)).toContain(
      'Léa Petit',
    )
    expect((await subject.call('auth.login', { userId: created.id, pin: '8642' }, 'lea')).ok).toBe(
      true,
    )
  })

  it('a second active user with the same name is refused, the login tiles would be ambiguous', async () => {
    await adminApp()
    const result = await subject.call(
      'users.create',
      { displayName: 'camille martin', role: 'cashier', pin: '1111' },
      'admin',
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'USER_NAME_TAKEN' } })
  })

  it('the last active administrator can be neither deactivated nor demoted', async () => {
    await adminApp()
    const alex = await idOf('Alex')
    expect(await subject.call('users.deactivate', { userId: alex }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    })
    expect(
      await subject.call('users.changeRole', { userId: alex, role: 'cashier' }, 'admin'),
    ).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    })
    expect(
      (await subject.value('users.list', {}, 'admin')).find((user) => user.id === alex),
    ).toMatchObject({
      role: 'admin',
      active: true,
    })
  })

  it('with a second administrator, the first may be demoted, and loses the session that said admin', async () => {
    await adminApp()
    const camille = await idOf('Camille')
    await subject.value('users.changeRole', { userId: camille, role: 'admin' }, 'admin')
    await subject.value('auth.login', { userId: camille, pin: '1234' }, 'camille')
    const alex = await idOf('Alex')
    await subject.value('users.changeRole', { userId: alex, role: 'cashier' }, 'camille')
    expect(await subject.call('users.list', {}, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('a deactivated cashier loses their session at once and can no longer log in', async () => {
    await adminApp()
    await subject.loginAs('cashier', 'till')
    const camille = await idOf('Camille')
    const deactivated = await subject.value('users.deactivate', { userId: camille }, 'admin')
    expect(deactivated.active).toBe(false)
    expect(await subject.call('cart.get', {}, 'till')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(
      await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till'),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
    expect((await subject.value('auth.listUsers', {})).map((user) => user.id)).not.toContain(
      camille,
    )

    await subject.value('users.reactivate', { userId: camille }, 'admin')
    expect((await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till')).ok).toBe(
      true,
    )
  })

  it('resetting the PIN of a cashier made to wait clears their wait and count; the old PIN no longer works', async () => {
    await adminApp(() => new Date('2026-11-26T10:00:00Z'))
    const camille = await idOf('Camille')
    for (let attempt = 0; attempt < 5; attempt++)
      await subject.call('auth.login', { userId: camille, pin: '9999' }, 'till')
    expect(
      await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till-2'),
    ).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 1 } },
    })
    const reset = await subject.value('users.resetPin', { userId: camille, pin: '7531' }, 'admin')
    expect(reset.lockedUntil).toBeNull()
    // 'till' typed the five wrong PINs: it waits its own five minutes, the reset does not change that.
    expect(await subject.call('auth.login', { userId: camille, pin: '7531' }, 'till')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 300 } },
    })
    expect(
      await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till-2'),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 4 } },
    })
    expect((await subject.call('auth.login', { userId: camille, pin: '7531' }, 'till-2')).ok).toBe(
      true,
    )
  })

  it('resetting a PIN ends that user\'s open sessions at once, on every till', async () => {
    await adminApp()
    await subject.loginAs('cashier', 'till')
    await subject.loginAs('cashier', 'second-till')
    const camille = await idOf('Camille')
    await subject.value('users.resetPin', { userId: camille, pin: '7531' }, 'admin')
    for (const till of ['till', 'second-till']) {
      expect(await subject.call('cart.get', {}, till)).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    }
    // The administrator who reset it keeps their own session.
    expect((await subject.call('users.list', {}, 'admin')).ok).toBe(true)
    expect((await subject.call('auth.login', { userId: camille, pin: '7531' }, 'till')).ok).toBe(true)
  })

  it('an unknown user is NOT_FOUND', async () => {
    await adminApp()
    expect(
      await subject.call('users.resetPin', { userId: 999, pin: '1234' }, 'admin'),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('user changes are audited with who did them and never with the PIN', async () => {
    await adminApp()
    const camille = await idOf('Camille')
    const alex = await idOf('Alex')
    const created = await subject.value(
      'users.create',
      { displayName: 'Léa Petit', role: 'cashier', pin: '8642' },
      'admin',
    )
    await subject.value('users.resetPin', { userId: camille, pin: '7531' }, 'admin')
    await subject.value('users.deactivate', { userId: camille }, 'admin')
    await subject.value('users.reactivate', { userId: camille }, 'admin')
    await subject.value('users.changeRole', { userId: created.id, role: 'admin' }, 'admin')
    const { entries } = await subject.value('audit.list', { limit: 5 }, 'admin')
    expect(entries.map((entry) => [entry.action, entry.subject, entry.userId])).toEqual([
      ['user.roleChanged', `user:${created.id}`, alex],
      ['user.reactivated', `user:${camille}`, alex],
      ['user.deactivated', `user:${camille}`, alex],
      ['user.pinReset', `user:${camille}`, alex],
      ['user.created', `user:${created.id}`, alex],
    ])
    expect(entries[0]!.details).toEqual({ before: { role: 'cashier' }, after: { role: 'admin' } })
    expect(JSON.stringify(entries)).not.toMatch(/7531|8642/)
  })
})
