import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from './support/browser-mode-process'
import { connectAsPage } from './support/api-client'
import { expectLedgersAgree, issuerAuthorizations, merchantRows } from './support/ledger-agreement'
import { launchChromium, openTillPage } from './support/chromium'
import { closePrintDialogsAtOnce, expectPrinted } from './support/print-dialog'

/**
 * Issue 12, at checkout: the defects a cashier met in a walk-through, each replayed as the
 * cashier meets it. Screenshots go to a temporary folder, or COMPTOIR_SHOTS_DIR.
 */
const SHOTS = process.env.COMPTOIR_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'comptoir-walkthrough-shots-'))
mkdirSync(SHOTS, { recursive: true })
const VISA_OK = '4242 4242 4242 4242'

let browser: Browser
let server: BrowserModeProcess
let page: Page
let consoleErrors: string[]

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  server = await startBrowserMode()
  ;({ page, consoleErrors } = await openTillPage(browser, server.url))
  await logIn()
})
afterEach(async () => {
  await page?.context().close()
  await server?.stop()
  if (server) expectLedgersAgree(server.dataDir)
})

async function shot(name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

async function logIn(): Promise<void> {
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Rechercher un produit' }).waitFor()
}

async function addToCart(sku: string): Promise<void> {
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  const search = page.getByRole('combobox', { name: 'Rechercher un produit' })
  await search.fill(sku)
  await search.press('Enter')
  await expect.poll(() => count.textContent()).not.toBe(before)
}

function payButton() {
  return page.getByRole('button', { name: 'Payer', exact: true })
}

async function openCheckout(): Promise<void> {
  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await expect.poll(() => payButton().isEnabled()).toBe(true)
}

async function typeCard(number: string, holder = 'Jeanne Client'): Promise<void> {
  const field = page.getByLabel('Numéro de carte')
  await field.fill('')
  await field.pressSequentially(number.replace(/\s/g, ''))
  const expiry = page.getByLabel('Date d’expiration (MM/AA)')
  await expiry.fill('')
  await expiry.pressSequentially('1230')
  await page.getByLabel('Cryptogramme').fill('123')
  await page.getByLabel('Titulaire de la carte').fill(holder)
}

/** The page's text as a cashier reads it, one space between words. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

describe('after a decline', () => {
  it('the card number is shown masked, holder and expiry stay, the security code is cleared', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard('4000 0000 0000 0002')
    await payButton().click()
    const error = page.getByTestId('payment-error')
    await expect.poll(() => error.getAttribute('data-response-code')).toBe('05')
    const number = page.getByLabel('Numéro de carte')
    expect(await number.inputValue()).toBe('Visa •••• 0002')
    expect(await page.getByLabel('Date d’expiration (MM/AA)').inputValue()).toBe('12/30')
    expect(await page.getByLabel('Titulaire de la carte').inputValue()).toBe('Jeanne Client')
    expect(await page.getByLabel('Cryptogramme').inputValue()).toBe('')
    // The whole number is nowhere on the page, in no field and no text.
    const html = await page.content()
    expect(html).not.toContain('4000 0000 0000 0002')
    expect(html).not.toContain('4000000000000002')

    // Retyping the security code alone retries the same card, still masked.
    await page.getByRole('button', { name: 'Autre carte' }).waitFor()
    await page.getByLabel('Cryptogramme').fill('123')
    await payButton().click()
    await expect.poll(() => page.getByTestId('payment-error').getAttribute('data-response-code')).toBe('05')
    expect(await number.inputValue()).toBe('Visa •••• 0002')

    // Typing over the masked number starts another card.
    await number.click()
    await page.keyboard.type('4242424242424242')
    expect(await number.inputValue()).toBe(VISA_OK)
    await page.getByLabel('Cryptogramme').fill('123')
    await payButton().click()
    await page.getByTestId('approval-frame').waitFor()
    expect(consoleErrors).toEqual([])
  })

  it('code 41 says each thing once: refused, the reason, keep the card, call the bank', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard('4000 0000 0000 9987')
    await payButton().click()
    const error = page.getByTestId('payment-error')
    await expect.poll(() => error.getAttribute('data-response-code')).toBe('41')
    const text = plain(await error.textContent())
    expect(text).toContain('carte déclarée perdue')
    expect(text.match(/refus/gi)).toHaveLength(1)
    expect(text.match(/rendez|conservez/gi)).toHaveLength(1)
    expect(text.match(/Appelez/g)).toHaveLength(1)
    const sentences = text.split(/[.;·]\s*/).map((sentence) => sentence.trim()).filter(Boolean)
    expect(new Set(sentences).size).toBe(sentences.length)
    expect(await page.getByLabel('Numéro de carte').inputValue()).toBe('Visa •••• 9987')
    await shot('declined-41')
  })
})

