import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MERCHANT_DATABASE_FILE } from '../../../src/main/app/create-app'
import { auditEntryHash } from '../../../src/main/audit/audit-hash'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

async function idOf(name: string): Promise<number> {
  const users = await subject.value('auth.listUsers', {})
  return users.find((user) => user.displayName.startsWith(name))!.id
}

async function actions(): Promise<string[]> {
  const { entries } = await subject.value('audit.list', { limit: 200 }, 'admin')
  return entries.map((entry) => entry.action).reverse()
}

/** What someone with access to the file does: opens it on their own, drops the guard, edits. */
function tamper(sql: string): void {
  const attacker = new Database(join(subject.dataDir, MERCHANT_DATABASE_FILE))
  attacker.exec(`DROP TRIGGER IF EXISTS audit_log_is_append_only_update;
    DROP TRIGGER IF EXISTS audit_log_is_append_only_delete; ${sql}`)
  attacker.close()
}

describe('the audit log of sensitive actions', () => {
  it('records logins, wrong PINs and the waits they start, for the user and for the client', async () => {
    subject = createTempApp()
    const camille = await idOf('Camille')
    for (let attempt = 0; attempt < 5; attempt++)
      await subject.call('auth.login', { userId: camille, pin: '0000' }, 'till')
    await subject.loginAs('admin', 'admin')
    expect(await actions()).toEqual([
      ...Array(5).fill('auth.wrongPin'),
      'auth.throttled',
      'auth.throttled',
      'auth.login',
    ])
    const { entries } = await subject.value('audit.list', { action: 'auth.throttled' }, 'admin')
    const forUser = entries.find((entry) => entry.subject === `user:${camille}`)
    expect(forUser).toMatchObject({ userId: camille, userDisplayName: 'Camille Martin' })
    expect(forUser!.details).toMatchObject({
      scope: 'user',
      tillId: 'TILL-01',
      failures: 5,
      waitSeconds: 1,
      until: expect.any(String),
    })
    const forClient = entries.find((entry) => entry.subject.startsWith('client:'))
    expect(forClient).toMatchObject({ userId: null })
    // The client is named by a short hash, never by its id (in browser mode, a session's key).
    expect(forClient!.details).toMatchObject({ scope: 'client', waitSeconds: 300, client: expect.stringMatching(/^[0-9a-f]{12}$/) })
    expect(JSON.stringify(entries)).not.toContain('till"')
  })

  it("records a discount approved with an administrator's PIN: who asked, who approved, how much", async () => {
    subject = createTempApp()
    await subject.loginAs('cashier', 'till')
    const cart = await subject.value('cart.addProduct', { productId: 1, quantity: 2 }, 'till')
    const line = cart.lines[0]!
    const alex = await idOf('Alex')
    await subject.value(
      'cart.setLineDiscount',
      {
        lineId: line.lineId,
        discount: { type: 'percent', basisPoints: 5000 },
        approval: { userId: alex, pin: '4321' },
      },
      'till',
    )
    await subject.loginAs('admin', 'admin')
    const { entries } = await subject.value('audit.list', { action: 'discount.approved' }, 'admin')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ userId: alex, subject: `cart-line:${line.lineId}` })
    expect(entries[0]!.details).toMatchObject({
      cashierId: await idOf('Camille'),
      discount: { type: 'percent', basisPoints: 5000 },
      lineAmount: line.unitPrice * 2,
      discountAmount: line.unitPrice,
    })
  })

  it('records setting changes with before and after', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    await subject.value('settings.updateShop', { inactivityLockSeconds: 600 }, 'admin')
    const { entries } = await subject.value(
      'audit.list',
      { action: 'settings.shopChanged' },
      'admin',
    )
    expect(entries[0]!.details).toMatchObject({
      before: { inactivityLockSeconds: 300 },
      after: { inactivityLockSeconds: 600 },
    })
  })

  it('pages newest first by keyset, without gaps or repeats', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    for (let seconds = 31; seconds <= 40; seconds++) {
      await subject.value('settings.updateShop', { inactivityLockSeconds: seconds }, 'admin')
    }
    const seen: number[] = []
    let cursor: number | undefined
    for (;;) {
      const page = await subject.value('audit.list', { limit: 3, cursor }, 'admin')
      seen.push(...page.entries.map((entry) => entry.id))
      if (page.nextCursor === null) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
  })

  it('refuses updates and deletes while its triggers stand', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    expect(() => subject.app.db.prepare("UPDATE audit_log SET subject = 'x'").run()).toThrow(
      /append-only/,
    )
    expect(() => subject.app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(await subject.value('audit.verify', {}, 'admin')).toEqual({ ok: true, entries: 1 })
  })

  it('a row altered directly in SQLite, triggers dropped, is named by the check', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    for (const seconds of [60, 120, 180]) {
      await subject.value('settings.updateShop', { inactivityLockSeconds: seconds }, 'admin')
    }
    expect(await subject.value('audit.verify', {}, 'admin')).toEqual({ ok: true, entries: 4 })
    tamper(`UPDATE audit_log SET details = replace(details, '120', '999') WHERE id = 3`)
    expect(await subject.value('audit.verify', {}, 'admin')).toMatchObject({
      ok: false,
      brokenAt: 3,
    })
  })

  it('an altered row whose own hash was recomputed breaks the next link, which the check names', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    for (const seconds of [60, 120, 180]) {
      await subject.value('settings.updateShop', { inactivityLockSeconds: seconds }, 'admin')
    }
    const row = subject.app.db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as {
      id: number
      at: string
      action: string
      subject: string
      details: string
      previous_hash: string
    }
    const forged = auditEntryHash(row.previous_hash, {
      ...row,
      userId: null,
      detailsJson: row.details,
    })
    tamper(`UPDATE audit_log SET user_id = NULL, hash = '${forged}' WHERE id = 2`)
    expect(await subject.value('audit.verify', {}, 'admin')).toMatchObject({
      ok: false,
      brokenAt: 3,
    })
  })

  it('a row deleted from the middle is noticed at the entry after it', async () => {
    subject = createTempApp()
    await subject.loginAs('admin', 'admin')
    for (const seconds of [60, 120, 180]) {
      await subject.value('settings.updateShop', { inactivityLockSeconds: seconds }, 'admin')
    }
    tamper('DELETE FROM audit_log WHERE id = 2')
    expect(await subject.value('audit.verify', {}, 'admin')).toMatchObject({
      ok: false,
      brokenAt: 3,
    })
  })
})
