import { afterEach, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp
afterEach(() => subject.dispose())

const VISA_OK = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }

async function add(sku: string, quantity = 1) {
  const [product] = await subject.value('catalogue.search', { query: sku, limit: 1 })
  return subject.value('cart.addProduct', { productId: product!.id, quantity })
}

async function beginPickup() {
  return subject.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
}

function holdsOf(pan: string): number {
  return subject.app.issuer.simulator.openHoldsForCard(pan)
}

describe('checkout at the till', () => {
  it('a card sale with 4242 4242 4242 4242 is authorized, delivered at once and captured', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-MUG-01')
    const order = await beginPickup()
    expect(order.status).toBe('pending_payment')
    expect(order.number).toBeNull()
    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK })
    expect(paid.status).toBe('delivered')
    expect(paid.number).toMatch(/^T01-\d{4}-000001$/)
    expect(paid.card?.authorizationCode).toMatch(/^[0-9A-Z]{6}$/)
    expect(paid.card?.masked).not.toContain('4242 4242 4242 4242')
    expect(paid.capturedAmount).toBe(1490)
    expect((await subject.value('cart.get', {})).lines).toEqual([])
    const { html } = await subject.value('orders.approval', { orderId: order.id })
    expect(html).toContain(paid.number)
    expect(html).toContain(paid.card!.authorizationCode!)
    expect(html).toContain('Confirmation de commande')
  })

  it('a declined card keeps the order open with the code and lets the cashier retry with another card', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-MUG-01')
    const order = await beginPickup()
    const declined = await subject.call('checkout.payByCard', {
      orderId: order.id,
      card: { ...VISA_OK, number: '4000 0000 0000 9995' },
    })
    expect(declined).toMatchObject({ ok: false, error: { code: 'CARD_DECLINED', details: { responseCode: '51' } } })
    expect((await subject.value('orders.get', { orderId: order.id })).status).toBe('declined')
    expect((await subject.value('cart.get', {})).lines).toHaveLength(1)
    const retried = await subject.value('checkout.payByCard', {
      orderId: order.id,
      card: { ...VISA_OK, number: '5555 5555 5555 4444' },
    })
    expect(retried.status).toBe('delivered')
  })

  it('cash pays with change, and short cash is refused', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('LIB-POCHE-02')
    const order = await beginPickup()
    expect(await subject.call('checkout.payCash', { orderId: order.id, tendered: 500 })).toMatchObject({
      ok: false,
      error: { code: 'CASH_SHORT' },
    })
    const paid = await subject.value('checkout.payCash', { orderId: order.id, tendered: 2000 })
    expect(paid).toMatchObject({ status: 'delivered', paymentMethod: 'cash', changeDue: 2000 - 890 })
  })

  it('a digital-only cart needs no delivery and its e-book downloads at once', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('NUM-EBOOK-01')
    await add('NUM-LOGICIEL-03')
    const order = await beginPickup()
    expect(order.delivery.option).toBe('none')
    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK })
    const download = paid.entitlements.find((entitlement) => entitlement.kind === 'download')!
    const licence = paid.entitlements.find((entitlement) => entitlement.kind === 'licence_key')!
    expect(licence.code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/)
    const file = await subject.value('orders.download', { token: download.downloadToken! })
    expect(file.fileName).toBe('les-heures-claires.epub')
    expect(Buffer.from(file.base64, 'base64').subarray(30, 38).toString()).toBe('mimetype')
  })

  it('shipping to a French address adds the delivery fee and the order waits for shipment with its hold', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-THEIERE-05')
    const order = await subject.value('checkout.begin', {
      customerId: null,
      delivery: {
        option: 'standard',
        address: { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' },
      },
    })
    expect(order.quote.totals.delivery).toBe(890)
    const paid = await subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK })
    expect(paid.status).toBe('awaiting_shipment')
    expect(paid.capturedAmount).toBe(0)
    expect(holdsOf('4242424242424242')).toBe(1)
  })

  it('a French postcode must be five digits', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-THEIERE-05')
    const result = await subject.call('checkout.begin', {
      customerId: null,
      delivery: { option: 'standard', address: { recipient: 'J C', line1: '3 rue des Lilas', postcode: '6900', city: 'Lyon', country: 'FR' } },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('pressing pay twice at once places one hold and makes one order', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-THEIERE-05')
    const order = await subject.value('checkout.begin', {
      customerId: null,
      delivery: { option: 'standard', address: { recipient: 'J C', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' } },
    })
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => subject.call('checkout.payByCard', { orderId: order.id, card: VISA_OK })),
    )
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThanOrEqual(1)
    for (const answer of answers) if (!answer.ok) expect(answer.error.code).toBe('PAYMENT_IN_PROGRESS')
    expect(holdsOf('4242424242424242')).toBe(1)
    const again = await subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK })
    expect(again.status).toBe('awaiting_shipment')
    expect(holdsOf('4242424242424242')).toBe(1)
    const attempts = subject.app.db.prepare('SELECT count(*) AS n FROM payment_attempts').get() as { n: number }
    expect(attempts.n).toBe(1)
  })

  it('cash tendered twice at once records one payment', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('LIB-POCHE-02')
    const order = await beginPickup()
    const answers = await Promise.all([1, 2, 3].map(() => subject.call('checkout.payCash', { orderId: order.id, tendered: 1000 })))
    expect(answers.some((answer) => answer.ok)).toBe(true)
    const events = subject.app.db.prepare("SELECT count(*) FROM order_events WHERE order_id = ? AND to_status = 'paid'").pluck().get(order.id)
    expect(events).toBe(1)
  })

  it('a card saved with consent is reused on a later sale without its security code', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const customer = await subject.value('customers.create', { name: 'Jeanne Client', email: 'jeanne@example.fr' })
    await add('MAI-MUG-01')
    let order = await subject.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
    await subject.value('checkout.payByCard', { orderId: order.id, card: VISA_OK, saveCard: true })
    const cards = await subject.value('customers.savedCards', { customerId: customer.id })
    expect(cards).toHaveLength(1)
    expect(cards[0]).toMatchObject({ lastFour: '4242', expiryMonth: 12, expiryYear: 2030 })
    await add('PAP-CARNET-01')
    order = await subject.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
    const paid = await subject.value('checkout.payBySavedCard', { orderId: order.id, token: cards[0]!.token })
    expect(paid.status).toBe('delivered')
    expect(paid.paymentMethod).toBe('saved_card')
  })

  it('a promotion code is counted once the order is paid', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('LIB-CUISINE-03')
    await subject.value('cart.applyPromotion', { code: 'BIENVENUE10' })
    const order = await beginPickup()
    expect(order.quote.discounts.promotion?.code).toBe('BIENVENUE10')
    await subject.value('checkout.payCash', { orderId: order.id, tendered: 5000 })
    const used = subject.app.db.prepare("SELECT times_used FROM promotions WHERE code = 'BIENVENUE10'").pluck().get()
    expect(used).toBe(1)
  })
})

