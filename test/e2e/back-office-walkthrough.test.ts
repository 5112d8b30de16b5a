import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderInfo } from '@shared/contract'
import { addDays, shopDay } from '@shared/time/shop-time-zone'
import { connectAsPage } from './support/api-client'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

/**
 * The back-office as a new administrator of a French shop walks through it (issue 12): the
 * orders list, an order refunded by lines, the dashboard and the promotions, at the three screen
 * sizes of the shop's PCs. Screenshots go to COMPTOIR_SHOTS_DIR, or a temporary folder.
 */
const AMEX = { number: '378282246310005', expiry: '12/30', securityCode: '1234', holderName: 'Camille Martin' }
const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Camille Martin' }
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-walkthrough-shots-'))

let browser: Browser
let server: BrowserModeProcess
const orders: { amex?: OrderInfo; visa?: OrderInfo } = {}

/** Two sales as the till makes them, for a customer with a long name, by Amex and by Visa. */
async function makeOrders(url: string): Promise<void> {
  const till = await connectAsPage(url)
  await till.loginAs('Camille', '1234')
  const customer = await till.value('customers.create', { name: 'Camille Martin-Lefèvre', email: 'camille.martin@example.fr' })
  const [mug] = await till.value('catalogue.search', { query: 'MAI-MUG-01' })
  const [teapot] = await till.value('catalogue.search', { query: 'théière' })
  await till.value('cart.addProduct', { productId: mug!.id })
  await till.value('cart.addProduct', { productId: mug!.id })
  await till.value('cart.addProduct', { productId: teapot!.id })
  let order = await till.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
  orders.amex = await till.value('checkout.payByCard', { orderId: order.id, card: AMEX })
  await till.value('cart.addProduct', { productId: teapot!.id })
  order = await till.value('checkout.begin', { customerId: customer.id, delivery: { option: 'pickup' } })
  orders.visa = await till.value('checkout.payByCard', { orderId: order.id, card: VISA })
}

async function openAsAdmin(size: { width: number; height: number } = SIZES[1]): Promise<Page> {
  const { page } = await openTillPage(browser, server.url)
  await page.setViewportSize(size)
  await page.getByRole('button', { name: /Alex/ }).click()
  await page.getByLabel(/Code PIN/).fill('4321')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
  return page
}

async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) })
}

/** True when the page itself scrolls sideways (a table wider than the window). */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  browser = await launchChromium()
  server = await startBrowserMode()
  await makeOrders(server.url)
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

describe('Settings, promotion codes', () => {
  it('shows each code’s real state and fits the window at every size, actions included', async () => {
    for (const size of SIZES) {
      const page = await openAsAdmin(size)
      await page.goto(`${server.url}/#/admin/settings`)
      const section = page.getByTestId('promotions-section')
      await section.getByTestId('promotion-row').first().waitFor()
      const noel = section.getByTestId('promotion-row').filter({ hasText: 'NOEL2025' })
      await section.scrollIntoViewIfNeeded()
      await shoot(page, 'settings-promotions')
      await expect.poll(() => noel.getByTestId('promotion-state').textContent()).toBe('Expiré')
      // Valid from 1 December to 31 December included, in Paris (the seed's end instant is 1 January 00:00).
      expect((await noel.textContent())!).toMatch(/du 01\/12\/2025\s*au 31\/12\/2025/)
      expect(await section.getByTestId('promotion-row').filter({ hasText: 'BIENVENUE10' }).getByTestId('promotion-state').textContent()).toBe('Actif')
      expect(await scrollsSideways(page)).toBe(false)
      // Every action button lies wholly inside the window and inside the table's frame.
      const frame = (await section.locator('.adm-table-wrap').boundingBox())!
      for (const button of await section.getByRole('button', { name: /Désactiver le code|Modifier le code/ }).all()) {
        const box = (await button.boundingBox())!
        expect(box.x + box.width).toBeLessThanOrEqual(Math.min(size.width, frame.x + frame.width) + 0.5)
        expect(box.x).toBeGreaterThanOrEqual(frame.x - 0.5)
      }
      expect(await section.locator('.adm-table-wrap').evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true)
      await page.context().close()
    }
  })
})

