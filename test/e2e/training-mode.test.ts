import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

/**
 * Training mode (MODE ÉCOLE, issue 14) as a cashier lives it: the supervisor's PIN on the till's
 * session screen, the banner on every screen, a training sale paid in cash whose ticket says it is
 * a simulation, and back to real sales with the PIN again. Main's side (GT, closings, chains) is
 * proven by test/integration/fiscal/training-mode.test.ts.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-training-shots-'))
mkdirSync(SHOTS, { recursive: true })

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

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1024, 768], [1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** A pocket book paid 20,00 € in cash, from the till's search to the approval. */
async function sellInCash(page: Page, steps: { inCart?: () => Promise<void>; beforePaying?: () => Promise<void> } = {}): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill('LIB-POCHE-02')
  await search.press('Enter')
  await expect.poll(() => page.getByTestId('cart-item-count').textContent()).toMatch(/1/)
  await steps.inCart?.()
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await page.keyboard.press('F8')
  const tendered = page.getByLabel('Montant reçu')
  await tendered.waitFor()
  await steps.beforePaying?.()
  await tendered.fill('20,00')
  await tendered.press('Enter')
  await page.getByTestId('approval-frame').waitFor()
}

/** On the session screen (F10): the switch, Alex Dubois's PIN, Enter. */
async function switchWithPin(page: Page, pin: string): Promise<void> {
  await page.keyboard.press('F10')
  await page.getByTestId('training-switch').click()
  const pinField = page.getByTestId('approval-pin')
  await pinField.waitFor()
  await pinField.fill(pin)
  await pinField.press('Enter')
}

describe('training mode at the till', () => {
  it('an administrator’s PIN switches it on, the banner shows everywhere, a cash sale’s ticket is marked MODE ÉCOLE — SIMULATION, and the PIN switches it off', async () => {
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Camille Martin/ }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
    await search.waitFor()
    expect(await page.getByTestId('training-banner').count()).toBe(0)
    // A real sale first: the history will have both kinds.
    await sellInCash(page)
    await page.getByRole('button', { name: 'Nouvelle vente' }).click()
    await search.waitFor()

    // A cashier's own PIN does not supervise: only administrators are offered, a wrong PIN is refused.
    await switchWithPin(page, '0000')
    await expect.poll(() => page.getByTestId('admin-approval-dialog').textContent()).toContain('Code PIN incorrect')
    expect(await page.getByTestId('admin-approval-dialog').textContent()).not.toContain('Camille Martin')
    const pinField = page.getByTestId('approval-pin')
    await pinField.fill('4321')
    await pinField.press('Enter')
    const banner = page.getByTestId('training-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('MODE ÉCOLE / SIMULATION')
    expect(await banner.textContent()).toContain('Alex Dubois')
    await expect.poll(() => page.getByTestId('training-switch').textContent()).toContain('Quitter le mode école')
    await shots(page, 'training-session')

    await page.getByTestId('cash-back').click()
    await search.waitFor()
    await sellInCash(page, {
      inCart: () => shots(page, 'training-till'),
      beforePaying: async () => {
        await page.getByTestId('training-cash-only').waitFor()
        // Cash is the only way to pay: no card form to type a real card into.
        expect(await page.getByLabel('Numéro de carte').isVisible()).toBe(false)
        await shots(page, 'training-checkout')
      },
    })
    const ticket = page.frameLocator('[data-testid="approval-frame"]')
    await expect.poll(() => ticket.locator('.training').first().textContent()).toContain('MODE ÉCOLE — SIMULATION')
    expect(await ticket.locator('body').textContent()).toMatch(/T01-ECOLE-\d{4}-0+1/)
    expect(await banner.isVisible()).toBe(true)
    await shots(page, 'training-ticket')

    // Nothing of it counts in the drawer: the X report still shows the day's real sales only.
    const admin = await connectAsPage(server.url)
    await admin.loginAs('Alex', '4321')
    const report = await admin.value('cashSession.xReport', {})
    expect(report.sales.count).toBe(1)
    expect(report.sales.cash).toBe(890)

    // The administrator finds it in the order history by its series, marked MODE ÉCOLE.
    const history = await openTillPage(browser, server.url)
    await history.page.getByRole('button', { name: /Alex Dubois/ }).click()
    await history.page.keyboard.type('4321')
    await history.page.keyboard.press('Enter')
    await history.page.getByTestId('current-user').waitFor()
    await history.page.goto(`${server.url}/#/admin/orders`)
    await expect.poll(() => history.page.getByTestId('order-number').allTextContents()).toEqual([expect.stringMatching(/^T01-ECOLE-/), expect.stringMatching(/^T01-\d{4}-0+1$/)])
    await history.page.getByLabel(/Rechercher/).fill('ecole')
    await expect.poll(() => history.page.getByTestId('order-number').allTextContents()).toEqual([expect.stringMatching(/^T01-ECOLE-/)])
    expect(await history.page.getByTestId('order-training').textContent()).toContain('MODE ÉCOLE')
    await shots(history.page, 'training-history')
    expect(history.consoleErrors).toEqual([])
    await history.page.context().close()

    await page.getByRole('button', { name: 'Nouvelle vente' }).click()
    await search.waitFor()
    await switchWithPin(page, '4321')
    await expect.poll(() => page.getByTestId('training-switch').textContent()).toContain('Passer en mode école')
    expect(await page.getByTestId('training-banner').count()).toBe(0)
    await shots(page, 'training-off')
    expect(consoleErrors).toEqual([])
    await page.context().close()
  })
})