describe('the approval as a PDF file', () => {
  it('comes from the desktop shell printer, and browser mode says to use the print dialog', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    await add('MAI-MUG-01')
    const order = await beginPickup()
    await subject.value('checkout.payCash', { orderId: order.id, tendered: 2000 })
    expect(await subject.call('orders.approvalPdf', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    })
    subject.dispose()

    const printed: string[] = []
    subject = createTempApp({
      documentPrinter: {
        toPdf: async (html) => {
          printed.push(html)
          return Buffer.from('%PDF-1.7')
        },
      },
    })
    await subject.loginAs('cashier')
    await add('MAI-MUG-01')
    const second = await beginPickup()
    const { number } = await subject.value('checkout.payCash', { orderId: second.id, tendered: 2000 })
    const pdf = await subject.value('orders.approvalPdf', { orderId: second.id })
    expect(pdf.fileName).toBe(`commande-${number}.pdf`)
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-1.7')
    expect(printed[0]).toContain(number)
  })
})

describe('the approval document', () => {
  it('escapes what customers type: a name cannot inject markup', async () => {
    subject = createTempApp()
    await subject.loginAs('cashier')
    const customer = await subject.value('customers.create', { name: '<img src=x onerror=alert(1)>' })
    await add('MAI-MUG-01')
    const order = await subject.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
    await subject.value('checkout.payCash', { orderId: order.id, tendered: 2000 })
    const { html } = await subject.value('orders.approval', { orderId: order.id })
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;')
    expect(html).toContain("default-src 'none'")
  })
})

describe('the document stylesheet', () => {
  it('survives the template escaping unchanged, so no declaration is voided', async () => {
    const { DOCUMENT_STYLES } = await import('../../../src/main/documents/document-styles')
    expect(DOCUMENT_STYLES).not.toMatch(/["'&<>=`]/)
  })
})
