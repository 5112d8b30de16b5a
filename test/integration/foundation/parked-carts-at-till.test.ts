import { afterEach, describe, expect, it } from 'vitest'
import { parkedCarts } from '../../../src/main/migrations/028-parked-carts'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
afterEach(() => subject?.dispose())

async function logIn(app: TempApp, name: string, pin: string, clientId = 'till-tab'): Promise<void> {
  const users = await app.value('auth.listUsers', {}, clientId)
  const user = users.find((candidate) => candidate.displayName.startsWith(name))!
  await app.value('auth.login', { userId: user.id, pin }, clientId)
}

async function add(app: TempApp, sku: string, clientId = 'till-tab'): Promise<void> {
  const [product] = await app.value('catalogue.search', { query: sku, limit: 1 }, clientId)
  await app.value('cart.addProduct', { productId: product!.id }, clientId)
}

const skus = async (app: TempApp, clientId = 'till-tab'): Promise<string[]> =>
  (await app.value('cart.get', {}, clientId)).lines.map((line) => line.sku)

const parkedNames = async (app: TempApp, clientId = 'till-tab'): Promise<string[]> =>
  (await app.value('cart.parkedList', {}, clientId)).map((cart) => cart.name)

describe('parking carts at the till to serve the next customer', () => {
  it('two carts parked under their customers\' names wait in the list with owner, lines and total; the till is empty after each', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await add(subject, 'LIB-POCHE-02')
    const empty = await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    expect(empty.lines).toEqual([])
    await add(subject, 'MAI-PLAID-04')
    await subject.value('cart.park', { name: '  M. Petit ' }, 'till-tab')
    expect(await skus(subject)).toEqual([])

    const list = await subject.value('cart.parkedList', {}, 'till-tab')
    expect(list.map((cart) => [cart.name, cart.ownerName, cart.lineCount, cart.stale])).toEqual([
      ['Mme Durand', expect.stringContaining('Camille'), 2, false],
      ['M. Petit', expect.stringContaining('Camille'), 1, false],
    ])
    expect(list.every((cart) => cart.total > 0)).toBe(true)
  })

  it('an empty cart cannot be parked, and a cart is taken back only into an empty till cart', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    const nothing = await subject.call('cart.park', { name: 'Vide' }, 'till-tab')
    expect(nothing.ok ? null : nothing.error.code).toBe('CART_EMPTY')
    await add(subject, 'MAI-MUG-01')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    await add(subject, 'LIB-POCHE-02')
    const [durand] = await subject.value('cart.parkedList', {}, 'till-tab')
    const refused = await subject.call('cart.takeBack', { parkedId: durand!.id }, 'till-tab')
    expect(refused.ok ? null : refused.error.code).toBe('CART_NOT_EMPTY')
    expect(await skus(subject)).toEqual(['LIB-POCHE-02'])
    expect(await parkedNames(subject)).toEqual(['Mme Durand'])
  })

  it('taking a cart back prices it again and names each line whose price changed while it waited', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await add(subject, 'LIB-POCHE-02')
    const before = await subject.value('cart.get', {}, 'till-tab')
    const mugBefore = before.lines.find((line) => line.sku === 'MAI-MUG-01')!.unitPrice
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    subject.app.db.prepare("UPDATE products SET unit_price = unit_price + 200 WHERE sku = 'MAI-MUG-01'").run()

    const [durand] = await subject.value('cart.parkedList', {}, 'till-tab')
    expect(durand!.total).toBe(before.total + 200)
    const taken = await subject.value('cart.takeBack', { parkedId: durand!.id }, 'till-tab')
    expect(taken.cart.lines.map((line) => line.sku)).toEqual(['MAI-MUG-01', 'LIB-POCHE-02'])
    expect(taken.cart.total).toBe(before.total + 200)
    expect(taken.priceChanges).toEqual([
      { lineId: expect.any(Number), sku: 'MAI-MUG-01', name: expect.any(Object), before: mugBefore, after: mugBefore + 200 },
    ])
    expect(await parkedNames(subject)).toEqual([])
  })

  it('a cart taken back unchanged reports no price change, and a missing one is NOT_FOUND', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    const [durand] = await subject.value('cart.parkedList', {}, 'till-tab')
    expect((await subject.value('cart.takeBack', { parkedId: durand!.id }, 'till-tab')).priceChanges).toEqual([])
    await subject.value('cart.clear', {}, 'till-tab')
    const gone = await subject.call('cart.takeBack', { parkedId: durand!.id }, 'till-tab')
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND')
  })

  it('parked carts survive a restart, and another cashier may take one back: the list said whose it was, the audit says who took it', async () => {
    subject = createTempApp()
    const dataDir = subject.dataDir
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    subject.app.close()

    subject = createTempApp({ dataDir })
    await logIn(subject, 'Inès', '2468')
    const [durand] = await subject.value('cart.parkedList', {}, 'till-tab')
    expect([durand!.name, durand!.ownerName]).toEqual(['Mme Durand', expect.stringContaining('Camille')])
    await subject.value('cart.takeBack', { parkedId: durand!.id }, 'till-tab')
    expect(await skus(subject)).toEqual(['MAI-MUG-01'])
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    const audit = await subject.value('audit.list', { action: 'cart.parkedTakenOver' }, 'back-office-tab')
    expect(audit.entries.map((entry) => entry.details)).toEqual([expect.objectContaining({ name: 'Mme Durand', ownerId: durand!.ownerId })])
    // Taken back, the cart is Inès's now: her logout parks it under her name.
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Inès', '2468')
    expect(await skus(subject)).toEqual(['MAI-MUG-01'])
  })

  it('a cart parked at logout is listed under its owner and still comes back at their next login', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    await add(subject, 'LIB-POCHE-02')
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Inès', '2468')
    const list = await subject.value('cart.parkedList', {}, 'till-tab')
    expect(list.map((cart) => cart.name)).toEqual(['Mme Durand', expect.stringContaining('Camille')])
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234')
    // Her logout cart comes back; the customer's cart she parked stays in the list.
    expect(await skus(subject)).toEqual(['LIB-POCHE-02'])
    expect(await parkedNames(subject)).toEqual(['Mme Durand'])
  })

  it('after a restart, a cart left on the till is parked under the cashier who built it, not the administrator who logged in last', async () => {
    subject = createTempApp()
    const dataDir = subject.dataDir
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'MAI-MUG-01', 'till-tab')
    // The administrator opens the back-office in a second tab: the last login, not the cart's owner.
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    subject.app.close()

    subject = createTempApp({ dataDir })
    await logIn(subject, 'Alex', '4321', 'till-tab')
    expect(await skus(subject)).toEqual([])
    const [left] = await subject.value('cart.parkedList', {}, 'till-tab')
    expect(left!.ownerName).toContain('Camille')
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234', 'till-tab')
    expect(await skus(subject)).toEqual(['MAI-MUG-01'])
  })

  it('a cart parked past a day is marked for clean-up; an administrator discards it, audited; a cashier may not', async () => {
    let clock = Date.parse('2026-12-07T10:00:00Z')
    subject = createTempApp({ now: () => new Date(clock) })
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'MAI-MUG-01', 'till-tab')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    // The next morning, a day and an hour later: the first cart is past the 24 h setting.
    clock += 25 * 3_600_000
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'LIB-POCHE-02', 'till-tab')
    await subject.value('cart.park', { name: 'M. Petit' }, 'till-tab')
    const list = await subject.value('cart.parkedList', {}, 'till-tab')
    expect(list.map((cart) => [cart.name, cart.stale])).toEqual([['Mme Durand', true], ['M. Petit', false]])

    const refused = await subject.call('cart.discardParked', { parkedId: list[0]!.id }, 'till-tab')
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    const left = await subject.value('cart.discardParked', { parkedId: list[0]!.id }, 'back-office-tab')
    expect(left.map((cart) => cart.name)).toEqual(['M. Petit'])
    const audit = await subject.value('audit.list', {}, 'back-office-tab')
    const entry = audit.entries.find((candidate) => candidate.action === 'cart.parkedDiscarded')
    expect(entry?.details).toMatchObject({ name: 'Mme Durand', lineCount: 1 })
  })
  it('the clean-up delay is a shop setting: set to 2 h, a cart parked 3 h ago is marked at once', async () => {
    let clock = Date.parse('2026-12-07T10:00:00Z')
    subject = createTempApp({ now: () => new Date(clock) })
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'MAI-MUG-01', 'till-tab')
    await subject.value('cart.park', { name: 'Mme Durand' }, 'till-tab')
    clock += 3 * 3_600_000
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    expect((await subject.value('cart.parkedList', {}, 'back-office-tab')).map((cart) => cart.stale)).toEqual([false])
    await subject.value('settings.updateShop', { parkedCartStaleHours: 2 }, 'back-office-tab')
    expect((await subject.value('cart.parkedList', {}, 'back-office-tab')).map((cart) => cart.stale)).toEqual([true])
  })
  it('a cart parked at a logout before migration 028 (under <till>~parked~<user id>) is listed as its owner\'s and comes back at her login', async () => {
    subject = createTempApp()
    const dataDir = subject.dataDir
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await subject.value('auth.logout', {}, 'till-tab')
    // The database as it was before 028: the lines under the user's key, no parked_carts rows.
    const db = subject.app.db
    const { cart_key: key, owner_id: owner } = db.prepare<[], { cart_key: string; owner_id: number }>('SELECT cart_key, owner_id FROM parked_carts').get()!
    const oldKey = key.replace(/~parked~.*$/, `~parked~${owner}`)
    db.prepare('UPDATE cart_lines SET till_id = ? WHERE till_id = ?').run(oldKey, key)
    db.exec('DROP TABLE parked_carts; DROP TABLE till_cart_owners; ALTER TABLE cart_lines DROP COLUMN parked_unit_price')
    parkedCarts.up(db)
    subject.app.close()

    subject = createTempApp({ dataDir })
    await logIn(subject, 'Inès', '2468')
    const [old] = await subject.value('cart.parkedList', {}, 'till-tab')
    expect([old!.ownerName, old!.lineCount]).toEqual([expect.stringContaining('Camille'), 1])
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234')
    expect(await skus(subject)).toEqual(['MAI-MUG-01'])
  })
})
