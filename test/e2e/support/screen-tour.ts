import type { Locator, Page, Request } from 'playwright-core'
import { connectAsPage } from './api-client'

/**
 * A walk through every screen of the app and its dialogs, with data on them (an order shipped and
 * partly refunded, a voided one, a declined payment, audit entries), for the checks that must hold
 * everywhere: axe-core, the 200 % zoom pass, the French text.
 */

const VISA = { number: '4242424242424242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
const INSUFFICIENT_FUNDS = { number: '4000000000009995', expiry: '12/30', securityCode: '123', holderName: 'Paul Refus' }
const ADDRESS = { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }

export interface TourData {
  /** Shipped then partly refunded: history, refunds, captures. */
  refundedNumber: string
  refundedId: number
  /** Other orders worth a look, by what they show: voided, declined then paid cash, abandoned. */
  otherOrders: { name: string; id: number }[]
}

/** Orders and audit entries made through the API, as the till and the back-office make them. */
export async function seedTourData(url: string): Promise<TourData> {
  const till = await connectAsPage(url)
  await till.loginAs('Camille', '1234')
  const [teapot] = await till.value('catalogue.search', { query: 'théière' })
  const [mug] = await till.value('catalogue.search', { query: 'MAI-MUG-01' })
  await till.value('cart.addProduct', { productId: teapot!.id })
  await till.value('cart.addProduct', { productId: mug!.id })
  let order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: ADDRESS } })
  const refunded = await till.value('checkout.payByCard', { orderId: order.id, card: VISA })
  await till.value('cart.addProduct', { productId: mug!.id })
  order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'standard', address: ADDRESS } })
  const toVoid = await till.value('checkout.payByCard', { orderId: order.id, card: VISA })
  await till.value('cart.addProduct', { productId: mug!.id })
  order = await till.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  await till.call('checkout.payByCard', { orderId: order.id, card: INSUFFICIENT_FUNDS })
  const declinedThenCash = await till.value('checkout.payCash', { orderId: order.id, tendered: 2000 })
  await till.value('cart.addProduct', { productId: teapot!.id })
  const abandoned = await till.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  await till.call('checkout.payByCard', { orderId: abandoned.id, card: INSUFFICIENT_FUNDS })
  await till.value('checkout.cancel', { orderId: abandoned.id })

  const admin = await connectAsPage(url)
  await admin.loginAs('Alex', '4321')
  await admin.value('orders.markShipped', { orderId: refunded.id, carrier: 'Colissimo', trackingNumber: '6A12345678901' })
  // Whatever shape a refund takes (an amount, or lines), the contract's own first form is tried.
  const refundResult = await admin.call('orders.refund', { orderId: refunded.id, amount: 2050, reason: 'Tasse ébréchée' } as never)
  if (!refundResult.ok) console.warn(`screen tour: no refund made (${refundResult.error.code})`)
  await admin.call('orders.void', { orderId: toVoid.id, reason: 'Annulée à la demande du client' })
  return {
    refundedNumber: refunded.number!,
    refundedId: refunded.id,
    otherOrders: [
      { name: 'voided', id: toVoid.id },
      { name: 'declined-then-cash', id: declinedThenCash.id },
      { name: 'abandoned', id: abandoned.id },
    ],
  }
}

export interface TourStop {
  /** A short name, used in failure lists and screenshot file names. */
  name: string
  /** What must be reachable and uncovered on this screen at 200 % once scrolled into view. */
  keyControls?: { label: string; locate: (page: Page) => Locator }[]
}

function control(role: Parameters<Page['getByRole']>[0], name: string | RegExp): { label: string; locate: (page: Page) => Locator } {
  return { label: `${role} ${String(name)}`, locate: (page) => page.getByRole(role, { name }).first() }
}

function lastOf(testId: string): { label: string; locate: (page: Page) => Locator } {
  return { label: `last ${testId}`, locate: (page) => page.getByTestId(testId).last() }
}

async function logIn(page: Page, name: RegExp, pin: string): Promise<void> {
  await page.getByRole('button', { name }).first().click()
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
  await page.getByTestId('current-user').waitFor()
}