interface Box {
  x: number
  y: number
  width: number
  height: number
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('the checkout fits the till screens', () => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`at ${size.width}×${size.height} no field lies under the total and Payer is fully on screen`, async () => {
      await page.setViewportSize(size)
      await addToCart('MAI-MUG-01')
      await openCheckout()
      // The busiest screen: an address to type and the card form after a decline.
      await page.getByRole('radio', { name: 'Livraison standard' }).check()
      await page.getByLabel('Destinataire').fill('Jeanne Client')
      await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas')
      await page.getByLabel('Code postal').fill('75011')
      await page.getByLabel('Ville').fill('Paris')
      await expect.poll(() => payButton().isEnabled()).toBe(true)
      await typeCard('4000 0000 0000 9995')
      await payButton().click()
      await expect.poll(() => page.getByTestId('payment-error').getAttribute('data-response-code')).toBe('51')
      await shot(`checkout-declined-${size.width}x${size.height}`)

      const total = (await page.getByTestId('checkout-total-step').boundingBox())!
      const fields = page.locator('.checkout-screen :is(input:not([type="radio"]):not([type="checkbox"]), select):visible')
      const count = await fields.count()
      expect(count).toBeGreaterThan(8)
      for (let index = 0; index < count; index++) {
        const field = fields.nth(index)
        const label = (await field.getAttribute('id')) ?? String(index)
        await field.scrollIntoViewIfNeeded()
        const box = (await field.boundingBox())!
        const totalNow = (await page.getByTestId('checkout-total-step').boundingBox())!
        expect(overlaps(box, totalNow), `${label} under the total`).toBe(false)
        // The field is really what a click there reaches: nothing is drawn over it.
        const reached = await page.evaluate(
          ({ x, y, id }) => document.elementFromPoint(x, y)?.closest('input, select')?.id === id,
          { x: box.x + box.width / 2, y: box.y + box.height / 2, id: await field.getAttribute('id') },
        )
        expect(reached, `${label} covered`).toBe(true)
      }
      expect(total.height).toBeGreaterThan(0)
      // No label is written over another (a long label in a narrow column).
      const labels = await page.locator('.checkout-screen .field-label:visible').evaluateAll((elements) =>
        elements.map((element) => {
          const range = document.createRange()
          range.selectNodeContents(element)
          const box = range.getBoundingClientRect()
          return { text: element.textContent?.trim() ?? '', x: box.x, y: box.y, width: box.width, height: box.height }
        }),
      )
      for (const [index, label] of labels.entries()) {
        for (const other of labels.slice(index + 1)) expect(overlaps(label, other), `${label.text} / ${other.text}`).toBe(false)
      }

      // Payer: on screen without scrolling, whole.
      await page.evaluate(() => document.querySelectorAll('*').forEach((element) => element.scrollTop = 0))
      const pay = (await payButton().boundingBox())!
      expect(pay.y).toBeGreaterThanOrEqual(0)
      expect(pay.x).toBeGreaterThanOrEqual(0)
      expect(pay.y + pay.height).toBeLessThanOrEqual(size.height)
      expect(pay.x + pay.width).toBeLessThanOrEqual(size.width)
      const payReached = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent?.trim(),
        { x: pay.x + pay.width / 2, y: pay.y + pay.height / 2 },
      )
      expect(payReached).toBe('Payer')
    })
  }
})

