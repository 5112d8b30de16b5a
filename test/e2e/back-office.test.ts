import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import type { OrderInfo } from '@shared/contract'
import { connectAsPage } from './support/api-client'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { expectLedgersAgree } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'

const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const INSUFFICIENT_FUNDS = { number: '4000000000009995', expiry: '12/30', securityCode: '123', holderName: 'Paul Refus' }
const ADDRESS = { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }

let browser: Browser
let server: BrowserModeProcess
const orders: { toShip?: OrderInfo; toVoid?: OrderInfo; cash?: OrderInfo; declined?: OrderInfo } = {}

/** Orders made the way the till makes them: as the cashier, through the API. */
async function makeOrders(url: string): Promise<void> {
  const till = await connectAsPage(url)
  await till.loginAs('Camille', '1234')
  const [teapot] = await till.value('catalogue.search', { query: 'théière' })
  const [mug] = await till.value('catalogue.search', { query: 'MAI-MUG-01' })
  const paidWithDelivery = async (productId: number): Promise<OrderInfo> => {
    await till.value('cart.addProduct', { productId })
    const order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: ADDRESS } })
    return till.value('checkout.payByCard', { orderId: order.id, card: VISA })
  }
  orders.toShip = await paidWithDelivery(teapot!.id)
  orders.toVoid = await paidWithDelivery(mug!.id)
  await till.value('cart.addProduct', { productId: mug!.id })
  let order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  orders.cash = await till.value('checkout.payCash', { orderId: order.id, tendered: 2000 })
  await till.value('cart.addProduct', { productId: mug!.id })
  order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  const declined = await till.call('checkout.payByCard', { orderId: order.id, card: INSUFFICIENT_FUNDS })
  expect(declined.ok).toBe(false)
  orders.declined = order
}

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
}

async function openAsAdmin(): Promise<{ page: Page; consoleErrors: string[] }> {
  const opened = await openTillPage(browser, server.url)
  await logIn(opened.page, /Alex/, '4321')
  await opened.page.goto(`${server.url}/#/admin/orders`)
  await opened.page.getByTestId('order-row').first().waitFor()
  return opened
}

function rowNumbers(page: Page): Promise<string[]> {
  return page.getByTestId('order-number').allTextContents()
}

async function openOrder(page: Page, number: string): Promise<void> {
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()
  await page.getByLabel(/Rechercher/).fill(number)
  await expect.poll(() => rowNumbers(page)).toEqual([number])
  await page.getByTestId('order-list').focus()
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: `Commande ${number}` }).waitFor()
}

