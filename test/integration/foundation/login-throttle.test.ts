import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

const LOCK_SECONDS = 5 * 60

async function adminId(): Promise<number> {
  return (await subject.value('auth.listUsers', {})).find((user) => user.role === 'admin')!.id
}

function wrongPinsCounted(userId: number): number {
  return subject.app.db
    .prepare("SELECT count(*) FROM login_events WHERE user_id = ? AND outcome = 'wrong_pin'")
    .pluck()
    .get(userId) as number
}

/**
 * The user's correct PIN from their own till: answered at once, or after one wait that is never
 * longer than the shop's lock minutes. Returns the wait it took.
 */
async function loginFromOwnTill(userId: number, pin: string, advance: (seconds: number) => void): Promise<number> {
  const first = await subject.call('auth.login', { userId, pin }, 'own-till')
  if (first.ok) return 0
  expect(first).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } })
  const wait = (first.error.details as { retryAfter: number }).retryAfter
  expect(wait).toBeLessThanOrEqual(LOCK_SECONDS)
  advance(wait)
  expect(await subject.call('auth.login', { userId, pin }, 'own-till')).toMatchObject({ ok: true })
  await subject.call('auth.logout', {}, 'own-till')
  return wait
}

describe('wrong PINs slow the caller down, not the victim', () => {
  it('1,000 wrong PINs from another client lock nobody out, the only administrator included', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z')
    subject = createTempApp({ now: () => new Date(now) })
    const admin = await adminId()
    const advance = (seconds: number): void => {
      now += seconds * 1000
    }
    // The attacker hammers the administrator's tile, one wrong PIN every 30 s for over eight hours.
    const answers = new Map<string, number>()
    for (let attempt = 0; attempt < 1000; attempt++) {
      const result = await subject.call('auth.login', { userId: admin, pin: '0000' }, 'attacker')
      const code = result.ok ? 'OK' : result.error.code
      answers.set(code, (answers.get(code) ?? 0) + 1)
      advance(30)
      // Now and then, the administrator comes to the till: their correct PIN works there, at
      // worst after one short wait, however long the attack has been going on.
      if (attempt % 100 === 99) await loginFromOwnTill(admin, '4321', advance)
    }
    expect(answers.get('OK')).toBeUndefined()
    // The attacker's own waits double: of its 1,000 tries only a few dozen PINs were checked.
    expect(wrongPinsCounted(admin)).toBeLessThanOrEqual(40)
    expect(answers.get('TOO_MANY_ATTEMPTS')).toBeGreaterThan(950)
    await loginFromOwnTill(admin, '4321', advance)
  })

  it('a cashier trying PINs in the approval field of a line discount locks nobody out either', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z')
    subject = createTempApp({ now: () => new Date(now) })
    const admin = await adminId()
    await subject.loginAs('cashier', 'cashier-till')
    const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 }, 'cashier-till')
    const cart = await subject.value('cart.addProduct', { productId: product!.id, quantity: 10 }, 'cashier-till')
    const lineId = cart.lines[0]!.lineId
    const discount = { type: 'amount', amount: 4470 } as const
    for (let attempt = 0; attempt < 1000; attempt++) {
      const result = await subject.call(
        'cart.setLineDiscount',
        // 0000 to 0999: never the administrator's 4321.
        { lineId, discount, approval: { userId: admin, pin: String(attempt).padStart(4, '0') } },
        'cashier-till',
      )
      expect(result.ok).toBe(false)
      now += 10_000
    }
    expect(wrongPinsCounted(admin)).toBeLessThanOrEqual(40)
    await loginFromOwnTill(admin, '4321', (seconds) => {
      now += seconds * 1000
    })
  })

  it('a guesser changing client for every try is held back by the user wait, which stays within the lock minutes', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z')
    subject = createTempApp({ now: () => new Date(now) })
    const admin = await adminId()
    let checked = 0
    for (let attempt = 0; attempt < 200; attempt++) {
      const result = await subject.call('auth.login', { userId: admin, pin: '0000' }, `fresh-${attempt}`)
      if (!result.ok && result.error.code === 'INVALID_CREDENTIALS') checked += 1
      if (!result.ok && result.error.code === 'TOO_MANY_ATTEMPTS') {
        expect((result.error.details as { retryAfter: number }).retryAfter).toBeLessThanOrEqual(LOCK_SECONDS)
      }
      now += 1000
    }
    // 200 tries over 200 s: the first four are checked freely, then the waits double (1, 2, 4 ... s).
    expect(wrongPinsCounted(admin)).toBeLessThanOrEqual(12)
    expect(checked).toBe(4)
    await loginFromOwnTill(admin, '4321', (seconds) => {
      now += seconds * 1000
    })
  })
})
