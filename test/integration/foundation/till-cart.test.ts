import { afterEach, describe, expect, it } from 'vitest'
import { demoEan } from '../../../src/main/seed/seed-demo-shop'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

async function productIdBySku(sku: string): Promise<number> {
  const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 })
  return product!.id
}

describe('building a cart at the till', () => {
  it('adding the same product twice makes one line with quantity two, priced from the catalogue', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const mug = await productIdBySku('MAI-MUG-01')
    await subject.value('cart.addProduct', { productId: mug })
    const cart = await subject.value('cart.addProduct', { productId: mug })
    expect(cart.lines).toHaveLength(1)
    expect(cart.lines[0]).toMatchObject({ quantity: 2, unitPrice: 1490, lineTotal: 2980 })
    expect(cart.total).toBe(2980)
    expect(cart.itemCount).toBe(2)
  })

  it('a scanned barcode adds its product', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const cart = await subject.value('cart.scanBarcode', { barcode: demoEan(0) })
    expect(cart.lines[0]!.sku).toBe('EPI-CAFE-250')
  })

  it('an unknown barcode is refused with UNKNOWN_BARCODE and the cart is left as it was', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await subject.value('cart.scanBarcode', { barcode: demoEan(1) })
    const result = await subject.call('cart.scanBarcode', { barcode: '4006381333931' })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BARCODE' } })
    expect((await subject.value('cart.get', {})).lines).toHaveLength(1)
  })

  it('a misread barcode (wrong check digit) is refused with INVALID_BARCODE', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const good = demoEan(0)
    const misread = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`
    expect(await subject.call('cart.scanBarcode', { barcode: misread })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_BARCODE' },
    })
  })

  it('quantities change, lines are removed, and the cart empties', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await subject.value('cart.addProduct', { productId: await productIdBySku('LIB-POCHE-02') })
    let cart = await subject.value('cart.addProduct', { productId: await productIdBySku('PRE-QUOT-01') })
    const [book, paper] = cart.lines
    cart = await subject.value('cart.setQuantity', { lineId: book!.lineId, quantity: 3 })
    expect(cart.total).toBe(3 * 890 + 280)
    cart = await subject.value('cart.removeLine', { lineId: paper!.lineId })
    expect(cart.lines.map((line) => line.sku)).toEqual(['LIB-POCHE-02'])
    cart = await subject.value('cart.clear', {})
    expect(cart.lines).toEqual([])
    expect(cart.total).toBe(0)
  })

  it('a quantity of zero or over 9,999 is refused and changes nothing', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const cart = await subject.value('cart.addProduct', { productId: await productIdBySku('MAI-MUG-01'), quantity: 9999 })
    const lineId = cart.lines[0]!.lineId
    expect(await subject.call('cart.setQuantity', { lineId, quantity: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await subject.call('cart.addProduct', { productId: cart.lines[0]!.productId })).toMatchObject({
      ok: false,
      error: { code: 'QUANTITY_OUT_OF_RANGE' },
    })
    expect((await subject.value('cart.get', {})).lines[0]!.quantity).toBe(9999)
  })

  it('prices sent by the renderer are refused: only ids and quantities cross the bridge', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const result = await subject.call('cart.addProduct', {
      productId: await productIdBySku('MAI-MUG-01'),
      unitPrice: 1,
    } as never)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('the cart survives a restart of the main process', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await subject.value('cart.addProduct', { productId: await productIdBySku('MAI-MUG-01'), quantity: 2 })
    subject.app.close()
    const restarted = createTempApp({ dataDir: subject.dataDir })
    try {
      await restarted.loginAs('cashier')
      expect((await restarted.value('cart.get', {})).lines[0]!.quantity).toBe(2)
    } finally {
      restarted.dispose()
    }
  })
})

describe('finding products', () => {
  it('finds products by a word of their name in French or English, by SKU and by barcode', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const names = async (query: string) =>
      (await subject.value('catalogue.search', { query })).map((product) => product.sku)
    expect(await names('théière')).toContain('MAI-THEIERE-05')
    expect(await names('theiere')).toContain('MAI-THEIERE-05')
    expect(await names('teapot')).toContain('MAI-THEIERE-05')
    expect(await names('lib-poc')).toEqual(['LIB-POCHE-02'])
    expect(await names(demoEan(5).slice(0, 10))).toContain('EPI-CONF-370')
  })

  it('lists the categories with their product counts, and filters by category', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const categories = await subject.value('catalogue.categories', {})
    const press = categories.find((category) => category.code === 'presse')!
    expect(press.productCount).toBe(4)
    const inPress = await subject.value('catalogue.search', { query: '', categoryId: press.id })
    expect(inPress.every((product) => product.vatCategory === 'special')).toBe(true)
  })

  it('the demo shop spans every French VAT rate and sells digital goods', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const all = await subject.value('catalogue.search', { query: '', limit: 200 })
    expect(all.length).toBeGreaterThanOrEqual(40)
    expect(new Set(all.map((product) => product.vatCategory))).toEqual(
      new Set(['standard', 'intermediate', 'reduced', 'special']),
    )
    expect(all.filter((product) => product.kind === 'digital').length).toBeGreaterThanOrEqual(3)
  })
})
