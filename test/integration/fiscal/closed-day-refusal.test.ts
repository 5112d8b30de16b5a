import { afterEach, describe, expect, it } from 'vitest'
import { ERRORS } from '@shared/contract'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
})

describe('a closed fiscal day refuses records', () => {
  it('a sale stamped on a day already closed (the till’s clock set back) answers FISCAL_PERIOD_CLOSED, not INTERNAL, and writes nothing', { timeout: 20_000 }, async () => {
    const clock = { now: new Date('2026-12-08T09:00:00Z') }
    subject = createTempApp({ now: () => clock.now })
    await subject.loginAs('admin')
    await subject.value('fiscal.closeDay', {})
    await subject.loginAs('cashier', 'cashier')
    const [product] = await subject.value('catalogue.search', { query: 'MAI-THEIERE-05', limit: 1 }, 'cashier')
    await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
    const order = await subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } }, 'cashier')
    const before = subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000)

    // The machine's clock goes back to the 7th, which its Z closed.
    clock.now = new Date('2026-12-07T15:00:00Z')
    const refused = await subject.call('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')
    expect(refused).toMatchObject({ ok: false, error: { code: 'FISCAL_PERIOD_CLOSED', details: { day: '2026-12-07', closedThrough: '2026-12-07' } } })
    expect(subject.app.fiscal.journal.page({ kind: null, fromDay: null, toDay: null }, null, 1000)).toEqual(before)
    expect(subject.app.db.prepare('SELECT status FROM orders WHERE id = ?').get(order.id)).not.toMatchObject({ status: 'paid' })

    // Back on the right day, the same sale goes through.
    clock.now = new Date('2026-12-08T09:05:00Z')
    await subject.loginAs('cashier', 'cashier')
    expect(await subject.call('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')).toMatchObject({ ok: true })
  })

  it('the till says so in French and in English', () => {
    expect(ERRORS.FISCAL_PERIOD_CLOSED.fr).toBe(
      'Cette journée est déjà clôturée (clôture Z) : elle ne reçoit plus d’enregistrement, rien n’a été fait. Vérifiez la date et l’heure de la caisse.',
    )
    expect(ERRORS.FISCAL_PERIOD_CLOSED.en).toMatch(/^This day is already closed \(Z closing\)/)
  })
})
