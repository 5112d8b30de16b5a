import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
  server = await startBrowserMode()
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

/** A cash sale at the till through the page's own calls, then its refund and a reprint by the administrator. */
async function sellRefundAndReprint(): Promise<{ number: string; orderId: number }> {
  const cashier = await connectAsPage(server.url)
  await cashier.loginAs('Camille', '1234')
  const [product] = await cashier.value('catalogue.search', { query: 'MAI-MUG-01', limit: 1 })
  await cashier.value('cart.addProduct', { productId: product!.id, quantity: 2 })
  const order = await cashier.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  const paid = await cashier.value('checkout.payCash', { orderId: order.id, tendered: 10_000 })
  const admin = await connectAsPage(server.url)
  await admin.loginAs('Alex', '4321')
  await admin.value('orders.refund', { orderId: paid.id, amount: 500, reason: 'ébréché' })
  await admin.value('orders.reprintApproval', { orderId: paid.id })
  return { number: paid.number!, orderId: paid.id }
}

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
}

describe('the fiscal journal screen', () => {
  it('shows the records newest first, filters by kind from the keyboard and verifies the chain on demand', async () => {
    const { number, orderId } = await sellRefundAndReprint()
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await logIn(page, /Alex/, '4321')
    await page.goto(`${server.url}/#/admin/fiscal`)
    await page.getByRole('heading', { name: 'Journal fiscal' }).waitFor()
    const rows = page.getByTestId('fiscal-row')
    await expect.poll(() => rows.count()).toBe(3)
    await expect.poll(() => rows.nth(0).textContent()).toMatch(/Duplicata.*Alex Dubois/)
    await expect.poll(() => rows.nth(1).textContent()).toMatch(new RegExp(`Avoir\\s*${number}.*[-−]5,00`))
    await expect.poll(() => rows.nth(2).textContent()).toMatch(new RegExp(`TILL-01\\s*1\\s*Ticket\\s*${number}.*Camille Martin`))
    // The start-up check of the chain's tail is shown until a full check is asked for.
    await expect.poll(() => page.getByTestId('fiscal-status').textContent()).toMatch(/Contrôle au démarrage/)

    const shots = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-fiscal-shots-'))
    for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(shots, `fiscal-journal-${width}x${height}.png`) })
    }
    await page.setViewportSize({ width: 1366, height: 768 })

    await page.getByTestId('fiscal-verify').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('fiscal-status').textContent()).toMatch(/Journal intègre : 3 enregistrement\(s\)/)

    // The kind applies as soon as it is chosen (arrows on the focused list).
    await page.getByTestId('fiscal-kind').focus()
    await page.getByTestId('fiscal-kind').selectOption({ label: 'Avoir' })
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => rows.first().textContent()).toMatch(/Avoir/)
    await page.getByRole('button', { name: 'Effacer' }).click()
    await expect.poll(() => rows.count()).toBe(3)

    // Reprinting the approval from the order's page is a duplicate too, numbered by main.
    await page.goto(`${server.url}/#/admin/orders/${orderId}`)
    await page.getByTestId('approval-frame').waitFor()
    await page.getByRole('button', { name: /Réimprimer/ }).last().click()
    await page.goto(`${server.url}/#/admin/fiscal`)
    await expect.poll(() => rows.count()).toBe(4)
    await expect.poll(() => rows.first().textContent()).toMatch(/TILL-01\s*4\s*Duplicata/)

    // Yesterday's Z (nothing was sold then: a closing with empty sums), asked first; a second is refused.
    await page.getByTestId('fiscal-close-day').click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer' }).click()
    await expect.poll(() => page.getByTestId('fiscal-closed').textContent()).toMatch(/Clôture Z enregistrée pour : \d{2}\/\d{2}\/\d{4}/)
    await expect.poll(() => rows.first().textContent()).toMatch(/TILL-01\s*5\s*Clôture journalière \(Z\)/)
    await page.getByTestId('fiscal-close-day').click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clôturer' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/déjà clôturée/)
    expect(consoleErrors).toEqual([])
  })
})
