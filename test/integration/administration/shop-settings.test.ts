import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

let now = new Date('2026-11-26T10:00:00Z')

async function adminApp(): Promise<TempApp> {
  now = new Date('2026-11-26T10:00:00Z')
  subject = createTempApp({ now: () => now })
  await subject.loginAs('admin', 'admin')
  return subject
}

describe('shop settings as the administrator edits them', () => {
  it('shows identity, shop and pricing settings, VAT rates in force, promotions and the card vault protection', async () => {
    await adminApp()
    const view = await subject.value('settings.get', {}, 'admin')
    expect(view.identity.siret).toBe('123 456 789 00012')
    expect(view.shop).toMatchObject({ currency: 'EUR', issuerTimeoutSeconds: 10, maxFailedPins: 5 })
    expect(view.pricing.priceMode).toBe('TTC')
    expect(
      view.vatRates
        .filter((rate) => rate.current)
        .map((rate) => rate.rateBasisPoints)
        .sort(),
    ).toEqual([1000, 2000, 210, 550])
    expect(view.promotions.map((promotion) => promotion.code)).toContain('BIENVENUE10')
    // The tests keep the vault key in a plain file: the screen must warn.
    expect(view.cardVault).toEqual({ osBacked: false, backend: 'file' })
  })

  it('a VAT rate added for a future date applies only from that date; carts priced before keep the old rate', async () => {
    await adminApp()
    await subject.loginAs('cashier', 'till')
    const line = (await subject.value('cart.addProduct', { productId: 1 }, 'till')).lines[0]!
    const before = (await subject.value('cart.get', {}, 'till')).quote.lines[0]!.vatRateBasisPoints
    const view = await subject.value(
      'settings.addVatRate',
      {
        category: line.vatCategory,
        rateBasisPoints: before + 100,
        effectiveFrom: '2027-01-01T00:00:00+01:00',
      },
      'admin',
    )
    const history = view.vatRates.filter((rate) => rate.category === line.vatCategory)
    expect(history.map((rate) => [rate.rateBasisPoints, rate.current])).toEqual([
      [before, true],
      [before + 100, false],
    ])
    expect((await subject.value('cart.get', {}, 'till')).quote.lines[0]!.vatRateBasisPoints).toBe(
      before,
    )
    now = new Date('2026-12-31T22:59:59Z')
    await subject.loginAs('cashier', 'till')
    expect((await subject.value('cart.get', {}, 'till')).quote.lines[0]!.vatRateBasisPoints).toBe(
      before,
    )
    now = new Date('2026-12-31T23:00:00Z')
    expect((await subject.value('cart.get', {}, 'till')).quote.lines[0]!.vatRateBasisPoints).toBe(
      before + 100,
    )
  })

  it('a VAT rate starting in the past is refused: carts already priced keep their rate', async () => {
    await adminApp()
    const result = await subject.call(
      'settings.addVatRate',
      {
        category: 'reduced',
        rateBasisPoints: 600,
        effectiveFrom: '2026-11-01T00:00:00+01:00',
      },
      'admin',
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'EFFECTIVE_DATE_IN_PAST' } })
  })

  it('a shorter inactivity lock applies to the sessions at once', async () => {
    await adminApp()
    await subject.loginAs('cashier', 'till')
    await subject.value('settings.updateShop', { inactivityLockSeconds: 60 }, 'admin')
    now = new Date('2026-11-26T10:01:30Z')
    expect(await subject.call('cart.get', {}, 'till')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect((await subject.value('session.current', {})).inactivityLockSeconds).toBe(60)
  })

  it('a wrong identity (SIRET) is refused and nothing changes', async () => {
    await adminApp()
    const result = await subject.call('settings.updateIdentity', { siret: '123' }, 'admin')
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const changed = await subject.value(
      'settings.updateIdentity',
      { city: 'Lyon', postcode: '69001' },
      'admin',
    )
    expect(changed.identity).toMatchObject({
      city: 'Lyon',
      postcode: '69001',
      name: 'Comptoir du Canal',
    })
  })

  it('pricing: a higher free-delivery threshold and a lower approval threshold are used by the cart', async () => {
    await adminApp()
    const view = await subject.value(
      'settings.updatePricing',
      {
        discountApprovalThresholdBasisPoints: 500,
        delivery: {
          ...(await subject.value('settings.get', {}, 'admin')).pricing.delivery,
          freeStandardThresholdFr: null,
        },
      },
      'admin',
    )
    expect(view.pricing).toMatchObject({
      discountApprovalThresholdBasisPoints: 500,
      delivery: { freeStandardThresholdFr: null },
    })
    await subject.loginAs('cashier', 'till')
    const line = (await subject.value('cart.addProduct', { productId: 1 }, 'till')).lines[0]!
    const discount = await subject.call(
      'cart.setLineDiscount',
      { lineId: line.lineId, discount: { type: 'percent', basisPoints: 600 } },
      'till',
    )
    expect(discount).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } })
  })

  it('weight bands that do not go up in weight are refused', async () => {
    await adminApp()
    const { delivery } = (await subject.value('settings.get', {}, 'admin')).pricing
    const bands = {
      ...delivery.bands,
      FR: {
        ...delivery.bands.FR,
        standard: [
          { upToGrams: 1000, fee: 500 },
          { upToGrams: 500, fee: 700 },
        ],
      },
    }
    const result = await subject.call(
      'settings.updatePricing',
      { delivery: { ...delivery, bands } },
      'admin',
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('a promotion is created, changed (keeping its use count) and deactivated, each change audited', async () => {
    await adminApp()
    await subject.value(
      'settings.savePromotion',
      { code: 'hiver20', type: 'percent', value: 2000, minBasket: 5000 },
      'admin',
    )
    const changed = await subject.value(
      'settings.savePromotion',
      { code: 'HIVER20', type: 'percent', value: 2500, usageLimit: 100 },
      'admin',
    )
    expect(changed.promotions.find((promotion) => promotion.code === 'HIVER20')).toMatchObject({
      value: 2500,
      minBasket: null,
      usageLimit: 100,
      timesUsed: 0,
      active: true,
    })
    await subject.loginAs('cashier', 'till')
    await subject.value('cart.addProduct', { productId: 1 }, 'till')
    expect((await subject.call('cart.applyPromotion', { code: 'HIVER20' }, 'till')).ok).toBe(true)

    const off = await subject.value('settings.deactivatePromotion', { code: 'hiver20' }, 'admin')
    expect(off.promotions.find((promotion) => promotion.code === 'HIVER20')?.active).toBe(false)
    expect(await subject.call('cart.applyPromotion', { code: 'HIVER20' }, 'till')).toMatchObject({
      ok: false,
      error: { code: 'PROMOTION_INVALID' },
    })
    const { entries } = await subject.value('audit.list', { limit: 4 }, 'admin')
    expect(entries.map((entry) => entry.action)).toEqual([
      'settings.promotionDeactivated',
      'auth.login',
      'settings.promotionSaved',
      'settings.promotionSaved',
    ])
    expect(entries[0]!.details).toMatchObject({
      before: { active: true },
      after: { active: false },
    })
    expect(
      await subject.call(
        'settings.savePromotion',
        { code: 'BAD', type: 'percent', value: 12000 },
        'admin',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'PROMOTION_INVALID' },
    })
  })
})