/** RFC 4180, enough for the export: quoted fields with doubled quotes, CRLF lines, a BOM; `;` as French Excel reads it. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let index = 0; index < body.length; index++) {
    const character = body[index]!
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        field += '"'
        index++
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === separator) {
      row.push(field)
      field = ''
    } else if (character === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += character
  }
  if (field || row.length > 0) rows.push([...row, field])
  return rows
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
  await makeOrders(server.url)
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
  // Voids, captures at shipment and refunds leave the issuer and the orders telling one story.
  if (server) expectLedgersAgree(server.dataDir)
})

describe('an administrator reviews the orders', () => {
  it('filters declined orders and finds the one just declined with its reason', async () => {
    const { page, consoleErrors } = await openAsAdmin()
    await page.getByRole('checkbox', { name: 'Refusée' }).check()
    await expect.poll(() => rowNumbers(page)).toEqual([`#${orders.declined!.id}`])
    const row = page.getByTestId('order-row').first()
    // The row is named by its visible text (WCAG 2.5.3): status, then the reason.
    expect(await row.textContent()).toMatch(/Refusée[\s\S]*51 provision insuffisante/)
    expect(await row.textContent()).toContain('51 provision insuffisante')
    expect(await row.textContent()).toContain('Visa •••• 9995')
    await expect.poll(() => page.getByTestId('order-count').textContent()).toBe('1 commande')
    // A declined checkout is not money: the summary counts it, and its sales are nil.
    await expect.poll(() => page.getByTestId('order-sold-count').textContent()).toMatch(/dont aucune vente/)
    expect(await page.getByTestId('order-total').textContent()).toBe(formatMoney(0, 'EUR', 'fr-FR'))
    await page.getByRole('checkbox', { name: 'Refusée' }).uncheck()
    // The three sales are the money; no checkout was abandoned.
    await expect.poll(() => page.getByTestId('order-sold-count').textContent()).toMatch(/dont 3 ventes/)
    const sales = orders.toShip!.quote.totals.ttc + orders.toVoid!.quote.totals.ttc + orders.cash!.quote.totals.ttc
    expect(await page.getByTestId('order-total').textContent()).toBe(formatMoney(sales, 'EUR', 'fr-FR'))
    await page.getByRole('checkbox', { name: 'Abandonnée' }).check()
    await expect.poll(() => page.getByTestId('order-count').textContent()).toBe('Aucune commande')
    await page.getByRole('checkbox', { name: 'Abandonnée' }).uncheck()
    await page.getByRole('checkbox', { name: 'Refusée' }).check()
    await expect.poll(() => rowNumbers(page)).toHaveLength(1)

    await page.getByRole('checkbox', { name: 'Refusée' }).uncheck()
    await expect.poll(() => rowNumbers(page)).toHaveLength(4)
    await page.keyboard.press('/')
    await page.keyboard.type('9995')
    await expect.poll(() => rowNumbers(page)).toEqual([`#${orders.declined!.id}`])

    await page.getByTestId('order-list').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('attempt-reason').first().waitFor()
    expect(await page.getByTestId('attempt-reason').first().textContent()).toMatch(/51\s+provision insuffisante/)
    // Never paid: no sale number, only its internal reference.
    await page.getByRole('heading', { name: `Commande #${orders.declined!.id} (sans numéro)` }).waitFor()
    expect(await page.getByTestId('detail-unnumbered').count()).toBe(1)
    expect(consoleErrors).toEqual([])
  })

  it('voids an authorized order and the cardholder gets the hold back at the issuer', async () => {
    const api = await connectAsPage(server.url)
    await api.loginAs('Alex', '4321')
    const visaAccount = async () => (await api.value('issuer.accounts', {})).find((account) => account.lastFour === '4242')!
    const before = await visaAccount()

    const { page } = await openAsAdmin()
    await openOrder(page, orders.toVoid!.number!)
    await page.getByRole('button', { name: 'Annuler l’autorisation' }).click()
    const dialog = page.getByTestId('void-dialog')
    expect(await dialog.textContent()).toMatch(/rendue tout de suite au porteur/)
    await dialog.getByRole('button', { name: 'Annuler l’autorisation' }).click()
    await expect.poll(() => page.getByTestId('action-success').textContent()).toMatch(/Autorisation annulée/)
    await expect.poll(() => page.getByTestId('detail-status').textContent()).toMatch(/Annulée/)
    expect(await page.getByRole('button', { name: 'Annuler l’autorisation' }).count()).toBe(0)

    const after = await visaAccount()
    expect(after.available - before.available).toBe(orders.toVoid!.quote.totals.ttc)
    expect(after.openHolds).toBe(before.openHolds - 1)

    // And the administrator sees it where the bank's side is shown: the issuer console.
    await page.goto(`${server.url}/#/admin/issuer`)
    const visaRow = page.getByTestId('issuer-account-row').filter({ hasText: '4242' }).first()
    const shown = formatMoney(after.available, 'EUR', 'fr-FR')
    await expect.poll(() => visaRow.getByTestId('issuer-available').textContent()).toBe(shown)
  })

  it('ships an order, then refunds part of it', async () => {
    const { page } = await openAsAdmin()
    await openOrder(page, orders.toShip!.number!)
    await page.getByRole('button', { name: 'Marquer expédiée' }).click()
    const ship = page.getByTestId('ship-dialog')
    await ship.getByLabel('Numéro de suivi').fill('6A12345678901')
    await ship.getByRole('button', { name: 'Marquer expédiée' }).click()
    await expect.poll(() => page.getByTestId('action-success').textContent()).toMatch(/expédiée/)
    await expect.poll(() => page.getByTestId('shipment-info').textContent()).toContain('6A12345678901')
    await page.getByTestId('shipping-notice-frame').waitFor()
    expect(await page.getByTestId('shipping-notice-frame').getAttribute('sandbox')).toBe('')

    await page.getByRole('button', { name: 'Rembourser' }).click()
    const refund = page.getByTestId('refund-dialog')
    await refund.getByLabel('Un montant libre').check()
    const amount = refund.getByLabel('Montant à rembourser (€)')
    expect(await amount.inputValue()).toBe('53,90')
    await amount.fill('60,00')
    expect(await refund.textContent()).toContain('ne peut pas dépasser 53,90')
    await amount.fill('10,50')
    await refund.getByRole('button', { name: /Rembourser 10,50/ }).click()
    await expect.poll(() => page.getByTestId('action-success').textContent()).toMatch(/Remboursement de 10,50/)
    await expect.poll(() => page.getByTestId('refunded-amount').textContent()).toMatch(/10,50/)
  })

  it('exports the listed orders as CSV, and the file has the rows the screen shows', async () => {
    const { page } = await openAsAdmin()
    const onScreen = await rowNumbers(page)
    expect(onScreen.length).toBe(4)
    const download = page.waitForEvent('download')
    await page.getByTestId('export-csv').click()
    const file = await download
    const rows = parseCsv(readFileSync((await file.path())!, 'utf8'))
    expect(rows[0]![0]).toBe('Numéro')
    expect(rows.slice(1).map((row) => row[0])).toEqual(onScreen)
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/4 lignes/)

    // Filtered: the cash order alone.
    await page.getByLabel('Paiement').selectOption('cash')
    await expect.poll(() => rowNumbers(page)).toEqual([orders.cash!.number])
    const filtered = page.waitForEvent('download')
    await page.getByTestId('export-csv').click()
    const cashRows = parseCsv(readFileSync((await (await filtered).path())!, 'utf8'))
    expect(cashRows.slice(1).map((row) => row[0])).toEqual([orders.cash!.number])
  })
})

describe('a cashier', () => {
  it('is turned away from every back-office screen', async () => {
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    for (const path of ['/admin/orders', '/admin/dashboard', `/admin/orders/${orders.cash!.id}`, '/admin']) {
      await page.goto(`${server.url}/#${path}`)
      await expect.poll(() => page.getByText(/réservé aux administrateurs/).count()).toBeGreaterThan(0)
      expect(await page.getByTestId('order-row').count()).toBe(0)
      expect(await page.getByRole('navigation', { name: 'Administration' }).count()).toBe(0)
    }
  })

  it('is refused the back-office calls sent directly', async () => {
    const api = await connectAsPage(server.url)
    await api.loginAs('Camille', '1234')
    for (const answer of [
      await api.call('orders.search', { filters: {} }),
      await api.call('orders.detail', { orderId: orders.cash!.id }),
      await api.call('orders.refund', { orderId: orders.cash!.id, amount: 100 }),
      await api.call('exports.prepare', { kind: 'orders', filters: {} }),
      await api.call('dashboard.period', { from: '2020-01-01', to: '2030-01-01' }),
    ]) {
      expect(answer.ok).toBe(false)
      if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN')
    }
  })
})