describe('focus lands on the next thing to do', () => {
  function focused(): Promise<string> {
    return page.evaluate(() => {
      const element = document.activeElement
      if (!element || element === document.body) return 'body'
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent?.trim() : null
      return label ?? element.textContent?.trim() ?? element.tagName
    })
  }

  it('after creating a customer, on the address still to type; for a pickup, on the card number', async () => {
    await addToCart('MAI-MUG-01')
    await openCheckout()
    await page.getByRole('radio', { name: 'Livraison standard' }).check()
    await page.getByRole('button', { name: 'Nouveau client' }).click()
    await page.getByLabel('Nom du client').fill('Jeanne Client')
    await page.getByRole('button', { name: 'Créer le client' }).click()
    await expect.poll(() => page.getByTestId('checkout-customer').textContent()).toContain('Jeanne Client')
    // The recipient took the customer's name: the first field still empty is the street.
    await expect.poll(focused).toBe('Adresse')

    await page.getByRole('radio', { name: 'Retrait en magasin' }).check()
    await page.getByRole('button', { name: 'Changer de client' }).click()
    await page.getByRole('button', { name: 'Nouveau client' }).click()
    await page.getByLabel('Nom du client').fill('Paul Client')
    await page.getByLabel('Nom du client').press('Enter')
    await expect.poll(() => page.getByTestId('checkout-customer').textContent()).toContain('Paul Client')
    await expect.poll(focused).toBe('Numéro de carte')
  })

  it('after printing the approval, on Nouvelle vente', async () => {
    await addToCart('LIB-POCHE-02')
    await openCheckout()
    await page.keyboard.press('F8')
    await page.getByLabel('Montant reçu').fill('20')
    await page.getByLabel('Montant reçu').press('Enter')
    await page.getByTestId('approval-frame').waitFor()
    await closePrintDialogsAtOnce(page)
    for (const [printed, name] of ['Imprimer (A4)', 'Imprimer ticket 80 mm'].entries()) {
      await page.getByRole('button', { name }).click()
      await expectPrinted(page, printed + 1)
      await expect.poll(focused).toBe('Nouvelle vente')
    }
  })
})

describe('a silent bank', () => {
  it('shows the wait and what follows, and "Ne plus attendre" ends it as the timeout does: reversed, nothing charged', async () => {
    const admin = await connectAsPage(server.url)
    await admin.loginAs('Alex', '4321')
    // A long automatic timeout, so that only the cashier's stop can end this wait within the test.
    await admin.value('settings.updateShop', { issuerTimeoutSeconds: 60 })
    await admin.value('issuer.setFaults', { latencyMs: 0, share91: 0, share96: 0, silentShare: 1 })

    await addToCart('MAI-MUG-01')
    await openCheckout()
    await typeCard(VISA_OK)
    await payButton().click()
    const wait = page.getByTestId('payment-wait')
    await wait.waitFor()
    await expect.poll(async () => plain(await wait.textContent())).toContain('annulation automatique dans')
    const text = plain(await wait.textContent())
    expect(text).toContain('Si la banque ne répond pas, le paiement sera annulé et rien ne sera débité.')
    expect(text).toMatch(/\d+ s écoulées · annulation automatique dans \d+ s/)
    expect(await page.locator('.wait progress').getAttribute('max')).toBe('60')
    // Cancelling the checkout stays impossible while the bank may still answer.
    expect(await page.getByRole('button', { name: /Annuler l’encaissement/ }).isDisabled()).toBe(true)
    // The time moves on screen.
    const first = await page.getByTestId('payment-wait-time').textContent()
    await expect.poll(() => page.getByTestId('payment-wait-time').textContent(), { timeout: 5_000 }).not.toBe(first)
    await shot('silent-bank-waiting')

    await page.getByRole('button', { name: 'Ne plus attendre' }).click()
    const error = page.getByTestId('payment-error')
    await expect.poll(() => error.getAttribute('data-response-code'), { timeout: 30_000 }).toBe('TIMEOUT')
    expect(plain(await error.textContent())).toContain('rien n’est débité')
    expect(plain(await error.textContent())).toContain('Sans réponse')
    expect(plain(await error.textContent())).not.toContain('TIMEOUT')
    expect(await page.getByTestId('payment-wait').count()).toBe(0)
    expect(await page.getByRole('button', { name: /Annuler l’encaissement/ }).isDisabled()).toBe(false)
    await shot('silent-bank-stopped')

    // The reversal is owed: once the bank speaks again it is acknowledged and the hold released.
    await admin.value('issuer.setFaults', { latencyMs: 0, share91: 0, share96: 0, silentShare: 0 })
    await expect
      .poll(() => merchantRows<{ outcome: string; reversal_status: string }>(server.dataDir, 'SELECT outcome, reversal_status FROM payment_attempts'), {
        timeout: 60_000,
        interval: 500,
      })
      .toEqual([{ outcome: 'timed-out', reversal_status: 'acknowledged' }])
    expect(issuerAuthorizations(server.dataDir).map((authorization) => authorization.state)).not.toContain('held')
    expect(issuerAuthorizations(server.dataDir).map((authorization) => authorization.state)).not.toContain('captured')
    expect(merchantRows(server.dataDir, "SELECT id FROM orders WHERE status NOT IN ('pending_payment', 'declined')")).toEqual([])
    expectLedgersAgree(server.dataDir)

    // The same order is then paid at once by another try.
    await page.getByLabel('Cryptogramme').fill('123')
    await payButton().click()
    await page.getByTestId('approval-frame').waitFor()
  })
})