/** The requests in flight on each page the tour walks: the app's calls over loopback, its assets. */
const inFlight = new WeakMap<Page, Set<Request>>()

function trackRequests(page: Page): void {
  if (inFlight.has(page)) return
  const pending = new Set<Request>()
  page.on('request', (request) => pending.add(request))
  page.on('requestfinished', (request) => pending.delete(request))
  page.on('requestfailed', (request) => pending.delete(request))
  inFlight.set(page, pending)
}

/**
 * The network quiet and the flashes over (a line just added flashes amber for 900 ms). Quiet is no
 * request in flight for 100 ms, counted here: Playwright's 'networkidle' also waits for every
 * frame, and a sandboxed srcdoc frame (an order's documents) never reports it, so each order detail
 * waited out its 30 s timeout; on a page already loaded it waited for nothing else.
 */
async function settle(page: Page): Promise<void> {
  const pending = inFlight.get(page)
  const deadline = Date.now() + 10_000
  for (let quietSince = Date.now(); Date.now() - quietSince < 100 && Date.now() < deadline; ) {
    await page.waitForTimeout(20)
    if (pending && pending.size > 0) quietSince = Date.now()
  }
  await page.evaluate(() =>
    Promise.race([
      // A looping animation (a spinner, a pulse) never finishes: only the ones that end are awaited.
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  )
}

/**
 * Waits for `done` as expect.poll would (every 50 ms, 10 s), without needing to run inside a test:
 * the screen walk runs in a test file's beforeAll and feeds several tests.
 */
async function until(page: Page, done: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await done()); await page.waitForTimeout(50)) {
    if (Date.now() > deadline) throw new Error(`screen tour: waited 10 s for ${what}`)
  }
}

async function dialogOpen(page: Page): Promise<void> {
  await page.locator('[role="dialog"], [role="alertdialog"]').first().waitFor()
  await settle(page)
}

async function closeDialog(page: Page): Promise<void> {
  const open = page.locator('[role="dialog"], [role="alertdialog"]')
  for (let tries = 0; tries < 3 && (await open.count()) > 0; tries++) {
    await page.keyboard.press('Escape')
    await until(page, async () => (await open.count()) < 2, 'a dialog to close')
    await page.waitForTimeout(200)
  }
  await settle(page)
}

async function addToCart(page: Page, query: string): Promise<void> {
  const count = page.getByTestId('cart-item-count')
  const before = await count.textContent()
  const search = page.getByRole('combobox', { name: /Rechercher un produit|Search for a product/ })
  await search.fill(query)
  await page.getByRole('option').first().waitFor()
  await search.press('Enter')
  await until(page, async () => (await count.textContent()) !== before, `the cart count to change after adding ${query}`)
}

async function goAdmin(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}/#/admin/${path}`)
  await page.locator('h1').first().waitFor()
  await settle(page)
}

/**
 * Walks every screen and dialog in French on `page` (fresh, not logged in), calling `visit` at
 * each stop. The page ends logged in as the administrator.
 */
export async function tourScreens(page: Page, url: string, data: TourData, check: (stop: TourStop) => Promise<void>): Promise<void> {
  // TOUR_TIMES=1 prints, per stop, the time spent walking to it and the time its checks took.
  let last = Date.now()
  const times: string[] = []
  const visit = async (stop: TourStop): Promise<void> => {
    const start = Date.now()
    await check(stop)
    times.push(`${stop.name}: walk ${start - last} ms, checks ${Date.now() - start} ms`)
    last = Date.now()
  }
  try {
    await walk(page, url, data, visit)
  } finally {
    if (process.env.TOUR_TIMES) console.log(`screen tour times:\n${times.join('\n')}`)
  }
}

