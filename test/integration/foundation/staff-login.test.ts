import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

async function userId(name: string): Promise<number> {
  const users = await subject.value('auth.listUsers', {})
  return users.find((user) => user.displayName.startsWith(name))!.id
}

describe('staff login at the till', () => {
  it('a cashier logs in with the right PIN and the session says who is at the till', async () => {
    subject = createTempApp()
    const session = await subject.value('auth.login', { userId: await userId('Camille'), pin: '1234' })
    expect(session.user).toMatchObject({ displayName: 'Camille Martin', role: 'cashier' })
    expect((await subject.value('session.current', {})).user?.role).toBe('cashier')
  })

  it('a wrong PIN is refused and says how many attempts are left', async () => {
    subject = createTempApp()
    const result = await subject.call('auth.login', { userId: await userId('Camille'), pin: '0000' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 4 } } })
    expect((await subject.value('session.current', {})).user).toBeNull()
  })

  it('five wrong PINs make that till wait the lock minutes and the user a growing delay, never a lock', async () => {
    let now = new Date('2026-11-26T10:00:00Z')
    subject = createTempApp({ now: () => now })
    const camille = await userId('Camille')
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await subject.call('auth.login', { userId: camille, pin: '9999' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 5 - attempt } },
      })
    }
    const fifth = await subject.call('auth.login', { userId: camille, pin: '9999' })
    // The till that typed them waits the shop's five lock minutes; the user waits a second.
    expect(fifth).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 300 } } })
    // During its wait the till's PIN is not even checked, the right one included.
    expect(await subject.call('auth.login', { userId: camille, pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 300 } },
    })
    // From another till, the user's own short wait, then each further wrong PIN doubles it.
    expect(await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till-2')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 1 } },
    })
    now = new Date('2026-11-26T10:00:01Z')
    expect(await subject.call('auth.login', { userId: camille, pin: '9999' }, 'till-2')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 2 } },
    })
    now = new Date('2026-11-26T10:00:03Z')
    expect((await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till-2')).ok).toBe(true)
    // The first till's wait runs its course, then the right PIN works there too.
    now = new Date('2026-11-26T10:05:00Z')
    expect((await subject.call('auth.login', { userId: camille, pin: '1234' })).ok).toBe(true)
  })

  it("a till's waits double each time it reaches the limit again, up to a day, until a login succeeds there", async () => {
    let now = new Date('2026-11-26T10:00:00Z')
    subject = createTempApp({ now: () => now })
    const camille = await userId('Camille')
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      let last
      for (let attempt = 0; attempt < 5; attempt++) {
        // Slower than the user's own wait (at most the five lock minutes), so only the till's counts.
        now = new Date(now.getTime() + 301_000)
        last = await subject.call('auth.login', { userId: camille, pin: '9999' }, 'guesser')
      }
      expect(last).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } })
      const wait = (last as { error: { details: { retryAfter: number } } }).error.details.retryAfter
      waits.push(wait)
      now = new Date(now.getTime() + wait * 1000)
    }
    expect(waits).toEqual([300, 600, 1200, 2400])
    now = new Date(now.getTime() + 301_000)
    expect((await subject.call('auth.login', { userId: camille, pin: '1234' }, 'guesser')).ok).toBe(true)
    let again
    for (let attempt = 0; attempt < 5; attempt++)
      again = await subject.call('auth.login', { userId: camille, pin: '9999' }, 'guesser')
    expect(again).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 300 } } })
  })

  it('every login, failure, lockout and logout is recorded', async () => {
    subject = createTempApp()
    const camille = await userId('Camille')
    await subject.call('auth.login', { userId: camille, pin: '0000' })
    await subject.call('auth.login', { userId: camille, pin: '1234' })
    await subject.call('auth.logout', {})
    const outcomes = subject.app.db
      .prepare('SELECT outcome FROM login_events WHERE user_id = ? ORDER BY id')
      .pluck()
      .all(camille)
    expect(outcomes).toEqual(['wrong_pin', 'success', 'logout'])
  })

  it('PINs are stored as salted scrypt hashes, never in clear', async () => {
    subject = createTempApp()
    const rows = subject.app.db.prepare('SELECT pin_salt, pin_hash FROM users').all() as Array<{
      pin_salt: Buffer
      pin_hash: Buffer
    }>
    const salts = new Set(rows.map((row) => row.pin_salt.toString('hex')))
    expect(salts.size).toBe(rows.length)
    for (const row of rows) {
      expect(row.pin_hash.length).toBe(32)
      expect(row.pin_hash.toString('latin1')).not.toMatch(/1234|4321|2468/)
    }
  })

  it('an idle session is dropped after the inactivity delay and calls answer UNAUTHENTICATED', async () => {
    let now = new Date('2026-11-26T10:00:00Z')
    subject = createTempApp({ now: () => now })
    await subject.loginAs('cashier')
    expect((await subject.call('cart.get', {})).ok).toBe(true)
    now = new Date('2026-11-26T10:04:59Z')
    expect((await subject.call('cart.get', {})).ok).toBe(true)
    now = new Date('2026-11-26T10:10:00Z')
    expect(await subject.call('cart.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('roles are checked in main', () => {
  it('a cashier is refused an administrator call with FORBIDDEN', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    expect(await subject.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('an administrator may list the users', async () => {
    subject = createTempApp()
    await subject.loginAs('admin')
    const users = await subject.value('users.list', {})
    expect(users.map((user) => user.role).sort()).toEqual(['admin', 'cashier', 'cashier'])
  })

  it('nobody reaches the cart before logging in', async () => {
    subject = createTempApp()
    expect(await subject.call('cart.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