/** Whether an element's text is cut: wider or taller than its box. */
function isCut(page: Page, testId: string, index: number): Promise<boolean> {
  return page
    .getByTestId(testId)
    .nth(index)
    .evaluate((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
}

describe('the orders list', () => {
  it('shows the customer’s whole name and the whole payment method at every size', async () => {
    for (const size of SIZES) {
      const page = await openAsAdmin(size)
      await page.goto(`${server.url}/#/admin/orders`)
      await page.getByTestId('order-row').first().waitFor()
      await shoot(page, 'orders-list')
      expect(await scrollsSideways(page)).toBe(false)
      const customers = page.getByTestId('order-customer')
      const payments = page.getByTestId('order-payment')
      const count = await customers.count()
      expect(count).toBeGreaterThanOrEqual(2)
      const amexRow = page.getByTestId('order-row').filter({ hasText: orders.amex!.number! })
      expect(await amexRow.getByTestId('order-customer').textContent()).toContain('Camille Martin-Lefèvre')
      expect(await amexRow.getByTestId('order-payment').textContent()).toContain("American Express •••• 0005")
      for (let index = 0; index < count; index++) {
        // Shown whole, or at least given whole on hover; at these sizes, shown whole.
        expect(await isCut(page, 'order-customer', index)).toBe(false)
        expect(await isCut(page, 'order-payment', index)).toBe(false)
        expect(await isCut(page, 'order-number', index)).toBe(false)
        expect(await customers.nth(index).getAttribute('title')).toBe(await customers.nth(index).textContent().then((text) => text!.trim()))
        expect(await payments.nth(index).getAttribute('title')).toBe(await payments.nth(index).textContent().then((text) => text!.trim()))
      }
      await page.context().close()
    }
  })
})

describe('dates in the shop’s time zone and the interface’s language', () => {
  it('a French date field reads and writes dd/mm/yyyy, and filters on the shop’s days', async () => {
    const page = await openAsAdmin()
    await page.goto(`${server.url}/#/admin/orders`)
    await page.getByTestId('order-row').first().waitFor()
    const from = page.getByTestId('date-field').first()
    expect(await from.getAttribute('placeholder')).toBe('jj/mm/aaaa')
    const today = shopDay(new Date(), 'Europe/Paris')
    const french = (day: string) => day.split('-').reverse().join('/')
    await from.fill(french(addDays(today, 1)))
    await from.press('Enter')
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(0)
    await from.fill(french(today))
    await from.press('Enter')
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(2)
    expect(await from.inputValue()).toBe(french(today))
    await from.fill('31/02/2026')
    expect(await from.getAttribute('aria-invalid')).toBe('true')
    await page.context().close()
  })
})

describe('the orders CSV of a French shop', () => {
  it('downloads in French Excel’s format by default, international on request, and says "1 ligne"', async () => {
    const page = await openAsAdmin()
    await page.goto(`${server.url}/#/admin/orders`)
    await page.getByTestId('order-row').first().waitFor()
    expect(await page.getByTestId('export-format').inputValue()).toBe('french')
    let download = page.waitForEvent('download')
    await page.getByTestId('export-csv').click()
    let text = readFileSync((await (await download).path())!, 'utf8')
    expect(text.startsWith('\uFEFFNuméro;Date;Statut;')).toBe(true)
    const amexLine = text.split('\r\n').find((line) => line.startsWith(orders.amex!.number!))!
    expect(amexLine).toMatch(/;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};Livrée;Camille Martin-Lefèvre;/)
    expect(amexLine).toContain(';74,80;')
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/\(2 lignes\)/)

    await page.getByLabel(/Rechercher/).fill(orders.amex!.number!)
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1)
    await page.getByTestId('export-format').selectOption('international')
    download = page.waitForEvent('download')
    await page.getByTestId('export-csv').click()
    text = readFileSync((await (await download).path())!, 'utf8')
    expect(text.startsWith('\uFEFFNuméro,Date,Statut,')).toBe(true)
    expect(text).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00,delivered,/)
    expect(text).toContain(',74.80,')
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/\(1 ligne\)/)
    await page.context().close()
  })
})