async function walk(page: Page, url: string, data: TourData, visit: (stop: TourStop) => Promise<void>): Promise<void> {
  trackRequests(page)
  await page.getByRole('button', { name: /Camille Martin/ }).waitFor()
  await settle(page)
  // A stop's key controls include what the walk clicks next: the zoom check then asks of each what
  // a click at 200 % would need (in view once scrolled to, uncovered), the walk itself going at 1366×768.
  await visit({ name: 'login', keyControls: [control('button', /Camille Martin/), control('button', /Alex Dubois/)] })
  await page.getByRole('button', { name: /Camille Martin/ }).click()
  await settle(page)
  await visit({ name: 'login-pin' })
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await page.getByTestId('current-user').waitFor()
  await settle(page)
  await visit({ name: 'till', keyControls: [control('button', /Se déconnecter/)] })

  for (const query of ['théière', 'MAI-MUG-01', 'café', 'miel', 'plaid']) await addToCart(page, query)
  await settle(page)
  await visit({
    name: 'till-cart',
    keyControls: [
      control('button', /Encaisser/),
      control('button', /Se déconnecter/),
      lastOf('cart-line'),
      { label: 'first cart-line', locate: (page) => page.getByTestId('cart-line').first() },
    ],
  })

  await page.keyboard.press('F9')
  await dialogOpen(page)
  await visit({ name: 'till-clear-confirm' })
  await closeDialog(page)

  await page.keyboard.press('F7')
  await dialogOpen(page)
  await visit({ name: 'till-line-discount' })
  await page.getByTestId('line-discount-value').fill('50')
  await page.keyboard.press('Enter')
  await page.getByTestId('admin-approval-dialog').waitFor()
  await settle(page)
  await visit({ name: 'till-admin-approval' })
  await closeDialog(page)

  await page.keyboard.press('F12')
  await page.getByTestId('checkout-total').waitFor()
  await settle(page)
  const standard = page.getByRole('radio', { name: 'Livraison standard' })
  const deliverable = (await standard.count()) > 0
  await visit({ name: 'checkout', keyControls: [control('button', /^Payer$/), ...(deliverable ? [control('radio', 'Livraison standard')] : [])] })
  if (deliverable) {
    await standard.check()
    await page.getByRole('group', { name: 'Adresse de livraison' }).waitFor()
    await settle(page)
    await visit({
      name: 'checkout-delivery',
      keyControls: [
        control('textbox', 'Ville'),
        control('button', /^Payer$/),
        control('radio', 'Retrait en magasin'),
      ],
    })
    await page.getByRole('radio', { name: 'Retrait en magasin' }).check()
    await settle(page)
  }
  await page.getByLabel('Numéro de carte').pressSequentially(INSUFFICIENT_FUNDS.number)
  await page.getByLabel('Date d’expiration (MM/AA)').pressSequentially('1230')
  await page.getByLabel('Cryptogramme').fill('123')
  const holder = page.getByLabel('Titulaire de la carte')
  if ((await holder.inputValue()) === '') await holder.fill('Paul Refus')
  await page.getByRole('button', { name: 'Payer', exact: true }).click()
  await page.getByRole('alert').first().waitFor()
  await settle(page)
  await visit({ name: 'checkout-declined', keyControls: [control('button', /^Payer$/)] })

  await page.keyboard.press('F8')
  await page.getByLabel('Montant reçu').waitFor()
  await settle(page)
  await visit({ name: 'checkout-cash' })
  await page.getByLabel('Montant reçu').fill('500')
  await page.getByLabel('Montant reçu').press('Enter')
  await page.getByRole('button', { name: 'Nouvelle vente' }).waitFor()
  await settle(page)
  await visit({ name: 'approval', keyControls: [control('button', 'Nouvelle vente')] })
  await page.getByRole('button', { name: 'Nouvelle vente' }).click()
  await page.getByRole('combobox').waitFor()

  await page.getByRole('button', { name: /Se déconnecter/ }).click()
  await page.getByRole('button', { name: /Alex Dubois/ }).waitFor()
  await logIn(page, /Alex Dubois/, '4321')

  await goAdmin(page, url, 'orders')
  await page.getByTestId('order-row').first().waitFor()
  await settle(page)
  await visit({ name: 'orders', keyControls: [control('button', /Se déconnecter/), control('button', /Rapport TVA/)] })

  await page.getByRole('button', { name: /Rapport TVA/ }).first().click()
  await dialogOpen(page)
  await visit({ name: 'orders-vat-report-dialog' })
  await closeDialog(page)

  await goAdmin(page, url, `orders/${data.refundedId}`)
  await page.getByRole('heading', { name: new RegExp(data.refundedNumber) }).first().waitFor()
  await settle(page)
  const refund = page.getByRole('button', { name: /^Rembourser/ })
  const refundable = (await refund.count()) > 0
  await visit({
    name: 'order-detail',
    keyControls: [control('button', /Se déconnecter/), ...(refundable ? [control('button', /^Rembourser/)] : [])],
  })
  if (refundable) {
    await refund.first().click()
    await dialogOpen(page)
    await visit({ name: 'order-refund-dialog' })
    await closeDialog(page)
  }

  for (const other of data.otherOrders) {
    await goAdmin(page, url, `orders/${other.id}`)
    await page.getByTestId('order-events').waitFor()
    await settle(page)
    await visit({ name: `order-detail-${other.name}` })
  }

  await goAdmin(page, url, 'dashboard')
  await visit({ name: 'dashboard', keyControls: [control('button', /Se déconnecter/)] })

  await goAdmin(page, url, 'users')
  await page.getByTestId('staff-row').first().waitFor()
  await visit({ name: 'staff', keyControls: [control('button', 'Ajouter un membre'), control('button', /Désactiver Inès Bernard/)] })
  await page.getByRole('button', { name: 'Ajouter un membre' }).click()
  await dialogOpen(page)
  await visit({
    name: 'staff-form',
    keyControls: [{ label: 'staff-form button Ajouter', locate: (page) => page.getByTestId('staff-form').getByRole('button', { name: 'Ajouter' }) }],
  })
  await page.getByTestId('staff-form').getByRole('button', { name: 'Ajouter' }).click()
  await page.getByTestId('staff-form').locator('[aria-invalid="true"]').first().waitFor()
  await settle(page)
  await visit({ name: 'staff-form-empty' })
  await closeDialog(page)
  await page.getByRole('button', { name: /Désactiver Inès Bernard/ }).click()
  await dialogOpen(page)
  await visit({ name: 'staff-deactivate-confirm' })
  await closeDialog(page)

  await goAdmin(page, url, 'settings')
  await page.getByTestId('promotions-section').waitFor()
  await settle(page)
  await visit({ name: 'settings', keyControls: [control('button', /Se déconnecter/)] })
  for (const section of ['identity', 'till', 'pricing', 'vat', 'promotions']) {
    await page.getByTestId(`${section}-section`).scrollIntoViewIfNeeded()
    await visit({
      name: `settings-${section}`,
      keyControls: [
        control('button', /Se déconnecter/),
        { label: `${section} last button`, locate: (page) => page.getByTestId(`${section}-section`).getByRole('button').last() },
        ...(section === 'promotions'
          ? [{ label: 'promotions button +', locate: (page: Page) => page.getByTestId('promotions-section').getByRole('button', { name: /^\+/ }) }]
          : []),
      ],
    })
  }
  await page.getByTestId('promotions-section').getByRole('button', { name: /^\+/ }).click()
  await dialogOpen(page)
  await visit({ name: 'settings-promotion-dialog' })
  await closeDialog(page)

  await goAdmin(page, url, 'issuer')
  await page.getByTestId('issuer-account-row').first().waitFor()
  await settle(page)
  await visit({ name: 'issuer', keyControls: [control('button', /Se déconnecter/), control('button', /Voir le compte/)] })
  await page.getByRole('button', { name: /Voir le compte/ }).first().click()
  await page.getByTestId('issuer-account-panel').waitFor()
  await settle(page)
  await visit({ name: 'issuer-account' })

  await goAdmin(page, url, 'audit')
  await page.getByTestId('audit-row').first().waitFor()
  await settle(page)
  await visit({ name: 'audit', keyControls: [control('button', /Se déconnecter/)] })

  await goAdmin(page, url, 'fiscal')
  await page.getByTestId('fiscal-status').waitFor()
  await settle(page)
  await visit({ name: 'fiscal', keyControls: [control('button', /Se déconnecter/), control('button', /Vérifier maintenant/)] })

  await goAdmin(page, url, 'reconciliation')
  await visit({ name: 'reconciliation', keyControls: [control('button', /Se déconnecter/)] })
}
