import { afterEach, describe, expect, it } from 'vitest'
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

describe('a cart left at the till is parked under its owner, never handed to the next user', () => {
  it('logging out parks the cart with its delivery; the next cashier starts empty; each gets their own back', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await add(subject, 'LIB-POCHE-02')
    await subject.value('cart.setDelivery', { delivery: { option: 'standard', zone: 'FR' } }, 'till-tab')
    await subject.value('auth.logout', {}, 'till-tab')

    await logIn(subject, 'Inès', '2468')
    expect(await skus(subject)).toEqual([])
    expect((await subject.value('cart.get', {}, 'till-tab')).delivery).toEqual({ option: 'pickup' })
    await add(subject, 'MAI-PLAID-04')
    await subject.value('auth.logout', {}, 'till-tab')

    await logIn(subject, 'Camille', '1234')
    const camille = await subject.value('cart.get', {}, 'till-tab')
    expect(camille.lines.map((line) => line.sku)).toEqual(['MAI-MUG-01', 'LIB-POCHE-02'])
    expect(camille.delivery).toEqual({ option: 'standard', zone: 'FR' })
    await subject.value('auth.logout', {}, 'till-tab')

    await logIn(subject, 'Inès', '2468')
    expect(await skus(subject)).toEqual(['MAI-PLAID-04'])
  })

  it('a session that ended without a logout (idle past the lock) parks the cart all the same when another user logs in', async () => {
    let clock = Date.parse('2026-12-07T10:00:00Z')
    subject = createTempApp({ now: () => new Date(clock) })
    await logIn(subject, 'Camille', '1234', 'tab-1')
    await add(subject, 'MAI-MUG-01', 'tab-1')
    clock += 6 * 60_000
    await logIn(subject, 'Inès', '2468', 'tab-2')
    expect(await skus(subject, 'tab-2')).toEqual([])
    await subject.value('auth.logout', {}, 'tab-2')
    await logIn(subject, 'Camille', '1234', 'tab-3')
    expect(await skus(subject, 'tab-3')).toEqual(['MAI-MUG-01'])
  })

  it('an administrator logging in on a second tab while the cashier works leaves her cart where it is', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'MAI-MUG-01', 'till-tab')
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    expect(await skus(subject, 'till-tab')).toEqual(['MAI-MUG-01'])
    // Nor does the administrator's logout park it: it is not theirs.
    await subject.value('auth.logout', {}, 'back-office-tab')
    expect(await skus(subject, 'till-tab')).toEqual(['MAI-MUG-01'])
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Inès', '2468', 'till-tab')
    expect(await skus(subject, 'till-tab')).toEqual([])
  })

  it('after a restart with no logout, the cart is its last user\'s: another cashier logging in first does not get it', async () => {
    subject = createTempApp()
    const dataDir = subject.dataDir
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    subject.app.close()

    subject = createTempApp({ dataDir })
    await logIn(subject, 'Inès', '2468')
    expect(await skus(subject)).toEqual([])
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234')
    expect(await skus(subject)).toEqual(['MAI-MUG-01'])
  })

  it('an administrator logged in first on another tab does not keep the cashier\'s cart from being parked', async () => {
    subject = createTempApp()
    await logIn(subject, 'Alex', '4321', 'back-office-tab')
    await logIn(subject, 'Camille', '1234', 'till-tab')
    await add(subject, 'MAI-MUG-01', 'till-tab')
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Inès', '2468', 'till-tab')
    expect(await skus(subject, 'till-tab')).toEqual([])
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234', 'till-tab')
    expect(await skus(subject, 'till-tab')).toEqual(['MAI-MUG-01'])
  })

  it('an empty cart is not parked, and the same cashier logging in again keeps her cart', async () => {
    subject = createTempApp()
    await logIn(subject, 'Camille', '1234')
    await subject.value('auth.logout', {}, 'till-tab')
    await logIn(subject, 'Camille', '1234')
    await add(subject, 'MAI-MUG-01')
    await logIn(subject, 'Camille', '1234', 'another-tab')
    expect(await skus(subject, 'another-tab')).toEqual(['MAI-MUG-01'])
  })
})
