import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTempApp, type TempApp } from '../support/temp-app'
import { sellAtTill } from '../integration/back-office/back-office-kit'
import { merchantRows } from './support/ledger-agreement'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

let browser: Browser
let server: BrowserModeProcess | undefined
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  await server?.stop()
})

/** What the issuer did without the shop knowing: a follow-up sent to it directly. */
function behindTheShopsBack(subject: TempApp, orderId: number, messageType: '0220' | '0400', traceNumber: string): void {
  const attempt = subject.app.db
    .prepare('SELECT a.* FROM payment_attempts a JOIN orders o ON o.payment_attempt_id = a.id WHERE o.id = ?')
    .get(orderId) as { merchant_id: string; terminal_id: string; trace_number: string; amount: number }
  subject.app.issuer.simulator.process({
    messageType,
    merchantId: attempt.merchant_id,
    terminalId: attempt.terminal_id,
    traceNumber,
    transmissionTime: new Date().toISOString(),
    originalTraceNumber: attempt.trace_number,
    amount: attempt.amount,
  })
}

describe('the "to reconcile" screen', () => {
  it('lists what the shop cannot repair alone; an action taken from the keyboard is carried out and audited', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-reconcile-'))
    const shop = createTempApp({ dataDir })
    await shop.loginAs('admin')
    await shop.loginAs('cashier', 'cashier')
    // Charged for a sale the shop voided; and released by the issuer for a sale still to ship.
    const charged = await sellAtTill(shop, { shipped: true })
    behindTheShopsBack(shop, charged.id, '0220', '990001')
    await shop.value('orders.void', { orderId: charged.id, reason: 'out of stock' })
    const released = await sellAtTill(shop, { shipped: true, sku: 'MAI-MUG-01' })
    behindTheShopsBack(shop, released.id, '0400', '990002')
    await shop.app.reconciliation.reconcile()
    shop.app.close()

    server = await startBrowserMode(dataDir)
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await page.getByRole('button', { name: /Alex/ }).click()
    await page.getByLabel(/Code PIN/).fill('4321')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByTestId('current-user').waitFor()
    await page.goto(`${server.url}/#/admin/reconciliation`)
    const rows = page.getByTestId('reconciliation-case')
    await expect.poll(() => rows.count()).toBe(2)
    await expect.poll(() => rows.first().textContent()).toMatch(/débité pour une vente annulée/)
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/libéré les fonds/)
    await page.getByRole('link', { name: /À rapprocher/ }).waitFor()
    // Into a temporary folder (or COMPTOIR_SHOTS_DIR, to refresh the README's screenshot): a test
    // run must not rewrite committed files.
    await page.screenshot({ path: join(process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-reconciliation-shots-')), 'reconciliation.png') })

    // Keyboard only: focus the refund, Enter opens the question (focus on "Annuler"), Tab, Enter.
    await rows.first().getByRole('button', { name: 'Rembourser le client' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Annuler')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Action enregistrée' }).count()).toBe(1)
    const audit = merchantRows<{ action: string }>(dataDir, "SELECT action FROM audit_log WHERE action = 'reconciliation.resolved'")
    expect(audit).toHaveLength(1)

    await page.getByRole('button', { name: 'Rapprocher maintenant' }).click()
    await expect.poll(() => page.getByTestId('reconciliation-state').textContent()).toMatch(/Dernier rapprochement/)
    expect(consoleErrors).toEqual([])
  })
})
