import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectAsPage } from './support/api-client'
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

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.getByLabel(/Code PIN/).fill(pin)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByTestId('current-user').waitFor()
}

async function openAsAdmin(screen: string): Promise<{ page: Page; consoleErrors: string[] }> {
  server = await startBrowserMode()
  const opened = await openTillPage(browser, server.url)
  await logIn(opened.page, /Alex/, '4321')
  await opened.page.goto(`${server.url}/#/admin/${screen}`)
  return opened
}

function staffRow(page: Page, name: string) {
  return page.getByTestId('staff-row').filter({ hasText: name })
}

describe('an administrator manages the staff', () => {
  it('adds a cashier with a PIN typed twice, who can then log in', async () => {
    const { page, consoleErrors } = await openAsAdmin('users')
    await page.getByRole('button', { name: 'Ajouter un membre' }).click()
    const form = page.getByTestId('staff-form')
    await form.getByLabel('Nom affiché').fill('Zoé Lambert')
    await form.getByLabel('Code PIN', { exact: true }).fill('2468')
    await form.getByLabel('Code PIN (confirmation)').fill('2469')
    await form.getByRole('button', { name: 'Ajouter' }).click()
    await expect.poll(() => form.getByTestId('field-error').textContent()).toMatch(/pas identiques/)

    await form.getByLabel('Code PIN (confirmation)').fill('2468')
    await form.getByRole('button', { name: 'Ajouter' }).click()
    await expect.poll(() => page.getByTestId('users-outcome').textContent()).toMatch(/Zoé Lambert a été ajouté/)
    await expect.poll(() => staffRow(page, 'Zoé Lambert').textContent()).toMatch(/Caissier/)

    await page.getByRole('button', { name: /Se déconnecter/ }).click()
    await logIn(page, /Zoé/, '2468')
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Zoé Lambert')
    expect(consoleErrors).toEqual([])
  })

  it('gives a cashier made to wait after wrong PINs a new PIN, which clears her wait', async () => {
    server = await startBrowserMode()
    const api = await connectAsPage(server.url)
    const users = await api.value('auth.listUsers', {})
    const ines = users.find((user) => user.displayName.startsWith('Inès'))!
    for (let attempt = 0; attempt < 5; attempt++) await api.call('auth.login', { userId: ines.id, pin: '0000' })
    // The page that typed them waits (the shop's five minutes); nobody is locked out.
    expect(await api.call('auth.login', { userId: ines.id, pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfter: expect.any(Number) } },
    })

    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Alex/, '4321')
    await page.goto(`${server.url}/#/admin/users`)

    await page.getByRole('button', { name: 'Nouveau PIN pour Inès Bernard' }).click()
    const form = page.getByTestId('staff-form')
    await form.getByLabel('Code PIN', { exact: true }).fill('97531')
    await form.getByLabel('Code PIN (confirmation)').fill('97531')
    await form.getByRole('button', { name: 'Enregistrer le PIN' }).click()
    await expect.poll(() => page.getByTestId('users-outcome').textContent()).toMatch(/débloqué/)
    await expect.poll(() => staffRow(page, 'Inès Bernard').getByTestId('staff-locked').textContent()).toBe('—')

    const inesApi = await connectAsPage(server.url)
    expect((await inesApi.call('auth.login', { userId: ines.id, pin: '97531' })).ok).toBe(true)
  })

  it('cannot take away the last administrator, and says so', async () => {
    const { page } = await openAsAdmin('users')
    await page.getByRole('button', { name: /Désactiver Alex Dubois/ }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Désactiver' }).click()
    await expect.poll(() => page.getByTestId('users-outcome').textContent()).toMatch(/au moins un administrateur actif/)
    await expect.poll(() => staffRow(page, 'Alex Dubois').textContent()).toMatch(/Oui/)
  })
})

