import { chromium, type Browser, type Page } from 'playwright-core'
import { freshLaunchUrl } from './browser-mode-process'

/** Debian's Chromium; Playwright cannot download its own browsers on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * A till-sized page that collects console errors, so a test can assert there were none. It opens
 * the server at `url` with a fresh one-time launch address, as a person opens a new tab, and then
 * stands on `url` with the session cookie it was given.
 */
export async function openTillPage(browser: Browser, url: string, locale = 'fr-FR'): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  await page.goto(await freshLaunchUrl(url))
  return { page, consoleErrors }
}
