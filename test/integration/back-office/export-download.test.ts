import { mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportTicket, Result } from '@shared/contract'
import { orderReference } from '@shared/orders/order-reference'
import { startBrowserModeServer, type BrowserModeServer } from '../../../src/main/browser-mode/browser-mode-server'
import { fillLargeHistory } from '../../../src/main/orders/history-generator/fill-large-history'
import { csvDialect, orderExportHeader } from '../../../src/main/orders/csv-format'
import { DEMO_USERS } from '../../../src/main/seed/seed-demo-shop'
import { createLogger } from '../../../src/platform/logging/logger'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { parseCsv } from './back-office-kit'

/**
 * The CSV export as the browser downloads it: `exports.prepare` answers a single-use address,
 * and a plain GET of it with the page's session cookie streams the file from browser mode.
 */
// 40 batches of 500 rows: enough to stream through backpressure; the bench downloads 1M.
const ORDERS = 20_000
let subject: TempApp
let server: BrowserModeServer
let cookie: string
let otherBrowserCookie: string
let clockOffsetMs = 0

const ADMIN_PAGE = 'admin-page-0001'
const SECOND_ADMIN_PAGE = 'admin-page-0002'
const CASHIER_PAGE = 'cashier-page-0001'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function request(path: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive one may close while the test parses a large file.
    const outgoing = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

async function tradeLaunchToken(): Promise<string> {
  const { pathname, search } = new URL(server.newLaunchUrl())
  const answer = await request(`${pathname}${search}`, 'GET', { Host: `127.0.0.1:${server.port}` })
  const setCookie = answer.headers['set-cookie']![0]!
  return setCookie.split(';')[0]!
}

async function api<T>(name: string, input: unknown, client: string, withCookie = cookie): Promise<Result<T>> {
  const answer = await request(
    `/api/${name}`,
    'POST',
    { Host: `127.0.0.1:${server.port}`, Origin: server.url, 'Content-Type': 'application/json', Cookie: withCookie, 'X-Comptoir-Client': client },
    JSON.stringify(input),
  )
  return JSON.parse(answer.body) as Result<T>
}

async function logIn(role: 'admin' | 'cashier', client: string, withCookie = cookie): Promise<void> {
  const demo = DEMO_USERS.find((user) => user.role === role)!
  const users = await api<Array<{ id: number; displayName: string }>>('auth.listUsers', {}, client, withCookie)
  if (!users.ok) throw new Error(users.error.message)
  const user = users.value.find((candidate) => candidate.displayName === demo.displayName)!
  const login = await api('auth.login', { userId: user.id, pin: demo.pin }, client, withCookie)
  if (!login.ok) throw new Error(login.error.message)
}

async function prepare(input: object, client = ADMIN_PAGE, withCookie = cookie): Promise<ExportTicket> {
  const answer = await api<ExportTicket>('exports.prepare', input, client, withCookie)
  if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`)
  return answer.value
}

/** The browser's own download of the address: a GET from the page's origin with its cookie, no client header. */
function download(url: string, withCookie: string | null = cookie, extra: Record<string, string> = {}): Promise<Answer> {
  return request(url, 'GET', {
    Host: `127.0.0.1:${server.port}`,
    'Sec-Fetch-Site': 'same-origin',
    ...(withCookie ? { Cookie: withCookie } : {}),
    ...extra,
  })
}

/** `12,50` → 1250, `-3,00` → -300: the French file's amounts back to minor units. */
const minor = (amount: string) => {
  const [units, cents = ''] = amount.replace('-', '').split(',')
  const value = Number(units) * 100 + Number(cents.padEnd(2, '0'))
  return amount.startsWith('-') ? -value : value
}

beforeAll(async () => {
  subject = createTempApp({ now: () => new Date(Date.now() + clockOffsetMs) })
  fillLargeHistory(subject.app.db, { orders: ORDERS, end: new Date('2026-01-01T00:00:00.000Z') })
  const rendererDir = mkdtempSync(join(tmpdir(), 'comptoir-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>Comptoir</title></head><body></body></html>')
  server = await startBrowserModeServer({
    router: subject.app.router,
    downloads: subject.app.downloads,
    logger: createLogger(undefined, { quiet: true }),
    rendererDir,
  })
  cookie = await tradeLaunchToken()
  otherBrowserCookie = await tradeLaunchToken()
  await logIn('admin', ADMIN_PAGE)
  await logIn('cashier', CASHIER_PAGE)
}, 300_000)
afterAll(async () => {
  await server?.close()
  subject?.dispose()
})

describe('an orders export downloaded from browser mode', () => {
  it(`streams all ${ORDERS.toLocaleString('en')} orders as French Excel's CSV, with the same totals as the database`, async () => {
    const ticket = await prepare({ kind: 'orders', filters: {}, locale: 'fr', format: 'french' })
    expect(ticket.url).toMatch(/^\/downloads\/[A-Za-z0-9_-]{43}$/)
    expect(ticket.rows).toBe(ORDERS)
    expect(ticket.expiresInSeconds).toBe(60)
    const answer = await download(ticket.url)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="${ticket.fileName}"; filename*=UTF-8''${ticket.fileName}`)
    expect(answer.headers['content-length']).toBeUndefined()
    expect(answer.headers['transfer-encoding']).toBe('chunked')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'")

    expect(answer.body.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(answer.body.slice(1), ';')
    const rates = subject.app.db.prepare('SELECT DISTINCT rate_basis_points FROM vat_rates ORDER BY rate_basis_points DESC').pluck().all() as number[]
    const header = orderExportHeader('fr', rates, csvDialect('french', 'Europe/Paris'))
    expect(rows[0]).toEqual(header)
    const lines = rows.slice(1)
    expect(lines).toHaveLength(ORDERS)
    expect(new Set(lines.map((line) => line[0])).size).toBe(ORDERS)

    // Newest first, as the list shows them: the first and last lines are the newest and oldest orders.
    const ordered = subject.app.db
      .prepare('SELECT id, number, total_ht AS ht, total_vat AS vat, total_ttc AS ttc, refunded_amount AS refunded FROM orders ORDER BY created_at DESC, id DESC')
      .all() as Array<{ id: number; number: string | null; ht: number; vat: number; ttc: number; refunded: number }>
    const column = (name: string) => header.indexOf(name)
    for (const index of [0, 1, 777, Math.floor(ORDERS / 2) + 1, ORDERS - 1]) {
      const line = lines[index]!
      const order = ordered[index]!
      expect(line[0]).toBe(orderReference(order))
      expect([minor(line[column('Total HT')]!), minor(line[column('Total TVA')]!), minor(line[column('Total TTC')]!), minor(line[column('Remboursé TTC')]!)]).toEqual([
        order.ht, order.vat, order.ttc, order.refunded,
      ])
      expect(line[column('Devise')]).toBe('EUR')
    }
    // The money columns add up to the database's sums, per rate too.
    const sum = (name: string) => lines.reduce((total, line) => total + (line[column(name)] ? minor(line[column(name)]!) : 0), 0)
    const totals = subject.app.db.prepare('SELECT sum(total_ht) AS ht, sum(total_vat) AS vat, sum(total_ttc) AS ttc, sum(refunded_amount) AS refunded FROM orders').get() as Record<string, number>
    expect({ ht: sum('Total HT'), vat: sum('Total TVA'), ttc: sum('Total TTC'), refunded: sum('Remboursé TTC') }).toEqual(totals)
    const perRate = subject.app.db.prepare('SELECT rate_basis_points AS rate, sum(ht) AS ht, sum(vat) AS vat FROM order_vat GROUP BY rate').all() as Array<{ rate: number; ht: number; vat: number }>
    for (const rate of perRate) {
      const percent = String(rate.rate / 100).replace('.', ',')
      expect({ rate: rate.rate, ht: sum(`HT ${percent} %`), vat: sum(`TVA ${percent} %`) }).toEqual(rate)
    }
  }, 240_000)

  it('gives a filtered export only its rows, and the VAT report through the same kind of address', async () => {
    const ticket = await prepare({ kind: 'orders', filters: { statuses: ['declined'] }, locale: 'en', format: 'international' })
    const declined = subject.app.db.prepare("SELECT count(*) FROM orders WHERE status = 'declined'").pluck().get() as number
    expect(ticket.rows).toBe(declined)
    const rows = parseCsv((await download(ticket.url)).body.slice(1), ',')
    expect(rows[0]!.slice(0, 3)).toEqual(['Number', 'Date', 'Status'])
    expect(rows.slice(1)).toHaveLength(declined)
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(['declined']))

    const vat = await prepare({ kind: 'vat', from: '2025-06-01', to: '2025-07-01', locale: 'fr' })
    expect(vat.fileName).toBe('vat-2025-06-01-2025-07-01.csv')
    const report = await download(vat.url)
    expect(report.status).toBe(200)
    expect(report.body.startsWith('\uFEFFTaux de TVA (%);Base HT;TVA;TTC;Devise\r\n')).toBe(true)
    expect(report.body).toContain('Total net;')
  })

  it('records who exported what in the audit log', async () => {
    await prepare({ kind: 'orders', filters: { statuses: ['refunded'] }, locale: 'fr' })
    const entry = subject.app.db
      .prepare("SELECT action, subject, details FROM audit_log WHERE action = 'order.exported' ORDER BY id DESC LIMIT 1")
      .get() as { action: string; subject: string; details: string }
    expect(entry.subject).toBe('orders')
    expect(JSON.parse(entry.details)).toMatchObject({ kind: 'orders', format: 'french', filters: { statuses: ['refunded'] } })
  })
})

describe('a download address', () => {
  const small = { kind: 'orders', filters: { statuses: ['voided'] }, locale: 'fr' }

  it('is good once', async () => {
    const ticket = await prepare(small)
    expect((await download(ticket.url)).status).toBe(200)
    expect((await download(ticket.url)).status).toBe(404)
  })

  it('expires after a minute', async () => {
    const ticket = await prepare(small)
    clockOffsetMs += 61_000
    try {
      const answer = await download(ticket.url)
      expect(answer.status).toBe(410)
      expect(answer.body).not.toContain(';')
    } finally {
      clockOffsetMs -= 61_000
    }
  })

  it('is refused to another browser (another session cookie), to a request without the cookie and to another site', async () => {
    const ticket = await prepare(small)
    expect((await download(ticket.url, otherBrowserCookie)).status).toBe(403)
    // Spent by the refused attempt: a stolen address is worth one try.
    expect((await download(ticket.url)).status).toBe(404)
    const again = await prepare(small)
    expect((await download(again.url, null)).status).toBe(403)
    expect((await download(again.url, cookie, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await download(again.url)).status).toBe(200)
  })

  it('is refused once the session that asked for it has ended, even to the same page', async () => {
    await logIn('admin', SECOND_ADMIN_PAGE)
    const ticket = await prepare(small, SECOND_ADMIN_PAGE)
    expect((await api('auth.logout', {}, SECOND_ADMIN_PAGE)).ok).toBe(true)
    expect((await download(ticket.url)).status).toBe(403)
    // Another user logged in on that page is another session.
    await logIn('cashier', SECOND_ADMIN_PAGE)
    await logIn('admin', SECOND_ADMIN_PAGE)
    const next = await prepare(small, SECOND_ADMIN_PAGE)
    await logIn('cashier', SECOND_ADMIN_PAGE)
    expect((await download(next.url)).status).toBe(403)
  })

  it('is never handed to a cashier, and a made-up or malformed one is not found', async () => {
    const refused = await api('exports.prepare', small, CASHIER_PAGE)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await download(`/downloads/${'A'.repeat(43)}`)).status).toBe(404)
    expect((await download('/downloads/short')).status).toBe(404)
  })
})