describe('a refund by lines', () => {
  it('refunds one mug of two: the history names it, the order says it is partly refunded', async () => {
    const page = await openAsAdmin()
    await page.goto(`${server.url}/#/admin/orders/${orders.amex!.id}`)
    await page.getByRole('heading', { name: `Commande ${orders.amex!.number}` }).waitFor()
    await page.getByRole('button', { name: 'Rembourser' }).click()
    const dialog = page.getByTestId('refund-dialog')
    expect(await dialog.getByLabel('Des articles ou la livraison').isChecked()).toBe(true)
    const mugQuantity = dialog.getByLabel('Quantité à rembourser : Mug en grès 35 cl')
    await mugQuantity.fill('3')
    await expect.poll(() => dialog.getByTestId('refund-items-total').textContent()).toMatch(/Il n’en reste que 2/)
    await mugQuantity.fill('1')
    await expect.poll(() => dialog.getByTestId('refund-items-total').textContent()).toMatch(/À rembourser : 14,90/)
    await dialog.getByRole('button', { name: /Rembourser 14,90/ }).click()
    await expect.poll(() => page.getByTestId('action-success').textContent()).toMatch(/14,90/)
    // Intl writes a narrow no-break space before the euro sign.
    await expect.poll(() => page.getByTestId('event-note').last().textContent().then((text) => text?.replace(/\s/g, ' '))).toBe(
      'Remboursement : 1 × Mug en grès 35 cl, 14,90 €',
    )
    expect(await page.getByTestId('detail-partly-refunded').textContent()).toMatch(/remboursée en partie \(14,90/)
    // One mug is left to refund.
    await page.getByRole('button', { name: 'Rembourser' }).click()
    expect(await dialog.textContent()).toContain('1 remboursable sur 2')
    await dialog.getByRole('button', { name: 'Fermer sans rien faire' }).click()
    // The list says it too, under the status.
    await page.goto(`${server.url}/#/admin/orders`)
    const row = page.getByTestId('order-row').filter({ hasText: orders.amex!.number! })
    await expect.poll(() => row.getByTestId('order-partly-refunded').textContent().then((text) => text?.replace(/\s/g, ' ').trim())).toBe(
      'remboursée en partie (14,90 €)',
    )
    await page.goto(`${server.url}/#/admin/orders/${orders.amex!.id}`)
    await page.getByRole('heading', { name: `Commande ${orders.amex!.number}` }).waitFor()
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await shoot(page, 'order-detail-refund')
      expect(await scrollsSideways(page)).toBe(false)
      // The quote's table is not cut: its last column lies inside its card.
      const quote = page.locator('.quote table').first()
      expect(await quote.evaluate((table) => table.getBoundingClientRect().right <= table.parentElement!.getBoundingClientRect().right + 1)).toBe(true)
    }
    await page.context().close()
  })
})

describe('the dashboard', () => {
  it('shows sales, refunds deducted, by hour and by cashier, against the period before', async () => {
    // One mug refunded, by the refund test above or here when this test runs alone.
    const admin = await connectAsPage(server.url)
    await admin.loginAs('Alex', '4321')
    if ((await admin.value('orders.detail', { orderId: orders.amex!.id })).refundedAmount === 0) {
      const mug = orders.amex!.quote.lines.find((line) => line.name.fr === 'Mug en grès 35 cl')!
      await admin.value('orders.refund', { orderId: orders.amex!.id, items: { lines: [{ lineId: mug.lineId, quantity: 1 }], delivery: false } })
    }
    const page = await openAsAdmin()
    await page.goto(`${server.url}/#/admin/dashboard`)
    await page.getByTestId('average-basket').waitFor()
    const text = async (testId: string) => (await page.getByTestId(testId).textContent())!.replace(/\s/g, ' ')
    // Two sales (74,80 € and 45,00 €), one mug (14,90 €) refunded by the test before.
    await expect.poll(() => text('dashboard-sales')).toBe('119,80 €')
    expect(await text('dashboard-refunds')).toBe('-14,90 €')
    expect(await text('dashboard-net')).toBe('104,90 €')
    expect(await text('dashboard-previous')).toMatch(/Période précédente .*Net : 0,00 €.*Aucune vente sur la période précédente/)
    const panel = (name: string) => page.getByRole('region', { name })
    const cashiers = panel('Ventes nettes par vendeur')
    await cashiers.getByRole('button', { name: 'Voir les chiffres' }).click()
    expect((await cashiers.getByRole('row').nth(1).textContent())!.replace(/\s/g, ' ')).toMatch(/Camille Martin\s*2\s*119,80 €\s*-14,90 €\s*104,90 €/)
    const hours = panel('Ventes nettes par heure')
    await hours.getByRole('button', { name: 'Voir les chiffres' }).click()
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', hourCycle: 'h23' }).format(new Date())
    expect((await hours.getByRole('row').nth(1).textContent())!.replace(/\s/g, ' ')).toContain(`${Number(hour)} h`)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await shoot(page, 'dashboard')
      expect(await scrollsSideways(page)).toBe(false)
    }
    await page.context().close()
  })
})
