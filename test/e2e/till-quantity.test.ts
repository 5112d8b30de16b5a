// A typed quantity confirmed with Enter, in a real browser: sent to main once, the focus back in
// the search (the till moved the focus at once and the blur sent the same quantity a second time).
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoEan } from '../../src/main/seed/seed-demo-shop'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { launchChromium, openTillPage } from './support/chromium'

let browser: Browser
let server: BrowserModeProcess

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  await server?.stop()
})

async function logIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Camille/ }).click()
  await page.getByLabel(/Code PIN/).fill('1234')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByRole('combobox').waitFor()
}

describe('a quantity typed at the till', () => {
  it('confirmed with Enter, is sent once and the focus goes back to the search', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.type(demoEan(3), { delay: 5 })
    await page.keyboard.press('Enter')
    const quantity = page.getByLabel(/Quantité de Miel/)
    await expect.poll(() => quantity.inputValue()).toBe('1')
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/cart.setQuantity')) sent.push(request.postData() ?? '')
    })

    await quantity.fill('4')
    await quantity.press('Enter')

    await expect.poll(() => quantity.inputValue()).toBe('4')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox')
    // Whatever else the till does after the save, no second call follows.
    await page.getByRole('combobox').fill('the')
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0)
    expect(sent).toHaveLength(1)
    expect(JSON.parse(sent[0]!)).toMatchObject({ quantity: 4 })
  })
})
