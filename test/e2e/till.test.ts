import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoEan } from '../../src/main/seed/seed-demo-shop'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

let browser: Browser
let server: BrowserModeProcess
const shots = mkdtempSync(join(tmpdir(), 'comptoir-shots-till-'))

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  await server?.stop()
})

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

/** A barcode scanner: digits then Enter, a few milliseconds apart, with no field focused. */
async function scan(page: Page, barcode: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.type(barcode, { delay: 5 })
  await page.keyboard.press('Enter')
}

describe('a cashier at the till', () => {
  it('logs in with her PIN and sees the till, with no console error', async () => {
    server = await startBrowserMode()
    const { page, consoleErrors } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Camille')
    await expect.poll(() => page.getByRole('combobox').count()).toBe(1)
    await page.screenshot({ path: join(shots, 'till.png') })
    expect(consoleErrors).toEqual([])
  })

  it('a wrong PIN shows an error and stays on the login screen', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '0000')
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/PIN incorrect/i)
    expect(await page.getByRole('combobox').count()).toBe(0)
  })

  it('scans a barcode with no field focused, finds a product by typing, changes a quantity and removes a line', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await page.getByRole('combobox').waitFor()

    await scan(page, demoEan(0))
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1)
    await expect.poll(() => page.getByTestId('cart-line').first().textContent()).toContain('Café moulu')

    await page.getByRole('combobox').fill('théière')
    await page.getByRole('option', { name: /Théière en fonte/ }).waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2)

    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => page.getByTestId('cart-line').first().getAttribute('aria-current')).toBe('true')
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => page.getByTestId('cart-line').nth(1).getAttribute('aria-current')).toBe('true')

    await page.getByRole('button', { name: /Augmenter la quantité de Théière/ }).click()
    await expect.poll(() => page.getByLabel(/Quantité de Théière/).inputValue()).toBe('2')
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/96,49/)

    await page.getByRole('button', { name: /Retirer Café moulu/ }).click()
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1)
    await page.screenshot({ path: join(shots, 'cart.png') })
  })

  it('an unknown barcode gets a clear message and leaves the cart as it was', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await page.getByRole('combobox').waitFor()
    await scan(page, '4006381333931')
    await expect.poll(() => page.getByTestId('scan-feedback').textContent()).toMatch(/inconnu/i)
    expect(await page.getByTestId('cart-line').count()).toBe(0)
  })

  it('finds the cart intact after the server restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-restart-'))
    server = await startBrowserMode(dataDir)
    let { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await page.getByRole('combobox').waitFor()
    await scan(page, demoEan(3))
    await scan(page, demoEan(3))
    await expect.poll(() => page.getByLabel(/Quantité de Miel/).inputValue()).toBe('2')
    await server.stop()

    server = await startBrowserMode(dataDir)
    ;({ page } = await openTillPage(browser, server.url))
    await logIn(page, /Camille/, '1234')
    await expect.poll(() => page.getByLabel(/Quantité de Miel/).inputValue()).toBe('2')
  })
})

describe('what a cashier cannot do', () => {
  it('is turned away from the administration screen', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    await page.getByRole('combobox').waitFor()
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0)
    await page.goto(`${server.url}/#/admin/users`)
    await expect.poll(() => page.getByText(/réservé aux administrateurs/).count()).toBeGreaterThan(0)
    expect(await page.getByTestId('staff-row').count()).toBe(0)
  })

  it('is refused an administrator call sent directly with POST /api', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    const answer = await page.evaluate(async () => {
      // The page's own session cookie goes with it; nothing else is needed, or readable.
      const headers = { 'Content-Type': 'application/json', 'X-Comptoir-Client': crypto.randomUUID() }
      const post = (name: string, body: unknown) =>
        fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((response) => response.json())
      const users = (await post('auth.listUsers', {})) as { value: Array<{ id: number; role: string }> }
      const cashier = users.value.find((user) => user.role === 'cashier')!
      await post('auth.login', { userId: cashier.id, pin: '1234' })
      return post('users.list', {})
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a local process without the launch token or its cookie is refused; the page holds no secret', async () => {
    server = await startBrowserMode()
    expect(server.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/)
    // Knowing the port is not enough: neither the page nor the API answers.
    expect((await fetch(server.url)).status).toBe(403)
    const withoutCookie = await fetch(`${server.url}/api/auth.listUsers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Comptoir-Client': 'outsider-1234' },
      body: '{}',
    })
    expect(withoutCookie.status).toBe(403)

    // The printed address opens the till once; the token is then spent and leaves the address bar.
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(server.launchUrl)
    await expect.poll(() => page.getByRole('button', { name: /Camille/ }).count()).toBeGreaterThan(0)
    expect(page.url().startsWith(`${server.url}/`)).toBe(true)
    expect(page.url()).not.toContain('token')
    expect(await page.locator('meta[name="comptoir-secret"]').count()).toBe(0)
    expect(await page.evaluate(() => document.cookie)).toBe('')
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict' })
    const secondTab = await (await browser.newContext()).newPage()
    const reused = await secondTab.goto(server.launchUrl)
    expect(reused?.status()).toBe(403)

    // Even with the session cookie, a foreign origin is refused.
    const foreign = await fetch(`${server.url}/api/auth.listUsers`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Comptoir-Client': 'outsider-1234',
        Cookie: `${cookie!.name}=${cookie!.value}`,
        Origin: 'http://evil.example',
      },
      body: '{}',
    })
    expect(foreign.status).toBe(403)
  })
})