describe('an administrator changes the shop settings', () => {
  it('sees main’s refusal on the field, saves a valid value, finds it in the audit log and the chain intact', async () => {
    const { page, consoleErrors } = await openAsAdmin('settings')
    const till = page.getByTestId('till-section')
    const lock = till.getByLabel('Verrouillage après inactivité (s)')
    await lock.fill('10')
    await till.getByRole('button', { name: 'Enregistrer la caisse' }).click()
    await expect.poll(() => till.getByTestId('field-error').first().textContent()).toMatch(/de 30 à 86 400/)
    await expect.poll(() => lock.getAttribute('aria-invalid')).toBe('true')

    await lock.fill('600')
    await till.getByRole('button', { name: 'Enregistrer la caisse' }).click()
    await till.getByTestId('section-saved').waitFor()

    await page.goto(`${server.url}/#/admin/audit`)
    const entry = page.getByTestId('audit-row').filter({ hasText: 'Réglages caisse' })
    await expect.poll(() => entry.textContent()).toMatch(/Verrouillage après inactivité \(s\) : 300 → 600/)
    await expect.poll(() => entry.textContent()).toContain('Alex Dubois')

    await page.getByRole('button', { name: 'Vérifier la chaîne' }).click()
    await expect.poll(() => page.getByTestId('audit-verification').textContent()).toMatch(/Chaîne intacte \(\d+ entrées\)/)
    expect(consoleErrors).toEqual([])
  })

  it('turns a typed euro amount into cents for a delivery band', async () => {
    const { page } = await openAsAdmin('settings')
    const pricing = page.getByTestId('pricing-section')
    await pricing.getByLabel('Standard — France, tranche 1 : frais (€)').fill('5,15')
    await pricing.getByRole('button', { name: 'Enregistrer prix et livraison' }).click()
    await pricing.getByTestId('section-saved').waitFor()
    const api = await connectAsPage(server.url)
    await api.loginAs('Alex', '4321')
    const settings = await api.value('settings.get', {})
    expect(settings.pricing.delivery.bands.FR.standard[0]!.fee).toBe(515)
  })
})

describe('an administrator in the issuer console', () => {
  it('changes an account’s balance and sees the available funds and a new journal line', async () => {
    const { page } = await openAsAdmin('issuer')
    await page.getByRole('button', { name: /Voir le compte •••• 4444/ }).click()
    const panel = page.getByTestId('issuer-account-panel')
    await expect.poll(() => panel.getByTestId('account-available').textContent()).toMatch(/3\s000,00\s€/)
    // The journal is read after the account: its lines are counted once it has come.
    await expect.poll(() => panel.getByTestId('issuer-journal').getAttribute('aria-busy')).toBe('false')
    const linesBefore = await panel.getByTestId('journal-row').count()

    await panel.getByLabel('Solde', { exact: true }).fill('100,00')
    await panel.getByRole('button', { name: 'Appliquer' }).first().click()
    const confirm = page.getByRole('alertdialog')
    await expect.poll(() => confirm.textContent()).toMatch(/2\s500,00\s€ → 100,00\s€/)
    await confirm.getByRole('button', { name: 'Confirmer' }).click()

    // 100,00 € in the account plus the 500,00 € overdraft.
    await expect.poll(() => panel.getByTestId('account-available').textContent()).toMatch(/600,00\s€/)
    await expect.poll(() => panel.getByTestId('journal-row').count()).toBe(linesBefore + 1)
    await expect.poll(() => panel.getByTestId('journal-row').first().textContent()).toMatch(/Ajustement/)
    await expect
      .poll(() => page.getByTestId('issuer-account-row').filter({ hasText: '4444' }).getByTestId('issuer-available').textContent())
      .toMatch(/600,00\s€/)
  })
})

describe('what a cashier cannot do here', () => {
  it('is sent back to the till from every administration screen, and refused users.create by main', async () => {
    server = await startBrowserMode()
    const { page } = await openTillPage(browser, server.url)
    await logIn(page, /Camille/, '1234')
    for (const screen of ['users', 'settings', 'issuer', 'audit']) {
      await page.goto(`${server.url}/#/admin/${screen}`)
      await expect.poll(() => new URL(page.url()).hash).toBe('#/till')
      await expect.poll(() => page.getByText(/réservé aux administrateurs/).count()).toBeGreaterThan(0)
    }
    expect(await page.getByTestId('staff-row').count()).toBe(0)
    expect(await page.getByTestId('issuer-account-row').count()).toBe(0)

    const api = await connectAsPage(server.url)
    await api.loginAs('Camille', '1234')
    const created = await api.call('users.create', { displayName: 'Intrus', role: 'admin', pin: '1111' })
    expect(created.ok).toBe(false)
    if (!created.ok) expect(created.error.code).toBe('FORBIDDEN')
  })
})