describe('a digital sale gives the customer the download on their own device', () => {
  it('the approval carries a QR code and a short code that open the e-book from the shop’s network, for a while', async () => {
    await addToCart('NUM-EBOOK-01')
    await openCheckout()
    await typeCard(VISA_OK)
    await payButton().click()
    await page.getByTestId('approval-frame').waitFor()
    const frame = page.frameLocator('[data-testid="approval-frame"]')
    const link = frame.locator('[data-download-link]')
    await link.waitFor()
    const qr = link.locator('img')
    expect(await qr.getAttribute('alt')).toMatch(/^Code QR de téléchargement de .+/)
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from((await qr.getAttribute('src'))!.split(',')[1]!, 'base64').toString('utf8')
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
    const code = (await link.locator('[data-download-code]').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    const text = plain(await link.textContent())
    const address = /(http:\/\/127\.0\.0\.1:\d+)\/d\/([A-Za-z0-9_-]{22})/.exec(text)
    expect(address, text).not.toBeNull()
    const [url, base, token] = address!
    expect(text).toContain(`Ou ouvrez ${base}/d et saisissez le code ${code}`)
    expect(text).toMatch(/Valable jusqu’au .+, 5 téléchargements\./)
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await link.scrollIntoViewIfNeeded()
      await shot(`approval-digital-download-${size.width}x${size.height}`)
    }
    // The till's own download is still there, and the cashier is told about the customer's.
    expect(await page.getByRole('button', { name: /Télécharger .*\.epub/ }).count()).toBe(1)
    expect(await page.getByTestId('customer-links-hint').textContent()).toContain('code QR')

    const isEpub = (bytes: Buffer) => bytes.subarray(30, 58).toString('latin1') === 'mimetypeapplication/epub+zip'
    // The QR code's address: the file itself, with no session of any kind.
    const first = await fetch(url!)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.epub"$/)
    expect(isEpub(Buffer.from(await first.arrayBuffer()))).toBe(true)
    // The short code, typed on the page, as a customer would (lower case and without dashes works too).
    const form = await fetch(`${base}/d`)
    expect(await form.text()).toContain('<input id="code" name="code"')
    const byCode = await fetch(`${base}/d?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ''))}`)
    expect(byCode.status).toBe(200)
    expect(isEpub(Buffer.from(await byCode.arrayBuffer()))).toBe(true)

    // A wrong token or code opens nothing, and says so.
    const wrongToken = token!.slice(0, -1) + (token!.endsWith('A') ? 'B' : 'A')
    const refused = await fetch(`${base}/d/${wrongToken}`)
    expect(refused.status).toBe(404)
    expect(await refused.text()).toContain('Ce lien ou ce code de téléchargement n’existe pas.')
    expect((await fetch(`${base}/d?code=ABCD-EFGH-JKMN`)).status).toBe(404)
    // Nothing of the till is served there.
    expect((await fetch(`${base}/`)).status).toBe(404)
    expect((await fetch(`${base}/api/orders.get`, { method: 'POST' })).status).toBe(405)

    // Only hashes are kept: neither the token nor the code is in the database.
    const rows = merchantRows<{ token_hash: string; code_hash: string; downloads: number }>(
      server.dataDir,
      'SELECT token_hash, code_hash, downloads FROM download_links',
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.downloads).toBe(2)
    expect(rows[0]!.token_hash).not.toContain(token!)
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)

    // Expired: a clear page, no file.
    updateLinks(server.dataDir, "UPDATE download_links SET expires_at = '2000-01-01T00:00:00.000Z'")
    const expired = await fetch(url!)
    expect(expired.status).toBe(410)
    const expiredPage = await expired.text()
    expect(expiredPage).toContain('Ce lien de téléchargement a expiré.')
    expect(expiredPage).not.toContain('PK')
    // Used up: the same.
    updateLinks(server.dataDir, "UPDATE download_links SET expires_at = '2999-01-01T00:00:00.000Z', downloads = max_downloads")
    const usedUp = await fetch(url!)
    expect(usedUp.status).toBe(410)
    expect(await usedUp.text()).toContain('déjà servi le nombre de fois prévu')
    expect(consoleErrors).toEqual([])
  })
})

/** Moves a link's end or count as time and use would, in the running shop's database. */
function updateLinks(dataDir: string, sql: string): void {
  const db = new Database(join(dataDir, 'comptoir.sqlite'))
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare(sql).run()
  } finally {
    db.close()
  }
}
