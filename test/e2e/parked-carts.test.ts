import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

/**
 * Parked carts (issue 15) as a cashier lives them: two customers' carts parked with F3 under
 * their names, a sale served meanwhile, the till restarted, the first cart taken back with Enter
 * and its changed price said. Main's side (owner, restart, stale, discard) is proven by
 * test/integration/foundation/parked-carts-at-till.test.ts.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-parked-shots-'))
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let server: BrowserModeProcess | undefined

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ')

async function logIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
}

async function addToCart(page: Page, sku: string, count: number): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(sku)
  await search.press('Enter')
  await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toMatch(new RegExp(`\\b${count}\\b`))
}

/** F3, the customer's name, Enter: parked; Escape back to the empty till. */
async function park(page: Page, name: string, parkedBefore: number, shot?: string): Promise<void> {
  await page.keyboard.press('F3')
  const field = page.getByLabel(/Nom \(client\)/)
  await field.waitFor()
  await field.fill(name)
  if (shot) await shots(page, shot)
  await field.press('Enter')
  await expect.poll(() => page.getByTestId('parked-cart').count()).toBe(parkedBefore + 1)
  await page.keyboard.press('Escape')
  await expect.poll(() => page.getByTestId('parked-carts').count()).toBe(0)
  await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toMatch(/\b0\b|Aucun/)
}

describe('parked carts at the till', () => {
  it('two carts parked with F3, a sale served, the till restarted: the first comes back with Enter and its new price is said', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-parked-'))
    server = await startBrowserMode(dataDir)
    let { page, consoleErrors } = await openTillPage(browser, server.url)
    await logIn(page)
    await addToCart(page, 'MAI-MUG-01', 1)
    await park(page, 'Mme Durand', 0)
    await addToCart(page, 'MAI-PLAID-04', 1)
    await park(page, 'M. Petit', 1, 'parked-carts-park')

    // The next customer is served in cash while both carts wait.
    await addToCart(page, 'LIB-POCHE-02', 1)
    await page.keyboard.press('F12')
    await page.getByTestId('checkout-total').waitFor()
    await page.keyboard.press('F8')
    const tendered = page.getByLabel('Montant reçu')
    await tendered.fill('20,00')
    await tendered.press('Enter')
    await page.getByRole('button', { name: 'Nouvelle vente' }).waitFor()
    expect(consoleErrors).toEqual([])
    await page.context().close()
    await server.stop()

    // While the till is off, the mug's price goes up by 1,00 €.
    const db = new Database(join(dataDir, 'comptoir.sqlite'))
    const before = db.prepare<[], { unit_price: number }>("SELECT unit_price FROM products WHERE sku = 'MAI-MUG-01'").get()!.unit_price
    db.prepare("UPDATE products SET unit_price = unit_price + 100 WHERE sku = 'MAI-MUG-01'").run()
    db.close()
    const euros = (minor: number) => `${(minor / 100).toFixed(2).replace('.', ',')} €`

    server = await startBrowserMode(dataDir)
    ;({ page, consoleErrors } = await openTillPage(browser, server.url))
    await logIn(page)
    await page.keyboard.press('F3')
    await expect.poll(() => page.getByTestId('parked-cart').count()).toBe(2)
    const rows = page.getByTestId('parked-cart')
    expect(plain(await rows.nth(0).textContent())).toContain('Mme Durand')
    expect(plain(await rows.nth(0).textContent())).toContain('Camille Martin')
    expect(plain(await rows.nth(0).textContent())).toContain(euros(before + 100))
    expect(plain(await rows.nth(1).textContent())).toContain('M. Petit')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox')
    await shots(page, 'parked-carts-list')

    await page.keyboard.press('Enter')
    const changes = page.getByTestId('parked-price-changes')
    await changes.waitFor()
    expect(plain(await changes.textContent())).toContain(`${euros(before)} → ${euros(before + 100)}`)
    await shots(page, 'parked-carts-price-changed')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('parked-carts').count()).toBe(0)
    await expect.poll(async () => plain(await page.getByTestId('cart-item-count').textContent())).toMatch(/\b1\b/)
    await page.keyboard.press('F3')
    await expect.poll(() => page.getByTestId('parked-cart').count()).toBe(1)
    expect(plain(await page.getByTestId('parked-cart').textContent())).toContain('M. Petit')
    expect(consoleErrors).toEqual([])
  })
})
