import { randomBytes, scryptSync } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

// Rules of the PIN login and the administrator's approval that the mutation run of
// auth-service.ts (issue 20) found unchecked: each test is named for the rule it protects.

let subject: TempApp
afterEach(() => subject.dispose())

async function idOf(name: string): Promise<number> {
  const users = await subject.value('auth.listUsers', {})
  return users.find((user) => user.displayName.startsWith(name))!.id
}

interface AuditRow {
  action: string
  user_id: number | null
  subject: string
  details: string
}

function audit(action: string): { userId: number | null; subject: string; details: unknown }[] {
  return (
    subject.app.db
      .prepare('SELECT action, user_id, subject, details FROM audit_log WHERE action = ? ORDER BY id')
      .all(action) as AuditRow[]
  ).map((row) => ({ userId: row.user_id, subject: row.subject, details: JSON.parse(row.details) }))
}

async function addMugs(quantity: number): Promise<number> {
  const [product] = await subject.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 }, 'till')
  return (await subject.value('cart.addProduct', { productId: product!.id, quantity }, 'till')).lines[0]!.lineId
}

describe('who logged in, who typed a wrong PIN: the audit entries name the user and the till', () => {
  it("a login is audited under the user's own subject, with the till it happened at", async () => {
    subject = createTempApp()
    const camille = await idOf('Camille')
    await subject.value('auth.login', { userId: camille, pin: '1234' }, 'till')
    expect(audit('auth.login')).toEqual([{ userId: camille, subject: `user:${camille}`, details: { tillId: 'TILL-01' } }])
  })

  it('a wrong PIN is audited with the till it was typed at', async () => {
    subject = createTempApp()
    const camille = await idOf('Camille')
    await subject.call('auth.login', { userId: camille, pin: '0000' }, 'till')
    expect(audit('auth.wrongPin')).toEqual([{ userId: camille, subject: `user:${camille}`, details: { tillId: 'TILL-01' } }])
  })

  it('a PIN hash replaced by a peppered one is audited as peppered', async () => {
    subject = createTempApp()
    const camille = await idOf('Camille')
    const salt = randomBytes(16)
    subject.app.db
      .prepare('UPDATE users SET pin_salt = ?, pin_hash = ?, pin_pepper_id = NULL WHERE id = ?')
      .run(salt, scryptSync('1234', salt, 32, { N: 16384, r: 8, p: 1 }), camille)
    await subject.value('auth.login', { userId: camille, pin: '1234' }, 'till')
    expect(audit('user.pinHashUpgraded')).toEqual([{ userId: camille, subject: `user:${camille}`, details: { pepper: true } }])
  })
})

describe('a login for nobody: an unknown user counts against the client that asks', () => {
  it('an unknown user is refused as a wrong PIN would be, and five of them make that client wait, audited by its hash', async () => {
    subject = createTempApp()
    for (let attempt = 1; attempt <= 4; attempt++) {
      const refused = await subject.call('auth.login', { userId: 9999, pin: '1234' }, 'till')
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    }
    expect(audit('auth.throttled')).toEqual([])
    expect(await subject.call('auth.login', { userId: 9999, pin: '1234' }, 'till')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: 300 } },
    })
    const [throttled, ...others] = audit('auth.throttled')
    expect(others).toEqual([])
    const client = (throttled!.details as { client: string }).client
    expect(client).toMatch(/^[0-9a-f]{12}$/)
    expect(throttled).toEqual({
      userId: null,
      subject: `client:${client}`,
      details: { scope: 'client', client, tillId: 'TILL-01', waitSeconds: 300 },
    })
    // Another client is not held up by that one's wait.
    const camille = await idOf('Camille')
    expect(await subject.call('auth.login', { userId: camille, pin: '1234' }, 'till-2')).toMatchObject({ ok: true })
  })
})

describe("an administrator's PIN typed to approve a large discount", () => {
  it("a cashier's own PIN, right as it is, does not approve a discount: FORBIDDEN, nothing recorded", async () => {
    subject = createTempApp()
    await subject.loginAs('cashier', 'till')
    const lineId = await addMugs(10)
    const discount = { type: 'amount', amount: 4470 } as const
    const refused = await subject.call(
      'cart.setLineDiscount',
      { lineId, discount, approval: { userId: await idOf('Camille'), pin: '1234' } },
      'till',
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(subject.app.db.prepare('SELECT count(*) FROM discount_approvals').pluck().get()).toBe(0)
    expect(audit('discount.approved')).toEqual([])
  })

  it("an administrator's right PIN at an approval forgets their earlier wrong ones, as a login does", async () => {
    subject = createTempApp()
    const alex = await idOf('Alex')
    await subject.call('auth.login', { userId: alex, pin: '0000' }, 'back-office')
    await subject.call('auth.login', { userId: alex, pin: '0000' }, 'back-office')
    await subject.loginAs('cashier', 'till')
    const lineId = await addMugs(10)
    const discount = { type: 'amount', amount: 4470 } as const
    await subject.value('cart.setLineDiscount', { lineId, discount, approval: { userId: alex, pin: '4321' } }, 'till')
    // Counted from zero again: this wrong PIN is the first, four are left.
    expect(await subject.call('auth.login', { userId: alex, pin: '0000' }, 'back-office-2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 4 } },
    })
  })
})
